package nl.beslisstraat.engine.workbench;

import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** An application's fields as a case page lists them: the envelope (case type, reference date) left out. */
final class ApplicationFields {

    private ApplicationFields() {}

    static Map<String, String> of(JsonMapper json, String input) {
        Map<String, String> fields = new LinkedHashMap<>();
        JsonNode node = json.readTree(input);
        for (String name : node.propertyNames()) {
            if (!name.equals("caseType") && !name.equals("referenceDate")) {
                JsonNode value = node.get(name);
                fields.put(name, value.isNull() ? "—" : value.isValueNode() ? value.asString() : value.toString());
            }
        }
        return fields;
    }
}
