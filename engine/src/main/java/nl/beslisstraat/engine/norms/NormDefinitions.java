package nl.beslisstraat.engine.norms;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import nl.beslisstraat.engine.regulation.Phrase;
import tools.jackson.databind.JsonNode;

/**
 * The norms the product knows, each with its plausible range, from the {@code norms} object of the
 * norm table's definition ({@code norm-table.json}). An uploaded table may only hold these norms,
 * with amounts inside their ranges.
 */
public final class NormDefinitions {

    private final Map<String, NormDefinition> byName;

    NormDefinitions(Map<String, NormDefinition> byName) {
        this.byName = Collections.unmodifiableMap(new TreeMap<>(byName));
    }

    /** The definitions of the norm table that ships with the rules. */
    public static NormDefinitions bundled() {
        return NormCatalog.bundledDefinitions();
    }

    static NormDefinitions of(JsonNode norms) {
        Map<String, NormDefinition> byName = new TreeMap<>();
        for (Map.Entry<String, JsonNode> entry : norms.properties()) {
            JsonNode definition = entry.getValue();
            byName.put(
                    entry.getKey(),
                    new NormDefinition(
                            entry.getKey(),
                            description(definition.path("description"), entry.getKey()),
                            new BigDecimal(definition.path("min").asString()),
                            new BigDecimal(definition.path("max").asString()),
                            definition.path("scale").asInt(NormDefinition.MAX_SCALE),
                            keys(definition.path("keys"))));
        }
        if (byName.isEmpty()) {
            throw new IllegalArgumentException("The norm table's definition names no norms");
        }
        return new NormDefinitions(byName);
    }

    /**
     * A norm's description: a text (Dutch only, as older tables have it) or by language,
     * {@code {"nl": "kosten van bestaan per maand", "en": "cost of living per month"}}.
     */
    private static Phrase description(JsonNode description, String norm) {
        if (description.isObject()) {
            String dutch = description.path("nl").asString(norm);
            return new Phrase(dutch, description.path("en").asString(dutch));
        }
        return Phrase.same(description.asString(norm));
    }

    /** The key columns and their allowed values, {@code {"householdType": ["SINGLE", ...]}}. */
    private static Map<String, List<String>> keys(JsonNode keys) {
        Map<String, List<String>> byColumn = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> column : keys.properties()) {
            List<String> values = new ArrayList<>();
            column.getValue().forEach(value -> values.add(value.asString()));
            byColumn.put(column.getKey(), values);
        }
        return byColumn;
    }

    /** Every norm, in alphabetical order. */
    Collection<NormDefinition> all() {
        return byName.values();
    }

    public Optional<NormDefinition> of(String norm) {
        return Optional.ofNullable(byName.get(norm));
    }

    /** The names, in alphabetical order, to tell an officer which norms exist. */
    public String names() {
        return String.join(", ", new TreeMap<>(byName).keySet());
    }
}
