package nl.beslisstraat.engine.vocabulary;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import nl.beslisstraat.engine.regulation.InputSchema;
import nl.beslisstraat.engine.regulation.LocalChoice;
import nl.beslisstraat.engine.regulation.RegulationCatalog;
import nl.beslisstraat.engine.regulation.RegulationDescriptor;
import nl.beslisstraat.engine.regulation.RegulationLabels;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The words for a case's codes, in the page's language: what the regulation calls its case type,
 * fields, coded values, reasons and amounts ({@code regulation.json} and its input schema), and
 * what the engine calls statuses, outcomes and history events (the message bundles). A code
 * nobody named is shown as it is, so nothing disappears from a page. Templates call it as
 * {@code @words}; the code itself goes in the element's {@code title}.
 */
@Component("words")
public class CaseVocabulary {

    private static final String MISSING = "—";

    /** How the simulation marks a transition to the same outcome with another amount. */
    private static final String OTHER_AMOUNT = " (ander bedrag)";

    private final RegulationCatalog regulations;
    private final MessageSource messages;
    private final PageFormats formats;
    private final JsonMapper json;

    CaseVocabulary(RegulationCatalog regulations, MessageSource messages, PageFormats formats, JsonMapper json) {
        this.regulations = regulations;
        this.messages = messages;
        this.formats = formats;
        this.json = json;
    }

    /** A case type by its regulation's name: {@code Bewonersparkeervergunning}. */
    public String caseType(String caseType) {
        return regulation(caseType)
                .map(RegulationDescriptor::name)
                .map(name -> RegulationLabels.in(name, PageFormats.locale()))
                .orElse(caseType);
    }

    /** A rule-set version ({@code PARKING_PERMIT/2026.1}) as {@code Bewonersparkeervergunning, versie 2026.1}. */
    public String ruleSetVersion(String ruleSetVersion) {
        if (ruleSetVersion == null || !ruleSetVersion.contains("/")) {
            return ruleSetVersion;
        }
        int slash = ruleSetVersion.indexOf('/');
        return message(
                "words.ruleSetVersion",
                ruleSetVersion,
                caseType(ruleSetVersion.substring(0, slash)),
                ruleSetVersion.substring(slash + 1));
    }

    /** A case status: {@code IN_REVIEW} as "bij een behandelaar". */
    public String status(Object status) {
        return status == null ? "" : message("status." + status, status.toString());
    }

    /** A rule or norm version's status: {@code DRAFT} as "Concept". */
    public String versionStatus(String status) {
        return status == null ? "" : message("versionStatus." + status, status);
    }

    /** An outcome: {@code GRANTED} as "Toegekend". */
    public String outcome(Object outcome) {
        if (outcome == null) {
            return "";
        }
        String code = outcome.toString();
        // a simulation names an outcome that stayed but with another amount "GRANTED (ander bedrag)"
        if (code.endsWith(OTHER_AMOUNT)) {
            String base = code.substring(0, code.length() - OTHER_AMOUNT.length());
            return message("outcome." + base, base) + " (" + message("words.otherAmount", "ander bedrag") + ")";
        }
        return message("outcome." + code, code);
    }

    /** What happened, in the case history or the audit trail: {@code CASE_DECIDED_BY_REVIEWER}. */
    public String event(String action) {
        return action == null ? "" : message("event." + action, action);
    }

    /** Who acted: a person's account, or the engine in words. */
    public String actor(String actor) {
        return "engine".equals(actor) ? message("words.engine", actor) : actor;
    }

    /**
     * A reason by its regulation's label; the engine's own reasons ({@code INCOMPLETE_DATA},
     * {@code OBJECTION}) from the message bundles.
     */
    public String reason(String caseType, String code) {
        if (code == null) {
            return "";
        }
        String label = regulation(caseType)
                .map(regulation ->
                        RegulationLabels.in(regulation.labels().reasons().get(code), PageFormats.locale()))
                .orElse(null);
        return label != null ? label : message("reason." + code, code);
    }

    /**
     * A reason where the case type is not known, such as a filter over all case types: the label
     * of the first regulation that names it, else the engine's, else the code.
     */
    public String anyReason(String code) {
        for (String caseType : new java.util.TreeSet<>(regulations.caseTypes())) {
            String label = regulation(caseType)
                    .map(found -> RegulationLabels.in(found.labels().reasons().get(code), PageFormats.locale()))
                    .orElse(null);
            if (label != null) {
                return label;
            }
        }
        return reason(null, code);
    }

    /** Several reasons, in words, separated by commas; by any regulation's labels when the case type is not known. */
    public String reasons(String caseType, Collection<String> codes) {
        return codes == null
                ? ""
                : codes.stream()
                        .map(code -> caseType == null ? anyReason(code) : reason(caseType, code))
                        .distinct() // four fields missing are one reason, named once; each has its sentence
                        .collect(Collectors.joining(", "));
    }

    /** A value as stored, for the tooltip beside its words: a text without JSON quotes. */
    public String raw(Object value) {
        if (value instanceof JsonNode node) {
            return node.isValueNode() ? node.asString() : node.toString();
        }
        return value == null ? "" : value.toString();
    }

    /** An input field by its title: English from {@code labels}, Dutch from the schema's title. */
    public String field(String caseType, String field) {
        if ("caseType".equals(field)) {
            return message("queue.filter.caseType", field);
        }
        if ("referenceDate".equals(field)) {
            return message("case.referenceDate", field);
        }
        Optional<RegulationDescriptor> regulation = regulation(caseType);
        String label = regulation
                .map(found -> found.labels().fields().get(field))
                .map(labels -> RegulationLabels.in(labels.label(), PageFormats.locale()))
                .orElse(null);
        if (label == null
                || (!PageFormats.english() && !labels(regulation, field).label().containsKey("nl"))) {
            String title = schema(caseType)
                    .map(schema -> schema.property(field).path("title").asString(null))
                    .orElse(null);
            label = title != null ? title : label;
        }
        return label == null ? field : capitalised(label);
    }

    /**
     * A field's value as a reader expects it: a coded value by its label, yes/no, a date written
     * out, euros as money, measures with their unit; "—" for none.
     */
    public String value(String caseType, String field, Object value) {
        String raw = value instanceof JsonNode node
                ? (node.isNull() || node.isMissingNode()
                        ? null
                        : node.isValueNode() ? node.asString() : node.toString())
                : value == null ? null : value.toString();
        if (raw == null || raw.equals(MISSING)) {
            return MISSING;
        }
        if ("caseType".equals(field)) {
            return caseType(raw);
        }
        if ("referenceDate".equals(field)) {
            return formats.date(raw);
        }
        RegulationLabels.FieldLabels labels = labels(regulation(caseType), field);
        String coded = RegulationLabels.in(labels.values().get(raw), PageFormats.locale());
        if (coded != null) {
            return coded;
        }
        if (raw.equals("true") || raw.equals("false")) {
            return formats.yesNo(Boolean.parseBoolean(raw));
        }
        boolean date = schema(caseType)
                .map(schema ->
                        "date".equals(schema.property(field).path("format").asString(null)))
                .orElse(false);
        if (date) {
            return formats.date(raw);
        }
        if (PageFormats.decimal(raw) == null) {
            return raw;
        }
        String unit = labels.unit();
        if ("EUR".equals(unit)) {
            return formats.money(raw);
        }
        String number = formats.number(raw);
        return unit == null ? number : number + " " + unit.replace("m2", "m²");
    }

    /**
     * An application's fields in the order its input schema declares them (the envelope first),
     * as a reader of the form expects; the database keeps them in an order of its own.
     */
    public List<Map.Entry<String, Object>> inSchemaOrder(String caseType, Object input) {
        List<Map.Entry<String, Object>> fields = new ArrayList<>();
        if (input instanceof Map<?, ?> map) {
            map.forEach((name, value) -> fields.add(Map.entry(name.toString(), value == null ? MISSING : value)));
        } else if (input instanceof Iterable<?> entries) {
            for (Object entry : entries) {
                if (entry instanceof Map.Entry<?, ?> field) {
                    fields.add(Map.entry(
                            field.getKey().toString(), field.getValue() == null ? MISSING : field.getValue()));
                }
            }
        }
        List<String> order = new ArrayList<>(List.of("caseType", "referenceDate"));
        schema(caseType).ifPresent(schema -> order.addAll(schema.fieldsInOrder()));
        fields.sort(java.util.Comparator.comparingInt(field -> {
            int at = order.indexOf(field.getKey());
            return at < 0 ? Integer.MAX_VALUE : at;
        }));
        return fields;
    }

    /** The label of an amount or date an outcome sets: {@code fee} as "Leges per jaar (EUR)". */
    public String amount(String caseType, String name) {
        return regulation(caseType)
                .flatMap(regulation -> regulation.label(name, PageFormats.locale()))
                .orElse(name);
    }

    /** An outcome's amount or date: a date written out when the regulation declares it a date, else money. */
    public String amountValue(String caseType, String name, Object value) {
        boolean date = regulation(caseType)
                .map(regulation -> regulation.dateNames().contains(name))
                .orElse(false);
        return date ? formats.date(value) : formats.money(value);
    }

    /** One line of "what is set": its name in words, its value formatted, and the code for the tooltip. */
    public record Term(String label, String text, String code) {}

    /** The amounts (and dates) of an outcome or an example, in words, in the order given. */
    public List<Term> amounts(String caseType, Object amounts) {
        List<Term> terms = new ArrayList<>();
        if (amounts instanceof Map<?, ?> map) {
            map.forEach((name, value) -> terms.add(amountTerm(caseType, name.toString(), value)));
        } else if (amounts instanceof JsonNode node && node.isObject()) {
            node.properties().forEach(entry -> terms.add(amountTerm(caseType, entry.getKey(), entry.getValue())));
        }
        return terms;
    }

    /** Amounts as one text: "Leges per jaar (EUR): € 240,00; …"; empty when there are none. */
    public String amountsText(String caseType, Object amounts) {
        return amounts(caseType, amounts).stream()
                .map(term -> term.label() + ": " + term.text())
                .collect(Collectors.joining("; "));
    }

    private Term amountTerm(String caseType, String name, Object value) {
        return new Term(amount(caseType, name), amountValue(caseType, name, value), name);
    }

    /**
     * The details of a history event or audit entry (stored as JSON) as lines in words: the
     * outcome, the reasons, the rule-set version, the amounts, the motivation. A detail the
     * bundles do not name keeps its key, so an auditor never loses a fact.
     */
    public List<Term> details(String caseType, String details) {
        List<Term> terms = new ArrayList<>();
        if (details == null || details.isBlank()) {
            return terms;
        }
        JsonNode node;
        try {
            node = json.readTree(details);
        } catch (RuntimeException notJson) {
            terms.add(new Term(message("history.detail.text", "details"), details, null));
            return terms;
        }
        if (!node.isObject()) {
            terms.add(new Term(message("history.detail.text", "details"), node.asString(details), null));
            return terms;
        }
        for (Map.Entry<String, JsonNode> entry : node.properties()) {
            String key = entry.getKey();
            JsonNode value = entry.getValue();
            String label = message("history.detail." + key, key);
            switch (key) {
                case "outcome" -> terms.add(new Term(label, outcome(value.asString()), value.asString()));
                case "reasons", "reasonCodes" -> {
                    List<String> codes = new ArrayList<>();
                    value.forEach(code -> codes.add(code.asString()));
                    terms.add(new Term(label, reasons(caseType, codes), String.join(", ", codes)));
                }
                case "ruleSetVersion" -> terms.add(new Term(label, ruleSetVersion(value.asString()), value.asString()));
                case "caseType" -> terms.add(new Term(label, caseType(value.asString()), value.asString()));
                case "effectiveFrom", "runDate" ->
                    terms.add(new Term(label, formats.date(value.asString()), value.asString()));
                case "format" ->
                    terms.add(new Term(
                            label, message("history.format." + value.asString(), value.asString()), value.asString()));
                case "choices" ->
                    terms.add(new Term(
                            label, choices(node.path("caseType").asString(caseType), value), value.toString()));
                case "amounts", "dates" -> terms.add(new Term(label, amountsText(caseType, value), null));
                case "roles" -> {
                    // an account's roles, as the accounts' pages name them ("REVIEWER,AUDITOR")
                    List<String> roles = new ArrayList<>();
                    for (String role : value.asString().split(",")) {
                        if (!role.isBlank()) {
                            roles.add(message("role." + role.strip(), role.strip()));
                        }
                    }
                    terms.add(new Term(label, String.join(", ", roles), value.asString()));
                }
                default -> terms.add(new Term(label, value.isValueNode() ? value.asString() : value.toString(), null));
            }
        }
        return terms;
    }

    /**
     * A municipality's choices on a model ({@code {"feeZoneA": 180.00}}) by the model's labels:
     * "Leges per jaar zone A (EUR): 180,00"; a choice the model does not name keeps its name.
     */
    private String choices(String caseType, JsonNode values) {
        if (!values.isObject()) {
            return values.isValueNode() ? values.asString() : values.toString();
        }
        Map<String, LocalChoice> defined = new java.util.HashMap<>();
        regulation(caseType)
                .ifPresent(
                        regulation -> regulation.localChoices().forEach(choice -> defined.put(choice.name(), choice)));
        List<String> lines = new ArrayList<>();
        for (Map.Entry<String, JsonNode> set : values.properties()) {
            LocalChoice choice = defined.get(set.getKey());
            String name = choice == null ? set.getKey() : RegulationLabels.in(choice.label(), PageFormats.locale());
            JsonNode value = set.getValue();
            String shown = !value.isNumber()
                    ? value.asString()
                    : choice != null && choice.scale() != null
                            ? formats.number(value.decimalValue(), choice.scale())
                            : formats.number(value.decimalValue());
            lines.add(name + ": " + shown);
        }
        return String.join("; ", lines);
    }

    /**
     * The case type an example result belongs to: a norm version's examples are named
     * "{@code TAX_REMISSION: …}", a rule version's are of its own case type.
     */
    public String exampleCaseType(String name, String caseType) {
        if (name != null && name.contains(": ")) {
            String prefix = name.substring(0, name.indexOf(": "));
            if (regulation(prefix).isPresent()) {
                return prefix;
            }
        }
        return caseType;
    }

    /**
     * How the name of an officer's own example case starts, as stored with its result; the pages
     * say it in their language.
     */
    public static final String OWN_EXAMPLE = "eigen: ";

    /** An example's name with a leading case-type code in words, and "own: " on an English page. */
    public String exampleName(String name) {
        if (name != null && name.startsWith(OWN_EXAMPLE)) {
            return message("examples.own", "eigen: {0}", exampleName(name.substring(OWN_EXAMPLE.length())));
        }
        String caseType = exampleCaseType(name, null);
        return caseType == null ? name : caseType(caseType) + name.substring(caseType.length());
    }

    private Optional<RegulationDescriptor> regulation(String caseType) {
        try {
            return caseType == null ? Optional.empty() : regulations.descriptor(caseType);
        } catch (RuntimeException notStarted) {
            return Optional.empty();
        }
    }

    private Optional<InputSchema> schema(String caseType) {
        try {
            return caseType == null || !regulations.knows(caseType)
                    ? Optional.empty()
                    : Optional.of(regulations.latest(caseType).inputSchema());
        } catch (RuntimeException none) {
            return Optional.empty();
        }
    }

    private static RegulationLabels.FieldLabels labels(Optional<RegulationDescriptor> regulation, String field) {
        return regulation
                .map(found -> found.labels().fields().get(field))
                .orElse(new RegulationLabels.FieldLabels(Map.of(), null, Map.of()));
    }

    private static String capitalised(String label) {
        return label.isEmpty() ? label : Character.toUpperCase(label.charAt(0)) + label.substring(1);
    }

    private String message(String key, String fallback, Object... arguments) {
        Locale locale = PageFormats.locale();
        return messages.getMessage(key, arguments, fallback, locale);
    }
}
