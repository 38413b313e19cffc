package nl.beslisstraat.engine.authoring;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import nl.beslisstraat.engine.norms.NormAmount;
import nl.beslisstraat.engine.norms.NormDefinitions;
import nl.beslisstraat.engine.norms.NormDiff;
import nl.beslisstraat.engine.norms.NormVersion;

/**
 * A norm version's amounts as the officers read them on screen: per norm (by its description) and
 * household, each period with its amount; and, for a draft, which amounts differ from the version
 * it is compared with (a changed amount or end date, a new period).
 */
final class NormAmountRows {

    /**
     * One amount of one period.
     *
     * @param household the key values in the regulation's words, such as
     *     "Leefsituatie: alleenstaande, Pensioengerechtigde leeftijd: nee"
     * @param change null when the amount is as in the version compared with; otherwise CHANGED or
     *     ADDED
     * @param amountBefore the amount in the version compared with, when CHANGED
     * @param validUntilBefore the end of the period in the version compared with, when CHANGED
     */
    record Row(
            String norm,
            String normLabel,
            String household,
            LocalDate validFrom,
            LocalDate validUntil,
            BigDecimal amount,
            String change,
            BigDecimal amountBefore,
            LocalDate validUntilBefore) {

        public boolean amountChanged() {
            return "ADDED".equals(change) || ("CHANGED".equals(change) && amountBefore.compareTo(amount) != 0);
        }

        /** A new period is marked once, on its amount; its end is no change of its own. */
        public boolean endChanged() {
            return "CHANGED".equals(change) && !java.util.Objects.equals(validUntilBefore, validUntil);
        }
    }

    private NormAmountRows() {}

    /** A key of the norm table, field and value, in the regulation's words. */
    @FunctionalInterface
    interface KeyWords {
        String of(String field, String value);
    }

    /**
     * @param compared the version to mark the differences against; null to mark none
     * @param keyWords the regulations' words for the key fields and their values
     */
    static List<Row> of(NormVersion version, NormVersion compared, KeyWords keyWords, Locale locale) {
        Map<String, NormAmount> before = new LinkedHashMap<>();
        if (compared != null) {
            compared.amounts().forEach(row -> before.put(key(row), row));
        }
        NormDefinitions definitions = NormDefinitions.bundled();
        List<Row> rows = new ArrayList<>();
        for (NormAmount row : version.amounts()) {
            NormAmount old = before.get(key(row));
            String change = compared == null
                    ? null
                    : old == null
                            ? "ADDED"
                            : old.amount().compareTo(row.amount()) != 0
                                            || !java.util.Objects.equals(old.validUntil(), row.validUntil())
                                    ? "CHANGED"
                                    : null;
            rows.add(new Row(
                    row.norm(),
                    label(definitions, row.norm(), locale),
                    household(row.keys(), keyWords),
                    row.validFrom(),
                    row.validUntil(),
                    row.amount(),
                    change,
                    old == null ? null : old.amount(),
                    old == null ? null : old.validUntil()));
        }
        return rows;
    }

    /**
     * One line of the differences between two versions, with its norm and household in words.
     *
     * @param change the difference as the norm table reads it
     * @param normLabel the norm's description, such as "Kosten van bestaan per maand"
     * @param household the key values in the regulation's words
     */
    record DiffRow(NormDiff.Change change, String normLabel, String household) {}

    static List<DiffRow> diff(List<NormDiff.Change> changes, KeyWords keyWords, Locale locale) {
        NormDefinitions definitions = NormDefinitions.bundled();
        return changes.stream()
                .map(change -> new DiffRow(
                        change, label(definitions, change.norm(), locale), household(change.keys(), keyWords)))
                .toList();
    }

    private static String label(NormDefinitions definitions, String norm, Locale locale) {
        return definitions
                .of(norm)
                .map(definition -> capitalised(definition.description(locale)))
                .orElse(norm);
    }

    private static String key(NormAmount row) {
        // keys sorted: a version read back from jsonb has its key columns in another order
        return row.norm() + new TreeMap<>(row.keys()) + row.validFrom();
    }

    private static String household(Map<String, String> keys, KeyWords keyWords) {
        List<String> parts = new ArrayList<>();
        new TreeMap<>(keys).forEach((field, value) -> parts.add(keyWords.of(field, value)));
        return String.join(", ", parts);
    }

    private static String capitalised(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
