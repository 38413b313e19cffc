package nl.beslisstraat.engine.regulation;

import com.networknt.schema.Error;
import com.networknt.schema.OutputFormat;
import com.networknt.schema.Schema;
import java.time.DateTimeException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.exc.JsonNodeException;

/**
 * A case type's input contract, declared in JSON Schema beside its rules. Checking an input gives
 * one {@link FieldProblem} per field, split in two kinds because they are handled differently:
 * missing data goes to a reviewer ({@code INCOMPLETE_DATA}); malformed data is refused at intake.
 */
public final class InputSchema {

    /** The field name under which a problem with the input as a whole is reported. */
    public static final String WHOLE_INPUT = "(body)";

    /**
     * The fields of the envelope every application carries beside its own: they choose the schema,
     * so the schema does not declare them, and they are not checked against it.
     */
    public static final java.util.Set<String> ENVELOPE = java.util.Set.of("caseType", "referenceDate");

    private final Schema schema;
    private final QuickInputCheck quick;
    private final Map<String, String> titles;
    private final Set<String> dateFields;
    private final Map<String, Pattern> textForms;

    InputSchema(Schema schema) {
        this.schema = schema;
        this.quick = QuickInputCheck.compile(schema.getSchemaNode(), ENVELOPE).orElse(null);
        Map<String, String> found = new LinkedHashMap<>();
        JsonNode properties = schema.getSchemaNode().path("properties");
        for (String field : properties.propertyNames()) {
            found.put(field, properties.path(field).path("title").asString(field));
        }
        this.titles = Map.copyOf(found);
        Set<String> dates = new LinkedHashSet<>();
        for (String field : properties.propertyNames()) {
            if (declaresDate(schema.getSchemaNode(), properties.path(field), 0)) {
                dates.add(field);
            }
        }
        this.dateFields = Set.copyOf(dates);
        Map<String, Pattern> forms = new LinkedHashMap<>();
        for (String field : properties.propertyNames()) {
            textForm(schema.getSchemaNode(), properties.path(field)).ifPresent(form -> forms.put(field, form));
        }
        this.textForms = Map.copyOf(forms);
    }

    /**
     * Where a field takes a number or a text of a pattern (an amount as 350.00 or "350.00"), the
     * pattern. The validator holds only the text to it, so 350.005 sent as a number would pass as
     * an amount of three decimals, and 1.5e-9 as a citizen's income.
     */
    private static Optional<Pattern> textForm(JsonNode root, JsonNode property) {
        JsonNode declared = resolved(root, property);
        String pattern = null;
        boolean number = false;
        for (String branch : List.of("anyOf", "oneOf")) {
            for (JsonNode option : declared.path(branch)) {
                JsonNode form = resolved(root, option);
                String type = form.path("type").asString("");
                if (type.equals("string") && form.has("pattern")) {
                    pattern = form.path("pattern").asString();
                } else if (type.equals("number") || type.equals("integer")) {
                    number = true;
                }
            }
        }
        return number && pattern != null ? Optional.of(Pattern.compile(pattern)) : Optional.empty();
    }

    private static JsonNode resolved(JsonNode root, JsonNode node) {
        String ref = node.path("$ref").asString("");
        return ref.startsWith("#/") ? root.at(ref.substring(1)) : node;
    }

    /** A number is held to the form its text must have: 350.005 is refused as "350.005" is. */
    private List<FieldProblem> numbersNotInTextForm(JsonNode input) {
        if (textForms.isEmpty() || !input.isObject()) {
            return List.of();
        }
        List<FieldProblem> problems = new ArrayList<>();
        textForms.forEach((field, form) -> {
            JsonNode value = input.get(field);
            if (value != null && value.isNumber()) {
                String written = value.decimalValue().toPlainString();
                if (!form.matcher(written).find()) {
                    problems.add(FieldProblem.invalid(
                            field,
                            "is not written as this field takes it (as text: " + form.pattern() + "), not " + written));
                }
            }
        });
        return problems;
    }

    /** Whether a field is declared a date ({@code "format": "date"}), itself, by $ref or as one of its options. */
    private static boolean declaresDate(JsonNode root, JsonNode property, int depth) {
        if (depth > 16 || !property.isObject()) {
            return false;
        }
        if ("date".equals(property.path("format").asString(""))) {
            return true;
        }
        if (property.has("$ref")) {
            String ref = property.path("$ref").asString("");
            if (ref.startsWith("#/") && declaresDate(root, root.at(ref.substring(1)), depth + 1)) {
                return true;
            }
        }
        for (String branch : List.of("anyOf", "oneOf", "allOf")) {
            for (JsonNode option : property.path(branch)) {
                if (declaresDate(root, option, depth + 1)) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * The validator only notes {@code "format": "date"} (JSON Schema 2020-12 makes it an
     * annotation), so a text of the right shape that names no day, such as 2026-02-30, would pass
     * it and fail the decision later, naming no field. Such a date is invalid here, naming its
     * field, read by the one reader of dates from outside ({@link IsoDate}).
     */
    private List<FieldProblem> impossibleDates(JsonNode input) {
        if (dateFields.isEmpty() || !input.isObject()) {
            return List.of();
        }
        List<FieldProblem> problems = new ArrayList<>();
        for (String field : dateFields) {
            JsonNode value = input.get(field);
            if (value == null || !value.isString()) {
                continue;
            }
            try {
                IsoDate.parse(value.asString());
            } catch (DateTimeException notADay) {
                problems.add(FieldProblem.invalid(
                        field, "must be an ISO date such as 2026-07-01, not \"" + value.asString() + "\""));
            }
        }
        return problems;
    }

    /**
     * How the schema declares one field (type, enum, format, title), for pages that show its
     * value; a missing node when the schema does not declare it.
     */
    public JsonNode property(String field) {
        return schema.getSchemaNode().path("properties").path(field);
    }

    /** The declared fields in the order the schema declares them, as a form would list them. */
    public List<String> fieldsInOrder() {
        List<String> fields = new ArrayList<>();
        schema.getSchemaNode().path("properties").propertyNames().forEach(fields::add);
        return fields;
    }

    /** The schema as declared. */
    JsonNode schemaNode() {
        return schema.getSchemaNode();
    }

    /**
     * Whether a field takes text of any content: a string with no enum, const, pattern or format
     * to hold it to a closed form.
     */
    public boolean isFreeText(String field) {
        return freeText(
                schema.getSchemaNode(),
                schema.getSchemaNode().path("properties").path(field),
                0);
    }

    private static boolean freeText(JsonNode root, JsonNode property, int depth) {
        if (depth > 16 || !property.isObject()) {
            return false;
        }
        if (property.has("$ref")) {
            String ref = property.path("$ref").asString("");
            return ref.startsWith("#/") && freeText(root, root.at(ref.substring(1)), depth + 1);
        }
        for (String branch : List.of("anyOf", "oneOf")) {
            for (JsonNode option : property.path(branch)) {
                if (freeText(root, option, depth + 1)) {
                    return true;
                }
            }
        }
        JsonNode type = property.path("type");
        boolean string = type.isString()
                ? "string".equals(type.asString())
                : type.toString().contains("\"string\"");
        return string
                && !property.has("enum")
                && !property.has("const")
                && !property.has("pattern")
                && !property.has("format");
    }

    /** The declared fields with their Dutch titles, in schema order. */
    public Map<String, String> titles() {
        return titles;
    }

    public List<FieldProblem> check(JsonNode input) {
        // Nearly every case is valid: a quick yes first (which passes the envelope over), then the
        // validator's fail-fast yes/no, the full error list only when needed.
        List<FieldProblem> numbers = numbersNotInTextForm(input);
        if (numbers.isEmpty() && quick != null && quick.check(input) == QuickInputCheck.Verdict.VALID) {
            return List.of();
        }
        input = withoutEnvelope(input);
        try {
            List<FieldProblem> dates = impossibleDates(input);
            if (dates.isEmpty() && numbers.isEmpty() && schema.validate(input, OutputFormat.BOOLEAN)) {
                return List.of();
            }
            Map<String, FieldProblem> byField = new LinkedHashMap<>();
            for (Error error : schema.validate(input)) {
                FieldProblem problem = toProblem(error);
                byField.merge(problem.field(), problem, FieldProblem::mergedWith);
            }
            // a date the validator let through is reported once, beside what the validator found
            dates.forEach(problem -> byField.putIfAbsent(problem.field(), problem));
            numbers.forEach(problem -> byField.putIfAbsent(problem.field(), problem));
            return new ArrayList<>(byField.values());
        } catch (JsonNodeException beyondRange) {
            return tooLarge(input);
        }
    }

    /**
     * The validator gives up on comparing a number beyond a long's range (1e300, say) with a
     * field's bounds. No field of an application holds such a number: it is refused, naming its field.
     */
    private static List<FieldProblem> tooLarge(JsonNode input) {
        List<FieldProblem> problems = new ArrayList<>();
        for (Map.Entry<String, JsonNode> field : input.properties()) {
            if (field.getValue().isNumber() && !field.getValue().canConvertToLong()) {
                problems.add(FieldProblem.invalid(field.getKey(), "is a number too large for this field"));
            }
        }
        return problems.isEmpty()
                ? List.of(FieldProblem.invalid(WHOLE_INPUT, "holds a number too large to check"))
                : problems;
    }

    private static JsonNode withoutEnvelope(JsonNode input) {
        if (!(input instanceof tools.jackson.databind.node.ObjectNode object)
                || ENVELOPE.stream().noneMatch(object::has)) {
            return input;
        }
        // a shallow copy: the fields' values are shared, not copied
        tools.jackson.databind.node.ObjectNode fields = object.objectNode();
        for (java.util.Map.Entry<String, JsonNode> field : object.properties()) {
            if (!ENVELOPE.contains(field.getKey())) {
                fields.set(field.getKey(), field.getValue());
            }
        }
        return fields;
    }

    private static FieldProblem toProblem(Error error) {
        String location = error.getInstanceLocation().toString();
        if ("additionalProperties".equals(error.getKeyword()) && error.getProperty() != null) {
            // a field the schema does not declare is reported under its own name, so every one is listed
            String unknown = location.isEmpty() || "$".equals(location) || "/".equals(location)
                    ? error.getProperty()
                    : topLevelField(location);
            return FieldProblem.invalid(unknown, "is not a field of this application; it is not accepted or stored");
        }
        String field = topLevelField(location);
        boolean topLevel = !field.isEmpty() && location.endsWith(field) && location.length() - field.length() <= 2;
        if ("required".equals(error.getKeyword()) && field.isEmpty()) {
            return FieldProblem.missing(error.getProperty());
        }
        if (field.isEmpty()) {
            return FieldProblem.invalid(WHOLE_INPUT, error.getMessage());
        }
        JsonNode value = error.getInstanceNode();
        if (topLevel && (value == null || value.isNull() || value.isMissingNode())) {
            return FieldProblem.missing(field);
        }
        // The validator prefixes its message with the location; the field is reported on its own.
        String message = error.getMessage();
        if (message.startsWith(location + ": ")) {
            message = message.substring(location.length() + 2);
        }
        return FieldProblem.invalid(field, message);
    }

    /** "/vehicleLength", "$.vehicleLength" and "/objects/2/area" all belong to the first field named. */
    private static String topLevelField(String instanceLocation) {
        String path = instanceLocation.replaceFirst("^(\\$\\.|/)", "");
        int end = path.length();
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            if (c == '.' || c == '/' || c == '[') {
                end = i;
                break;
            }
        }
        return path.substring(0, end);
    }

    /**
     * One field that failed its schema.
     *
     * @param missing true when the value is absent or null, false when present but malformed
     */
    public record FieldProblem(String field, boolean missing, String message) {

        static FieldProblem missing(String field) {
            return new FieldProblem(field, true, field + ": is required but missing");
        }

        static FieldProblem invalid(String field, String message) {
            return new FieldProblem(field, false, message);
        }

        FieldProblem mergedWith(FieldProblem other) {
            if (missing || other.missing) {
                return missing ? this : other;
            }
            return new FieldProblem(field, false, message + "; " + other.message);
        }
    }
}
