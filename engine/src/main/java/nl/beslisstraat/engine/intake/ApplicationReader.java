package nl.beslisstraat.engine.intake;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import nl.beslisstraat.engine.cases.CaseApplication;
import nl.beslisstraat.engine.database.WrittenText;
import nl.beslisstraat.engine.regulation.InputSchema;
import nl.beslisstraat.engine.regulation.InputSchema.FieldProblem;
import nl.beslisstraat.engine.regulation.IsoDate;
import nl.beslisstraat.engine.regulation.NoRuleSetInForce;
import nl.beslisstraat.engine.regulation.RegulationCatalog;
import nl.beslisstraat.engine.regulation.RuleSet;
import nl.beslisstraat.engine.tenancy.Municipality;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a submitted application and holds it to the contract: well-formed JSON, a known case
 * type, an ISO reference date, and every field of the right type and within bounds. Errors are
 * reported together, one per field; the fields themselves are checked once the case type and
 * reference date are known, since they choose the schema. Missing fields are not an error here: the case
 * is accepted and the rules send it to review with {@code INCOMPLETE_DATA}.
 */
@Component
public class ApplicationReader {

    /** Digits of a number in an application: cents of a hundred million euros fit with room to spare. */
    static final int MAX_DIGITS = 20;

    static final int MAX_SCALE = 10;

    /**
     * Values a case of a regulation that could not be started may hold: it cannot be checked against
     * its schema, yet must stay as small as any checked case for the nightly run.
     */
    static final int MAX_UNCHECKED_VALUES = 200;

    private final JsonMapper json;
    private final RegulationCatalog regulations;

    public ApplicationReader(JsonMapper json, RegulationCatalog regulations) {
        this.json = json;
        this.regulations = regulations;
    }

    public CaseApplication read(String body) {
        return read(body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Reads the body as sent: JSON between systems is UTF-8 (RFC 8259, which defines no charset
     * parameter for it), and bytes that are no UTF-8 are refused naming where they are, rather than
     * stored as replacement characters in place of what the e-service sent.
     */
    public CaseApplication read(byte[] body) {
        JsonNode node;
        try {
            node = json.readTree(body == null ? new byte[0] : body);
        } catch (JacksonException e) {
            FieldError unreadable = JsonFieldAt.of(e)
                    .map(field -> new FieldError(
                            field, "is not valid JSON (reading stopped at this field): " + e.getOriginalMessage()))
                    .orElseGet(() -> new FieldError("(body)", "is not valid JSON: " + e.getOriginalMessage()));
            throw new InvalidApplication(List.of(unreadable));
        }
        if (node == null || !node.isObject()) {
            throw new InvalidApplication(List.of(new FieldError("(body)", "must be a JSON object")));
        }
        List<FieldError> errors = new ArrayList<>();
        storable(node, "", errors);
        String caseType = caseType(node.get("caseType"), errors);
        LocalDate referenceDate = referenceDate(node.get("referenceDate"), errors);
        // a case type whose regulation could not be started is taken in unchecked: it goes to review
        if (caseType != null && referenceDate != null && regulations.knows(caseType)) {
            try {
                RuleSet rules = regulations.inForce(caseType, referenceDate);
                for (FieldProblem problem : rules.inputSchema().check(node)) {
                    if (!problem.missing()) {
                        errors.add(new FieldError(problem.field(), problem.message()));
                    }
                }
            } catch (NoRuleSetInForce e) {
                errors.add(new FieldError("referenceDate", e.getMessage()));
            }
        } else if (caseType != null && values(node, 0) > MAX_UNCHECKED_VALUES) {
            // without a schema to close it, a case is still held to the size of the largest application
            errors.add(new FieldError(
                    InputSchema.WHOLE_INPUT,
                    "has more than " + MAX_UNCHECKED_VALUES + " values, more than any application has"));
        }
        List<FieldError> tooLong = new ArrayList<>();
        numbers(node, "", tooLong);
        // one error a field: a number the schema already refused (as not in its text's form) is named once
        tooLong.stream()
                .filter(number ->
                        errors.stream().noneMatch(error -> error.field().equals(number.field())))
                .forEach(errors::add);
        if (!errors.isEmpty()) {
            throw new InvalidApplication(errors);
        }
        return new CaseApplication(caseType, referenceDate, node);
    }

    /**
     * Refuses numbers with more digits or a larger exponent than any amount, measure or count has,
     * at any depth. A number such as {@code 1e-16000} passes a schema's bounds yet is stored as
     * sixteen thousand digits; without this, a small body could become a large stored case.
     */
    static void numbers(JsonNode node, String path, List<FieldError> errors) {
        if (node.isNumber()) {
            java.math.BigDecimal number = node.decimalValue();
            if (number.precision() > MAX_DIGITS || Math.abs(number.scale()) > MAX_SCALE) {
                errors.add(new FieldError(
                        path,
                        "has more digits than any amount or count needs (at most " + MAX_DIGITS + " digits, "
                                + MAX_SCALE + " after the point)"));
            }
        } else if (node.isObject()) {
            for (var field : node.properties()) {
                numbers(field.getValue(), path.isEmpty() ? field.getKey() : path + "." + field.getKey(), errors);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                numbers(node.get(i), path + "[" + i + "]", errors);
            }
        }
    }

    /**
     * Refuses text the database cannot keep exactly as sent, in names and values alike: the NUL
     * character, which PostgreSQL's JSON refuses, and half of a surrogate pair, which is no character
     * at all. A schema's pattern or list of values would refuse them in a field that has one; a
     * free-text field, or a case taken in unchecked, has none.
     */
    static void storable(JsonNode node, String path, List<FieldError> errors) {
        if (node.isString() && !WrittenText.storable(node.asString())) {
            errors.add(
                    new FieldError(path, "holds a NUL character or half of a surrogate pair, which cannot be stored"));
        } else if (node.isObject()) {
            for (var field : node.properties()) {
                String name = path.isEmpty() ? field.getKey() : path + "." + field.getKey();
                if (!WrittenText.storable(field.getKey())) {
                    errors.add(new FieldError(
                            name,
                            "is a name with a NUL character or half of a surrogate pair, which cannot be stored"));
                }
                storable(field.getValue(), name, errors);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                storable(node.get(i), path + "[" + i + "]", errors);
            }
        }
    }

    /** The values in a document, counted up to just past the limit. */
    private static int values(JsonNode node, int counted) {
        int total = counted + 1;
        if (node.isContainer()) {
            for (JsonNode child : node.values()) {
                if (total > MAX_UNCHECKED_VALUES) {
                    break;
                }
                total = values(child, total);
            }
        }
        return total;
    }

    /** A case type the e-service's municipality decides: a shared model, or a regulation of its own. */
    private String caseType(JsonNode value, List<FieldError> errors) {
        String municipality = Municipality.current().orElse(null);
        String known = String.join(", ", regulations.caseTypesFor(municipality));
        if (value == null || value.isNull()) {
            errors.add(new FieldError("caseType", "is required; one of " + known));
            return null;
        }
        if (!value.isString()
                || !regulations.accepts(value.asString())
                || !regulations.isFor(municipality, value.asString())) {
            errors.add(new FieldError("caseType", "unknown case type " + value + "; one of " + known));
            return null;
        }
        return value.asString();
    }

    /**
     * Read by {@link IsoDate}, as every date from outside: {@link LocalDate#parse} also takes years
     * such as {@code +12026}, which no regulation means: the queue took such a case in (and the night
     * would decide it: a city pass valid until 12026), decide-now failed on it with a 500.
     */
    static LocalDate referenceDate(JsonNode value, List<FieldError> errors) {
        if (value == null || value.isNull()) {
            errors.add(new FieldError("referenceDate", "is required, as an ISO date such as 2026-07-01"));
            return null;
        }
        try {
            if (value.isString()) {
                return IsoDate.parse(value.asString());
            }
        } catch (DateTimeParseException e) {
            // reported below
        }
        errors.add(new FieldError("referenceDate", "must be an ISO date such as 2026-07-01, not " + value));
        return null;
    }
}
