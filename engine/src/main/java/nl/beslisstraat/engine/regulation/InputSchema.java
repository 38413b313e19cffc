package nl.beslisstraat.engine.regulation;

import com.networknt.schema.Error;
import com.networknt.schema.OutputFormat;
import com.networknt.schema.Schema;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * A case type's input contract, declared in JSON Schema beside its rules. Checking an input gives
 * one {@link FieldProblem} per field, split in two kinds because they are handled differently:
 * missing data goes to a reviewer ({@code INCOMPLETE_DATA}); malformed data is refused at intake.
 */
public final class InputSchema {

    /** The field name under which a problem with the input as a whole is reported. */
    public static final String WHOLE_INPUT = "(body)";

    private final Schema schema;
    private final Map<String, String> titles;

    InputSchema(Schema schema) {
        this.schema = schema;
        Map<String, String> found = new LinkedHashMap<>();
        JsonNode properties = schema.getSchemaNode().path("properties");
        for (String field : properties.propertyNames()) {
            found.put(field, properties.path(field).path("title").asString(field));
        }
        this.titles = Map.copyOf(found);
    }

    /** The declared fields with their Dutch titles, in schema order. */
    public Map<String, String> titles() {
        return titles;
    }

    public List<FieldProblem> check(JsonNode input) {
        // Nearly every case is valid: a fail-fast yes/no first, the full error list only when needed.
        if (schema.validate(input, OutputFormat.BOOLEAN)) {
            return List.of();
        }
        Map<String, FieldProblem> byField = new LinkedHashMap<>();
        for (Error error : schema.validate(input)) {
            FieldProblem problem = toProblem(error);
            byField.merge(problem.field(), problem, FieldProblem::mergedWith);
        }
        return new ArrayList<>(byField.values());
    }

    private static FieldProblem toProblem(Error error) {
        String location = error.getInstanceLocation().toString();
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
