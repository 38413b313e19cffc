package nl.beslisstraat.engine.regulation.table;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every hostile table is refused by the reader, naming the problem; text that is code elsewhere stays text. */
class HostileTableTests {

    static Stream<Arguments> hostile() {
        return HostileTables.refused().entrySet().stream().map(entry -> Arguments.of(entry.getKey(), entry.getValue()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostile")
    void isRefusedNamingTheProblem(String name, HostileTables.Hostile upload) {
        assertThatThrownBy(() -> TableReader.read(Tables.template("parkingpermit"), upload.content()), name)
                .isInstanceOf(TableRefused.class)
                .satisfies(refused -> assertThat(((TableRefused) refused).problems())
                        .anySatisfy(problem -> assertThat(problem).contains(upload.problem())));
        assertThat(System.getProperty(HostileTables.MARKER)).isNull();
    }

    @Test
    void textThatIsCodeElsewhereIsReadAsTextAndNeverRendered() {
        StringBuilder rows = new StringBuilder();
        int n = 0;
        for (Map.Entry<String, String> text : HostileTables.inertTexts().entrySet()) {
            String quoted = "\"" + text.getValue().replace("\"", "\"\"") + "\"";
            rows.append("\"")
                    .append(text.getKey().replace("\"", "\"\""))
                    .append(' ')
                    .append(n++)
                    .append("\"")
                    .append(",,,,,,,,,,NEEDS_REVIEW,CODE,")
                    .append(quoted)
                    .append(',')
                    .append(quoted)
                    .append('\n');
        }
        String lastRow = "Art. 6 lid 2: zone B vol, afwijzen";
        String csv = Tables.parkingCsv();
        int end = csv.indexOf('\n', csv.indexOf(lastRow)) + 1;
        String withTexts = csv.substring(0, end) + rows + csv.substring(end);

        DecisionTable table = Tables.readCsv("parkingpermit", withTexts);
        String rules = RuleRenderer.render("nl.beslisstraat.rules.parkingpermit", "ParkingPermitApplication", table);

        for (String text : HostileTables.inertTexts().values()) {
            assertThat(table.rows())
                    .anySatisfy(row -> assertThat(row.motivations()).containsEntry("nl", text));
            assertThat(rules).doesNotContain(text);
        }
        assertThat(rules).doesNotContain("System", "RuleTable", "Import", "Functions", "${");
    }
}
