package nl.beslisstraat.engine.norms;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What changed between two norm table versions, amount by amount: a row is identified by its
 * norm, key values and start date; it is added, removed, or changed in amount or end date.
 */
public final class NormDiff {

    /** One norm row that differs; null on the side where it does not exist. */
    public record Change(
            String norm,
            Map<String, String> keys,
            LocalDate validFrom,
            String change,
            BigDecimal amountBefore,
            BigDecimal amountAfter,
            LocalDate validUntilBefore,
            LocalDate validUntilAfter) {}

    private NormDiff() {}

    public static List<Change> between(NormVersion before, NormVersion after) {
        Map<String, NormAmount> old = index(before);
        Map<String, NormAmount> now = index(after);
        List<Change> changes = new ArrayList<>();
        old.forEach((key, row) -> {
            NormAmount newer = now.get(key);
            if (newer == null) {
                changes.add(new Change(
                        row.norm(),
                        row.keys(),
                        row.validFrom(),
                        "REMOVED",
                        row.amount(),
                        null,
                        row.validUntil(),
                        null));
            } else if (row.amount().compareTo(newer.amount()) != 0
                    || !java.util.Objects.equals(row.validUntil(), newer.validUntil())) {
                changes.add(new Change(
                        row.norm(),
                        row.keys(),
                        row.validFrom(),
                        "CHANGED",
                        row.amount(),
                        newer.amount(),
                        row.validUntil(),
                        newer.validUntil()));
            }
        });
        now.forEach((key, row) -> {
            if (!old.containsKey(key)) {
                changes.add(new Change(
                        row.norm(), row.keys(), row.validFrom(), "ADDED", null, row.amount(), null, row.validUntil()));
            }
        });
        return changes;
    }

    private static Map<String, NormAmount> index(NormVersion version) {
        Map<String, NormAmount> index = new LinkedHashMap<>();
        // keys sorted: a version read back from jsonb has its key columns in another order
        version.amounts().forEach(row -> index.put(row.norm() + new TreeMap<>(row.keys()) + row.validFrom(), row));
        return index;
    }
}
