package nl.beslisstraat.engine.regulation.table;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class TableVerifierTests {

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
                .allSatisfy(gap -> assertThat(gap.conditions()).contains("zone: B"));
        assertThat(verification.gaps().get(0).example()).containsEntry("zone", "B");
        assertThat(verification.blocksApproval()).as("a gap is a warning").isFalse();
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
            assertThat(overlap.rule()).isEqualTo("Art. 7 lid 1: verlenen zone A");
            assertThat(overlap.otherRule()).isEqualTo("Art. 7 lid 3: verlenen zone A tweede tarief");
            assertThat(overlap.explanation()).contains("fee", "opgeteld");
            assertThat(overlap.example()).containsEntry("zone", "A");
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
                .extracting(Verification.DeadRow::rule)
                .containsExactly("Art. 9: lang voertuig naar behandelaar", "Art. 10: buiten de zones in zone A");
        assertThat(verification.deadRows().get(0).reason()).contains("Art. 3 lid 1a: voertuig te lang, afwijzen");
        assertThat(verification.deadRows().get(1).reason()).contains("sluiten elkaar uit");
    }

    @Test
    void overlappingRowsWithDifferentOutcomesAreResolvedByTheStrongestOutcome() {
        DecisionTable table = TableReader.read(Tables.template("parkingpermit"), Tables.parkingXlsx());

        Verification verification = TableVerifier.verify(table, LABELS);

        assertThat(verification.overlaps())
                .filteredOn(overlap -> overlap.rule().equals("Art. 3 lid 1a: voertuig te lang, afwijzen")
                        && overlap.otherRule().equals("Art. 7 lid 1: verlenen zone A"))
                .singleElement()
                .satisfies(overlap -> {
                    assertThat(overlap.blocking()).isFalse();
                    assertThat(overlap.explanation()).contains("REJECTED");
                    assertThat(overlap.example()).containsEntry("lengte voertuig", "6.01");
                });
    }
}
