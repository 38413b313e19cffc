package nl.beslisstraat.engine.norms;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NormDiffTests {

    private static final LocalDate JULY = LocalDate.of(2026, 7, 1);

    @Test
    void theOrderOfKeyColumnsIsNoChange() {
        // as read from the officer's CSV, and as read back from the database (jsonb reorders keys)
        NormVersion fromCsv = version(keys("householdType", "SINGLE", "pensionAge", "false"), "1271.15", null);
        NormVersion fromDatabase = version(keys("pensionAge", "false", "householdType", "SINGLE"), "1271.15", null);

        assertThat(NormDiff.between(fromDatabase, fromCsv)).isEmpty();
    }

    @Test
    void aChangedAmountAndAnEndedPeriodAreChangesOfTheSameRow() {
        Map<String, String> single = keys("householdType", "SINGLE", "pensionAge", "false");
        List<NormDiff.Change> changes = NormDiff.between(
                version(single, "1271.15", null), version(single, "1300.00", LocalDate.of(2026, 12, 31)));

        assertThat(changes).singleElement().satisfies(change -> {
            assertThat(change.change()).isEqualTo("CHANGED");
            assertThat(change.amountBefore()).isEqualByComparingTo("1271.15");
            assertThat(change.amountAfter()).isEqualByComparingTo("1300.00");
            assertThat(change.validUntilAfter()).isEqualTo(LocalDate.of(2026, 12, 31));
        });
    }

    private static NormVersion version(Map<String, String> keys, String amount, LocalDate until) {
        return new NormVersion(
                "v", JULY, null, List.of(new NormAmount("COST_OF_LIVING", keys, JULY, until, new BigDecimal(amount))));
    }

    private static Map<String, String> keys(String... pairs) {
        Map<String, String> keys = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            keys.put(pairs[i], pairs[i + 1]);
        }
        return keys;
    }
}
