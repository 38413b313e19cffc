package nl.beslisstraat.engine.regulation;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.util.List;
import nl.beslisstraat.engine.regulation.InputSchema.FieldProblem;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * Missing data goes to a reviewer, malformed data is refused at intake: the schema check must tell
 * the two apart, field by field.
 */
class InputSchemaTests {

    private final JsonMapper json = JsonMapper.builder().build();
    private final InputSchema schema =
            new InputSchema(SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
                    .getSchema(InputSchemaTests.class.getResourceAsStream("/schemas/sample.schema.json")));

    @Test
    void aNumberIsHeldToTheFormItsTextMustHave() {
        InputSchema euros = new InputSchema(SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
                .getSchema(new java.io.ByteArrayInputStream(
                        ("{\"$defs\": {\"euros\": {\"anyOf\": [{\"type\": \"number\", \"minimum\": 0},"
                                        + " {\"type\": \"string\", \"pattern\": \"^[0-9]{1,9}(\\\\.[0-9]{1,2})?$\"}]}},"
                                        + " \"properties\": {\"due\": {\"$ref\": \"#/$defs/euros\"}}}")
                                .getBytes(java.nio.charset.StandardCharsets.UTF_8))));

        for (String held : List.of("350.005", "1.5e-9", "1e12", "\"350.005\"")) {
            assertThat(euros.check(json.readTree("{\"due\": " + held + "}")))
                    .as(held)
                    .extracting(FieldProblem::field, FieldProblem::missing)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("due", false));
        }
        for (String fine : List.of("350.01", "350", "1e2", "\"350.01\"")) {
            assertThat(euros.check(json.readTree("{\"due\": " + fine + "}")))
                    .as(fine)
                    .isEmpty();
        }
    }

    @Test
    void theShippedTaxRemissionTakesAnAmountOfThreeDecimalsNeitherAsTextNorAsANumber() {
        RuleSet taxRemission = new RegulationCatalog(json).latest("TAX_REMISSION");
        String application = "{\"householdType\": \"SINGLE\", \"pensionAge\": false, \"otherResidents27Plus\": 0,"
                + " \"carCount\": 0, \"homeOwner\": false, \"netIncome\": 1300.00, \"allowances\": 200.00,"
                + " \"rent\": 650.00, \"healthPremium\": 140.00, \"bankBalance\": 1200.00, \"amountDue\": ";

        assertThat(taxRemission.inputSchema().check(json.readTree(application + "350.005}")))
                .extracting(FieldProblem::field)
                .containsExactly("amountDue");
        assertThat(taxRemission.inputSchema().check(json.readTree(application + "350.01}")))
                .isEmpty();
    }

    @Test
    void anAbsentRequiredFieldIsMissing() {
        assertThat(check("{\"kind\": \"A\"}"))
                .containsExactly(new FieldProblem("amount", true, "amount: is required but missing"));
    }

    @Test
    void aNullWhereAValueIsNeededIsMissingButANullThatIsAllowedIsFine() {
        assertThat(check("{\"amount\": null, \"kind\": null}"))
                .extracting(FieldProblem::field, FieldProblem::missing)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("amount", true));
    }

    @Test
    void aWrongTypeOrBoundIsInvalidAndNamesTheField() {
        List<FieldProblem> problems = check("{\"amount\": -1, \"kind\": \"C\"}");
        assertThat(problems).extracting(FieldProblem::field).containsExactly("amount", "kind");
        assertThat(problems).noneMatch(FieldProblem::missing);
        assertThat(problems.get(0).message()).doesNotStartWith("/amount");
    }

    @Test
    void aProblemInsideAFieldBelongsToThatFieldAndIsInvalidNotMissing() {
        List<FieldProblem> problems = check("{\"amount\": 1, \"kind\": \"A\", \"address\": {\"street\": null}}");
        assertThat(problems).extracting(FieldProblem::field).containsExactly("address");
        assertThat(problems.get(0).missing()).isFalse();
    }

    @Test
    void anInputThatIsNoObjectIsAProblemOfTheWholeInput() {
        assertThat(check("[1, 2]")).extracting(FieldProblem::field).containsExactly(InputSchema.WHOLE_INPUT);
    }

    @Test
    void aNumberBeyondEveryBoundIsInvalidAndNamesTheFieldRatherThanFailingTheCheck() {
        InputSchema ages = new InputSchema(SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
                .getSchema(new java.io.ByteArrayInputStream(
                        "{\"properties\": {\"age\": {\"type\": \"integer\", \"minimum\": 0, \"maximum\": 130}}}"
                                .getBytes(java.nio.charset.StandardCharsets.UTF_8))));

        List<FieldProblem> problems = ages.check(json.readTree("{\"age\": 1e300}"));

        assertThat(problems).extracting(FieldProblem::field).containsExactly("age");
        assertThat(problems.get(0).missing()).isFalse();
    }

    @Test
    void aDateOfTheRightShapeThatNamesNoDayIsInvalidAndNamesTheField() {
        // DOMAIN.md: missing or invalid input is never guessed at, and the field is named. The
        // validator only notes "format": "date", so 2026-02-30 passed it and the decision failed.
        InputSchema events = new InputSchema(SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
                .getSchema(new java.io.ByteArrayInputStream(("{\"$defs\": {\"day\": {\"type\": \"string\","
                                + " \"format\": \"date\", \"pattern\": \"^[0-9]{4}-[0-9]{2}-[0-9]{2}$\"}},"
                                + " \"properties\": {\"eventDate\": {\"$ref\": \"#/$defs/day\"},"
                                + " \"endDate\": {\"anyOf\": [{\"$ref\": \"#/$defs/day\"}, {\"type\": \"null\"}]}}}")
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8))));

        for (String impossible : List.of("2026-02-30", "2025-02-29", "2026-13-01", "2026-04-31", "0000-01-01")) {
            List<FieldProblem> problems = events.check(json.readTree("{\"eventDate\": \"" + impossible + "\"}"));
            assertThat(problems).as(impossible).extracting(FieldProblem::field).containsExactly("eventDate");
            assertThat(problems.get(0).missing()).isFalse();
            assertThat(problems.get(0).message()).contains(impossible);
        }
        assertThat(events.check(json.readTree("{\"eventDate\": \"2026-01-01\", \"endDate\": \"2026-06-31\"}")))
                .extracting(FieldProblem::field)
                .containsExactly("endDate");
        assertThat(events.check(json.readTree("{\"eventDate\": \"2028-02-29\", \"endDate\": null}")))
                .isEmpty();
    }

    @Test
    void readsTheDutchTitlesOfTheFields() {
        assertThat(schema.titles()).containsEntry("amount", "bedrag").containsEntry("kind", "kind");
    }

    private List<FieldProblem> check(String input) {
        return schema.check(json.readTree(input));
    }
}
