package nl.beslisstraat.engine.regulation;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.util.List;
import nl.beslisstraat.engine.regulation.InputSchema.FieldProblem;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * An input schema must be closed and bounded, so that what intake accepts is small by construction;
 * and a closed schema names every field an application brings that it does not declare.
 */
class SchemaBoundsTests {

    private final JsonMapper json = JsonMapper.builder().build();
    private final InputSchema closed = schema("/schemas/closed.schema.json");

    @Test
    void aClosedSchemaWithBoundedStringsAndArraysPasses() {
        assertThat(SchemaBounds.problems(closed.schemaNode())).isEmpty();
    }

    @Test
    void everyShippedSchemaIsClosedAndBounded() {
        RegulationCatalog catalog = new RegulationCatalog(json);
        assertThat(catalog.broken()).isEmpty();
        assertThat(catalog.ruleSets())
                .isNotEmpty()
                .allSatisfy(rules -> assertThat(
                                SchemaBounds.problems(rules.inputSchema().schemaNode()))
                        .as(rules.version())
                        .isEmpty());
    }

    @Test
    void namesWhatAnOpenSchemaLeavesOpen() {
        JsonNode open = json.readTree("""
                {"type": "object",
                 "properties": {
                   "name": {"type": "string"},
                   "tags": {"type": "array", "items": {"type": "string", "maxLength": 3}},
                   "address": {"type": "object", "properties": {"street": {"type": ["string", "null"]}}},
                   "anything": {},
                   "either": {"anyOf": [{"$ref": "#/$defs/text"}, {"type": "null"}]}
                 },
                 "$defs": {"text": {"type": "string"}}}
                """);

        assertThat(SchemaBounds.problems(open))
                .containsExactlyInAnyOrder(
                        "the input schema must be closed (\"additionalProperties\": false): an application may not"
                                + " bring fields the schema does not declare",
                        "anything: declares no type, enum or const, so it would take any value",
                        "#/properties/name: a string without maxLength",
                        "#/properties/tags: an array without maxItems",
                        "#/properties/address: an object that is not closed (\"additionalProperties\": false)",
                        "#/properties/address/properties/street: a string without maxLength",
                        "#/$defs/text: a string without maxLength");
    }

    @Test
    void reportsEveryUnknownFieldByItsOwnNameAndLetsTheEnvelopeThrough() {
        List<FieldProblem> problems = closed.check(json.readTree("""
                {"caseType": "X", "referenceDate": "2026-01-01", "amount": 1, "kind": "A",
                 "nationality": "NL", "comment": "x", "nested": {"a": 1}}
                """));

        assertThat(problems).extracting(FieldProblem::field).containsExactly("nationality", "comment", "nested");
        assertThat(problems).noneMatch(FieldProblem::missing);
        assertThat(problems.get(0).message()).contains("is not a field of this application");
        assertThat(closed.check(json.readTree(
                        "{\"caseType\": \"X\", \"referenceDate\": \"2026-01-01\", \"amount\": 1, \"kind\": \"A\"}")))
                .isEmpty();
    }

    @Test
    void refusesAStringOrArrayBeyondItsBound() {
        assertThat(
                        closed.check(
                                json.readTree(
                                        "{\"amount\": 1, \"kind\": \"A\", \"code\": \"ABCDE\", \"codes\": [\"A\", \"B\", \"C\", \"D\"]}")))
                .extracting(FieldProblem::field)
                .containsExactly("code", "codes");
    }

    @Test
    void aStringWithoutEnumPatternOrFormatIsFreeText() {
        JsonNode node = json.readTree("""
                {"type": "object", "additionalProperties": false,
                 "properties": {"note": {"type": "string", "maxLength": 200}, "code": {"$ref": "#/$defs/c"},
                   "zone": {"anyOf": [{"type": "string", "maxLength": 1}, {"type": "null"}]}},
                 "$defs": {"c": {"type": "string", "maxLength": 2, "enum": ["A", "B"]}}}
                """);
        InputSchema schema = new InputSchema(SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
                .getSchema(node));

        assertThat(schema.isFreeText("note")).isTrue();
        assertThat(schema.isFreeText("zone")).isTrue();
        assertThat(schema.isFreeText("code")).isFalse();
    }

    private static InputSchema schema(String resource) {
        return new InputSchema(SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
                .getSchema(SchemaBoundsTests.class.getResourceAsStream(resource)));
    }
}
