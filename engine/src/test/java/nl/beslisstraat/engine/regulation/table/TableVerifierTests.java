package nl.beslisstraat.engine.regulation.table;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import nl.beslisstraat.engine.regulation.Phrase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class TableVerifierTests {

    private static final Locale ENGLISH = Locale.ENGLISH;
    private static final Locale DUTCH = Locale.forLanguageTag("nl");

    private static final Map<String, String> LABELS = Map.of("zone", "zone", "vehicleLength", "lengte voertuig");

    static Stream<Arguments> shippedTables() {
        return Stream.of(
                Arguments.of("parkingpermit", "2026.1/parking-permit.table.xlsx"),
                Arguments.of("parkingpermit", "2026.2/parking-permit.table.xlsx"),
                Arguments.of("taxremission", "2026.1/tax-remission.table.xlsx"),
                Arguments.of("citypass", "2026.1/city-pass.table.xlsx"),
                Arguments.of("eventnotification", "2026.1/event-notification.table.xlsx"),
                Arguments.of("parkingpermit", "2026.1.1/parking-permit.table.xlsx"),
                Arguments.of("parkingpermit", "2026.2.1/parking-permit.table.xlsx"),
                Arguments.of("citypass", "2026.1.1/city-pass.table.xlsx"),
                Arguments.of("eventnotification", "2026.1.1/event-notification.table.xlsx"));
    }

    @ParameterizedTest
    @MethodSource("shippedTables")
    void everyShippedTableDecidesEveryCaseWithoutConflictsOrDeadRows(String folder, String file) {
        DecisionTable table = TableReader.read(Tables.template(folder), Tables.shipped(folder, file));

        Verification verification = TableVerifier.verify(table, Map.of());

        assertThat(verification.complete()).isTrue();
        assertThat(verification.gaps()).isEmpty();
        assertThat(verification.conflicts()).isEmpty();
        assertThat(verification.deadRows()).isEmpty();
        assertThat(verification.blocksApproval()).isFalse();
    }

    @Test
    void aMissingGrantForZoneBIsAGapWithAnExampleCase() {
        String csv = Tables.parkingCsv()
                .lines()
                .filter(line -> !line.startsWith("Art. 7 lid 1: verlenen zone B"))
                .reduce("", (all, line) -> all + line + "\n");

        Verification verification = TableVerifier.verify(Tables.readCsv("parkingpermit", csv), LABELS);

        assertThat(verification.gaps()).isNotEmpty();
        assertThat(verification.gaps())
                .allSatisfy(
                        gap -> assertThat(Phrase.in(gap.conditions(), DUTCH)).contains("zone: B"));
        assertThat(verification.gaps().get(0).example()).containsEntry("zone", Phrase.same("B"));
        assertThat(verification.blocksApproval()).as("a gap is a warning").isFalse();
        // the other bounds of the gap, in each language's own words
        List<String> dutch = verification.gaps().stream()
                .flatMap(gap -> Phrase.in(gap.conditions(), DUTCH).stream())
                .toList();
        List<String> english = verification.gaps().stream()
                .flatMap(gap -> Phrase.in(gap.conditions(), ENGLISH).stream())
                .toList();
        assertThat(String.join("\n", dutch)).containsAnyOf("ten hoogste", "minder dan", "meer dan", "minstens");
        assertThat(String.join("\n", english)).containsAnyOf("at most", "less than", "more than", "at least");
        assertThat(String.join("\n", english))
                .doesNotContain(
                        "geen", "regel", "ten hoogste", "minder dan", "meer dan", "minstens", "een van", " en ");
    }

    @Test
    void twoGrantsThatBothSetTheFeeConflictAndBlockApproval() {
        String csv = Tables.parkingCsv()
                .replace(
                        "\n\nTabel: Toeslag op de leges",
                        "\nArt. 7 lid 3: verlenen zone A tweede tarief,A,GRANTED,PERMIT_GRANTED,Tekst,Text,300.00"
                                + "\n\nTabel: Toeslag op de leges");

        Verification verification = TableVerifier.verify(Tables.readCsv("parkingpermit", csv), LABELS);

        assertThat(verification.conflicts()).singleElement().satisfies(overlap -> {
            assertThat(overlap.rule().in(DUTCH)).isEqualTo("Art. 7 lid 1: verlenen zone A");
            assertThat(overlap.otherRule().in(DUTCH)).isEqualTo("Art. 7 lid 3: verlenen zone A tweede tarief");
            assertThat(overlap.explanation().in(DUTCH))
                    .isEqualTo("Beide regels stellen fee vast; bij een aanvraag waarvoor beide gelden, worden de"
                            + " bedragen opgeteld. Maak de voorwaarden elkaar uitsluitend.");
            assertThat(overlap.explanation().in(ENGLISH))
                    .isEqualTo("Both rules set fee; for an application both apply to, the amounts are added up."
                            + " Make the conditions exclude each other.");
            assertThat(overlap.example()).containsEntry("zone", Phrase.same("A"));
        });
        assertThat(verification.blocksApproval()).isTrue();
    }

    @Test
    void aRowAStrongerOutcomeAlwaysOverridesAndARowThatContradictsItselfAreDead() {
        String csv = Tables.parkingCsv()
                .replace(
                        "\n\nTabel: Verlenen en leges",
                        "\nArt. 9: lang voertuig naar behandelaar,,6.50,,,,,,,,NEEDS_REVIEW,LONG,Tekst,Text"
                                + "\nArt. 10: buiten de zones in zone A,\"A, B\",,,,,,,A,,REJECTED,NEVER,Tekst,Text"
                                + "\n\nTabel: Verlenen en leges");

        Verification verification = TableVerifier.verify(Tables.readCsv("parkingpermit", csv), LABELS);

        assertThat(verification.deadRows())
                .extracting(dead -> dead.rule().in(ENGLISH))
                .containsExactly("Art. 9: lang voertuig naar behandelaar", "Art. 10: buiten de zones in zone A");
        assertThat(verification.deadRows().get(0).reason().in(DUTCH))
                .startsWith("Voor elke aanvraag waarvoor deze regel geldt, beslist een sterkere uitkomst:")
                .contains("Art. 3 lid 1a: voertuig te lang, afwijzen");
        assertThat(verification.deadRows().get(0).reason().in(ENGLISH))
                .startsWith("For every application this rule applies to, a stronger outcome decides:")
                .contains("Art. 3 lid 1a: voertuig te lang, afwijzen")
                .endsWith("So this rule never decides the outcome.");
        assertThat(verification.deadRows().get(1).reason().in(DUTCH)).contains("sluiten elkaar uit");
        assertThat(verification.deadRows().get(1).reason().in(ENGLISH))
                .isEqualTo("The conditions exclude each other: this rule never applies.");
    }

    @Test
    void overlappingRowsWithDifferentOutcomesAreResolvedByTheStrongestOutcome() {
        DecisionTable table = TableReader.read(Tables.template("parkingpermit"), Tables.parkingXlsx());

        Verification verification = TableVerifier.verify(table, LABELS);

        assertThat(verification.overlaps())
                .filteredOn(overlap -> overlap.rule().nl().equals("Art. 3 lid 1a: voertuig te lang, afwijzen")
                        && overlap.otherRule().nl().equals("Art. 7 lid 1: verlenen zone A"))
                .singleElement()
                .satisfies(overlap -> {
                    assertThat(overlap.blocking()).isFalse();
                    assertThat(overlap.explanation().in(DUTCH))
                            .isEqualTo("De uitkomsten verschillen; de sterkste uitkomst (afgewezen) beslist.");
                    assertThat(overlap.explanation().in(ENGLISH))
                            .isEqualTo("The outcomes differ; the strongest outcome (rejected) decides.");
                    assertThat(overlap.example()).containsEntry("lengte voertuig", Phrase.same("6.01"));
                });
    }

    @Test
    void aDraftStoresItsFindingsInBothLanguagesReadsOldDutchOnesAndTheApiAnswersInDutch() {
        JsonMapper api = JsonMapper.builder().build();
        JsonMapper stored = Phrase.storing(api);
        Verification found = new Verification(
                List.of(new Verification.Gap(
                        List.of(new Phrase("zone: geen van A, B", "zone: none of A, B")),
                        Map.of("zone", new Phrase("(leeg)", "(empty)")))),
                List.of(),
                List.of(new Verification.DeadRow(
                        "Verlenen",
                        Phrase.same("Art. 10"),
                        new Phrase(
                                "De voorwaarden sluiten elkaar uit: deze regel geldt nooit.",
                                "The conditions exclude each other: this rule never applies."))),
                true);

        String json = stored.writeValueAsString(found);
        assertThat(json).contains("\"en\":\"zone: none of A, B\"", "\"en\":\"(empty)\"");
        assertThat(stored.readValue(json, Verification.class)).isEqualTo(found);

        // a draft stored before its findings had both languages: Dutch, on either page
        Verification old = stored.readValue("""
                {"gaps": [{"conditions": ["zone: geen van A, B"], "example": {"zone": "(leeg)"}}],
                 "overlaps": [{"table": "Verlenen", "rule": "Art. 7 lid 1", "otherTable": "Verlenen",
                   "otherRule": "Art. 7 lid 3", "blocking": true, "explanation": "Beide regels stellen fee vast.",
                   "example": {"zone": "A"}}],
                 "deadRows": [{"table": "Verlenen", "rule": "Art. 10", "reason": "Deze regel geldt nooit."}],
                 "complete": true}
                """, Verification.class);
        assertThat(old.gaps().get(0).conditions().get(0).in(ENGLISH)).isEqualTo("zone: geen van A, B");
        assertThat(old.gaps().get(0).example().get("zone").in(ENGLISH)).isEqualTo("(leeg)");
        assertThat(old.conflicts().get(0).explanation().in(ENGLISH)).isEqualTo("Beide regels stellen fee vast.");
        assertThat(old.deadRows().get(0).reason().in(DUTCH)).isEqualTo("Deze regel geldt nooit.");

        // the API's mapper answers in Dutch, each finding as one text
        JsonNode answered = api.readTree(api.writeValueAsString(found));
        assertThat(answered.path("gaps").get(0).path("conditions").get(0).asString())
                .isEqualTo("zone: geen van A, B");
        assertThat(answered.path("gaps").get(0).path("example").path("zone").asString())
                .isEqualTo("(leeg)");
        assertThat(answered.path("deadRows").get(0).path("rule").asString()).isEqualTo("Art. 10");
        assertThat(answered.path("deadRows").get(0).path("reason").asString())
                .isEqualTo("De voorwaarden sluiten elkaar uit: deze regel geldt nooit.");
    }
}
