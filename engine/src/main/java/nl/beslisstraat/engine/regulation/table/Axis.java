package nl.beslisstraat.engine.regulation.table;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import nl.beslisstraat.engine.regulation.Phrase;

/**
 * One input the rows of a table look at, as the verifier sees it: a number (a field, or a field
 * as a percentage of a norm, or a time of day in minutes) or a field with a closed set of values.
 *
 * @param label how an officer calls it ("lengte voertuig")
 * @param values the values of a code or yes/no field; empty for numbers
 * @param step 1 for whole numbers (integers, minutes), null for decimals
 * @param lowest the smallest value the input can have
 * @param highest the largest, or null when unbounded
 */
record Axis(
        String key,
        String label,
        Set<String> values,
        BigDecimal step,
        BigDecimal lowest,
        BigDecimal highest,
        Kind kind) {

    /** A code field's value outside its list, or absent. */
    static final String OTHER = "(anders)";

    /** The values of a yes/no field, as the verifier names them. */
    static final Set<String> YES_NO = Set.of("ja", "nee");

    enum Kind {
        NUMBER,
        PERCENTAGE,
        TIME,
        TIME_AFTER_START,
        VALUES
    }

    static Axis ofValues(String key, String label, Set<String> values) {
        return new Axis(key, label, values, null, null, null, Kind.VALUES);
    }

    static Axis ofNumbers(String key, String label, BigDecimal step, BigDecimal lowest, BigDecimal highest, Kind kind) {
        return new Axis(key, label, Set.of(), step, lowest, highest, kind);
    }

    /** Minutes of {@code days} days from midnight. */
    static Axis minutes(String key, String label, int days, Kind kind) {
        return ofNumbers(key, label, BigDecimal.ONE, BigDecimal.ZERO, BigDecimal.valueOf(days * 24L * 60 - 1), kind);
    }

    Object everything() {
        return kind == Kind.VALUES ? values : new Region.Range(lowest, true, highest, highest != null);
    }

    /** Whole-number inputs take whole bounds: "more than 3" is "at least 4"; all within the input's span. */
    Region.Range normalise(Region.Range range) {
        Region.Range clamped = range.intersect(new Region.Range(lowest, true, highest, highest != null));
        if (step == null) {
            return clamped;
        }
        BigDecimal low = clamped.low();
        BigDecimal high = clamped.high();
        if (low != null) {
            BigDecimal whole = low.setScale(0, RoundingMode.CEILING);
            low = whole.compareTo(low) == 0 && !clamped.lowIncluded() ? whole.add(step) : whole;
        }
        if (high != null) {
            BigDecimal whole = high.setScale(0, RoundingMode.FLOOR);
            high = whole.compareTo(high) == 0 && !clamped.highIncluded() ? whole.subtract(step) : whole;
        }
        return new Region.Range(low, true, high, true);
    }

    /** The bound in words: "meer dan 6.00 en ten hoogste 30" / "more than 6.00 and at most 30", "ja". */
    Phrase describe(Object bound) {
        if (kind == Kind.VALUES) {
            @SuppressWarnings("unchecked")
            Set<String> chosen = (Set<String>) bound;
            if (chosen.equals(Set.of(OTHER))) {
                return Findings.noneOf(values.stream()
                        .filter(v -> !v.equals(OTHER))
                        .map(Phrase::same)
                        .toList());
            }
            return chosen.size() == 1
                    ? value(chosen.iterator().next())
                    : Findings.oneOf(chosen.stream().map(this::value).toList());
        }
        Region.Range range = (Region.Range) bound;
        if (range.low() != null && range.low().equals(range.high())) {
            return number(range.low());
        }
        List<Phrase> parts = new java.util.ArrayList<>();
        if (range.low() != null && !(range.low().compareTo(lowest) == 0 && range.lowIncluded())) {
            parts.add(Findings.from(number(range.low()), range.lowIncluded()));
        }
        if (range.high() != null
                && !(highest != null && range.high().compareTo(highest) == 0 && range.highIncluded())) {
            parts.add(Findings.upTo(number(range.high()), range.highIncluded()));
        }
        return parts.isEmpty() ? Findings.anyValue() : Findings.and(parts);
    }

    /** A value in the bound, for an example case. */
    Phrase example(Object bound) {
        if (kind == Kind.VALUES) {
            @SuppressWarnings("unchecked")
            Set<String> chosen = (Set<String>) bound;
            String first = chosen.iterator().next();
            return first.equals(OTHER) ? Findings.empty() : value(first);
        }
        Region.Range range = (Region.Range) bound;
        BigDecimal unit = step != null ? step : new BigDecimal("0.01");
        BigDecimal value;
        if (range.low() == null) {
            value = range.highIncluded() ? range.high() : range.high().subtract(unit);
        } else if (range.lowIncluded()) {
            value = range.low();
        } else {
            value = range.low().add(unit);
            if (range.high() != null && value.compareTo(range.high()) >= 0) {
                value = range.low().add(range.high()).divide(BigDecimal.valueOf(2));
            }
        }
        return number(value);
    }

    /** A code as typed; yes and no, and a code outside the list, in words. */
    private Phrase value(String value) {
        if (value.equals(OTHER)) {
            return Findings.other();
        }
        if (values.equals(YES_NO)) {
            return Findings.yesNo(value.equals("ja"));
        }
        return Phrase.same(value);
    }

    private Phrase number(BigDecimal value) {
        if (kind == Kind.TIME || kind == Kind.TIME_AFTER_START) {
            int minutes = value.intValue();
            String time = String.format("%02d:%02d", (minutes / 60) % 24, minutes % 60);
            return minutes >= 24 * 60
                    ? Phrase.of("{0} (na middernacht)", "{0} (after midnight)", time)
                    : Phrase.same(time);
        }
        return Phrase.same(value.stripTrailingZeros().toPlainString() + (kind == Kind.PERCENTAGE ? "%" : ""));
    }

    static Set<String> valuesOf(List<String> codes, boolean open) {
        Set<String> values = new LinkedHashSet<>(codes);
        if (open) {
            values.add(OTHER);
        }
        return values;
    }
}
