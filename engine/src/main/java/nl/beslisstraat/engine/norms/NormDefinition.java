package nl.beslisstraat.engine.norms;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.beslisstraat.engine.regulation.Phrase;

/**
 * What a norm is and which amounts are plausible for it, as the norm table's definition
 * ({@code norm-table.json}) states: an upload outside this range is a typing error (a digit too
 * many, a misplaced point), never a policy choice, and is refused before anyone decides with it.
 *
 * @param norm the name in the table's {@code norm} column, such as {@code COST_OF_LIVING}
 * @param description what the amount stands for, in the officers' words, Dutch and English
 * @param min the lowest plausible amount, in euros
 * @param max the highest plausible amount, in euros
 * @param scale the number of decimals an amount may have: 0, 1 or 2 (cents)
 * @param keys the key columns of the norm and, per column, every value it may hold (the household
 *     types and pension ages the regulations and rules ask about); a table has an amount for each
 *     combination. Empty: the norm has no key columns.
 */
public record NormDefinition(
        String norm, Phrase description, BigDecimal min, BigDecimal max, int scale, Map<String, List<String>> keys) {

    /** The most decimals any norm amount may have: euros and cents. */
    static final int MAX_SCALE = 2;

    public NormDefinition {
        Map<String, List<String>> copy = new LinkedHashMap<>();
        keys.forEach((column, values) -> {
            if (values.isEmpty()) {
                throw new IllegalArgumentException(norm + ": key column " + column + " has no values");
            }
            copy.put(column, List.copyOf(values));
        });
        keys = Collections.unmodifiableMap(copy);
        if (scale < 0 || scale > MAX_SCALE) {
            throw new IllegalArgumentException(norm + ": scale " + scale + " is not 0 to " + MAX_SCALE);
        }
        if (min.signum() < 0 || min.compareTo(max) > 0 || min.scale() > scale || max.scale() > scale) {
            throw new IllegalArgumentException(
                    norm + ": range " + min + " to " + max + " is not a range of amounts with " + scale + " decimals");
        }
    }

    /** The range as an officer reads it in a refusal: {@code € 250,00 t/m € 4.000,00, hoogstens 2 decimalen}. */
    public Phrase range() {
        return Phrase.of(
                "{0} t/m {1}, hoogstens {2} " + (scale == 1 ? "decimaal" : "decimalen"),
                "{0} to {1}, at most {2} " + (scale == 1 ? "decimal" : "decimals"),
                Phrase.money(min),
                Phrase.money(max),
                scale);
    }

    /** What the amount stands for, in the language asked for (Dutch when there is no English). */
    public String description(java.util.Locale locale) {
        return description.in(locale);
    }

    /**
     * Every combination of key values the norm needs an amount for, such as {householdType=SINGLE,
     * pensionAge=false}; one empty combination when the norm has no keys.
     */
    List<Map<String, String>> combinations() {
        List<Map<String, String>> combinations = List.of(Map.of());
        for (Map.Entry<String, List<String>> column : keys.entrySet()) {
            List<Map<String, String>> longer = new ArrayList<>();
            for (Map<String, String> combination : combinations) {
                for (String value : column.getValue()) {
                    Map<String, String> next = new LinkedHashMap<>(combination);
                    next.put(column.getKey(), value);
                    longer.add(next);
                }
            }
            combinations = longer;
        }
        return combinations;
    }

    boolean contains(BigDecimal amount) {
        return amount.compareTo(min) >= 0 && amount.compareTo(max) <= 0;
    }
}
