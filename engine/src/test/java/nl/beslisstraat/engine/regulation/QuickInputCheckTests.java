package nl.beslisstraat.engine.regulation;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.OutputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import nl.beslisstraat.engine.regulation.QuickInputCheck.Verdict;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.exc.JsonNodeException;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The quick check never contradicts the general JSON Schema validator: over many inputs made from
 * each shipped schema (valid values, values at and across every bound, wrong types, numbers
 * written as 1.0, line breaks, characters outside the basic plane, missing and unknown fields),
 * an input it calls valid is valid to the validator and one it calls invalid is invalid, also
 * when the input arrives with its envelope (case type and reference date), which the validator is
 * shown without. And it does answer for most valid inputs, or it would speed nothing up.
 */
class QuickInputCheckTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final List<String> TEXTS = List.of(
            "",
            "A",
            "abc",
            "12.50",
            "-3.25",
            "0",
            "0.0",
            "4.5",
            "12",
            "1234567890.12",
            "2026-03-15",
            "2026-02-30",
            "2026-3-15",
            "23:59",
            "24:00",
            "07:05",
            "2026-03-15\n",
            "12.50\n",
            "\n12",
            "🚗",
            "ab🚗🚗",
            "🚗🚗🚗🚗🚗🚗🚗🚗🚗🚗🚗",
            "PETROL",
            "SINGLE");
    private static final SchemaRegistry SCHEMAS = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);

    @ParameterizedTest
    @ValueSource(
            strings = {
                "citypass/city-pass.schema.json",
                "citypass/2026.1/city-pass.schema.json",
                "eventnotification/event-notification.schema.json",
                "eventnotification/2026.1/event-notification.schema.json",
                "parkingpermit/parking-permit.schema.json",
                "parkingpermit/2026.1/parking-permit.schema.json",
                "parkingpermit/2026.2/parking-permit.schema.json",
                "taxremission/tax-remission.schema.json",
                "taxremission/2026.1/tax-remission.schema.json"
            })
    void agreesWithTheGeneralValidatorWheneverItAnswers(String file) throws IOException {
        JsonNode schemaNode;
        Schema schema;
        try (InputStream in = getClass().getResourceAsStream("/nl/beslisstraat/rules/" + file)) {
            schemaNode = JSON.readTree(in);
        }
        schema = SCHEMAS.getSchema(schemaNode);
        QuickInputCheck quick =
                QuickInputCheck.compile(schemaNode, InputSchema.ENVELOPE).orElseThrow();
        List<List<JsonNode>> candidates = new ArrayList<>();
        List<Integer> fitting = new ArrayList<>();
        List<String> fields = new ArrayList<>(schemaNode.path("properties").propertyNames());
        for (String field : fields) {
            List<JsonNode> fits = new ArrayList<>();
            collect(schemaNode, schemaNode.path("properties").path(field), fits, 0);
            fitting.add(Math.max(fits.size(), 1));
            candidates.add(candidates(fits));
        }
        Random random = new Random(file.hashCode());
        int valid = 0;
        int quickValid = 0;
        int quickInvalid = 0;
        for (int i = 0; i < 20_000; i++) {
            // mostly the kind of value the field asks for, so that valid inputs occur often
            boolean tidy = i % 2 == 0;
            ObjectNode input = NODES.objectNode();
            for (int f = 0; f < fields.size(); f++) {
                List<JsonNode> options = candidates.get(f);
                if (random.nextInt(40) == 0) {
                    continue;
                }
                JsonNode value = tidy
                        ? options.get(random.nextInt(fitting.get(f)))
                        : options.get(random.nextInt(options.size()));
                input.set(fields.get(f), value);
            }
            if (random.nextInt(60) == 0) {
                input.put("notAField", 1);
            }
            boolean generalValid;
            try {
                generalValid = schema.validate(input, OutputFormat.BOOLEAN);
            } catch (JsonNodeException beyondItsRange) {
                // the validator gives up on a number beyond a long's range; InputSchema calls it invalid
                generalValid = false;
            }
            ObjectNode asArrived = input.deepCopy();
            if (random.nextBoolean()) {
                asArrived.put("caseType", "PARKING_PERMIT");
                asArrived.put("referenceDate", random.nextBoolean() ? "2026-03-15" : "not a date");
            }
            Verdict verdict = quick.check(asArrived);
            assertThat(verdict == Verdict.UNKNOWN || (verdict == Verdict.VALID) == generalValid)
                    .as("quick says %s, the validator says %s, for %s", verdict, generalValid, input)
                    .isTrue();
            valid += generalValid && tidy ? 1 : 0;
            quickValid += verdict == Verdict.VALID && tidy ? 1 : 0;
            quickInvalid += verdict == Verdict.INVALID ? 1 : 0;
        }
        assertThat(valid).as("valid inputs made of fitting values").isGreaterThan(500);
        assertThat(quickValid)
                .as("valid inputs of fitting values the quick check recognised")
                .isEqualTo(valid);
        assertThat(quickInvalid).as("invalid inputs the quick check recognised").isPositive();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "{\"type\": \"object\", \"unevaluatedProperties\": false}",
                "{\"properties\": {\"a\": {\"$ref\": \"https://example.org/elsewhere.json\"}}}",
                "{\"additionalProperties\": {\"type\": \"string\"}}",
                "{\"dependentRequired\": {\"a\": [\"b\"]}}"
            })
    void aSchemaWithAKeywordItDoesNotKnowGetsNoQuickCheck(String schema) {
        assertThat(QuickInputCheck.compile(JSON.readTree(schema))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "{\"required\": [\"caseType\"]}",
                "{\"properties\": {\"referenceDate\": {\"type\": \"string\"}}}",
                "{\"allOf\": [{\"not\": {\"required\": [\"referenceDate\"]}}]}",
                "{\"$ref\": \"#/$defs/a\", \"$defs\": {\"a\": {\"required\": [\"caseType\"]}}}",
                "{\"const\": {}}"
            })
    void aSchemaThatSpeaksOfTheEnvelopeAtTheTopGetsNoQuickCheckForInputsWithIt(String schema) {
        assertThat(QuickInputCheck.compile(JSON.readTree(schema), InputSchema.ENVELOPE))
                .isEmpty();
        assertThat(QuickInputCheck.compile(JSON.readTree(schema))).isPresent();
    }

    @Test
    void theEnvelopeIsPassedOverAtTheTopLevelOnly() {
        JsonNode schema = JSON.readTree("{\"type\": \"object\", \"additionalProperties\": false, \"properties\":"
                + " {\"vehicle\": {\"type\": \"object\", \"additionalProperties\": false}}}");
        QuickInputCheck quick =
                QuickInputCheck.compile(schema, InputSchema.ENVELOPE).orElseThrow();

        assertThat(quick.check(JSON.readTree("{\"caseType\": \"X\", \"referenceDate\": \"2026-03-15\"}")))
                .isEqualTo(Verdict.VALID);
        assertThat(quick.check(JSON.readTree("{\"vehicle\": {\"caseType\": \"X\"}}")))
                .isEqualTo(Verdict.INVALID);
    }

    /** Values for one field: first those that fit it, then those at and across its edges. */
    private static List<JsonNode> candidates(List<JsonNode> fitting) {
        List<JsonNode> others = new ArrayList<>();
        others.add(NODES.nullNode());
        others.add(NODES.booleanNode(true));
        others.add(NODES.numberNode(0));
        others.add(NODES.numberNode(1.0));
        others.add(NODES.numberNode(-1));
        others.add(NODES.numberNode(2.5));
        others.add(NODES.numberNode(new java.math.BigDecimal("3.000")));
        others.add(NODES.numberNode(1e300));
        others.add(NODES.numberNode(-1e300));
        for (JsonNode value : List.copyOf(fitting)) {
            if (value.isNumber()) {
                // the same number written as a binary fraction, and just beside it
                others.add(NODES.numberNode(value.asDouble()));
                others.add(NODES.numberNode(value.asDouble() + 0.5));
            }
        }
        for (String text : TEXTS) {
            others.add(NODES.stringNode(text));
        }
        others.add(NODES.objectNode());
        others.add(NODES.arrayNode());
        List<JsonNode> all = new ArrayList<>(fitting.isEmpty() ? others.subList(0, 1) : fitting);
        all.addAll(others);
        return all;
    }

    private static void collect(JsonNode root, JsonNode property, List<JsonNode> values, int depth) {
        if (depth > 8 || !property.isObject()) {
            return;
        }
        if (property.has("$ref")) {
            collect(root, root.at(property.path("$ref").asString().substring(1)), values, depth + 1);
        }
        for (String branch : List.of("anyOf", "oneOf", "allOf")) {
            for (JsonNode option : property.path(branch)) {
                collect(root, option, values, depth + 1);
            }
        }
        property.path("enum").forEach(values::add);
        if (property.has("pattern")) {
            java.util.regex.Pattern pattern =
                    java.util.regex.Pattern.compile(property.path("pattern").asString());
            int maxLength = property.path("maxLength").asInt(Integer.MAX_VALUE);
            for (String text : TEXTS) {
                boolean aDateWhereOneIsAsked =
                        !"date".equals(property.path("format").asString("")) || !text.equals("2026-02-30");
                if (pattern.matcher(text).find()
                        && text.length() <= maxLength
                        && !text.contains("\n")
                        && aDateWhereOneIsAsked) {
                    values.add(0, NODES.stringNode(text));
                }
            }
        }
        if (property.has("const")) {
            values.add(property.path("const"));
        }
        for (String bound : List.of("minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum")) {
            if (property.has(bound)) {
                java.math.BigDecimal limit = property.path(bound).decimalValue();
                values.add(NODES.numberNode(limit.longValue()));
                values.add(NODES.numberNode(limit.longValue() + 1));
                values.add(NODES.numberNode(limit.longValue() - 1));
            }
        }
        String type = property.path("type").isString() ? property.path("type").asString() : "";
        if (type.equals("boolean") || property.path("type").toString().contains("boolean")) {
            values.add(NODES.booleanNode(false));
            values.add(NODES.booleanNode(true));
        }
        if (type.equals("integer") && !property.has("minimum")) {
            values.add(NODES.numberNode(7));
        }
    }
}
