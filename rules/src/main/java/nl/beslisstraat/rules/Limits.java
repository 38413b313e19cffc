package nl.beslisstraat.rules;

import java.math.BigDecimal;

/**
 * Comparisons with a limit derived from a norm, such as "income above 130 % of the cost of living
 * norm". DOMAIN.md: a derived limit is compared exactly, never rounded first; so the percentage
 * is multiplied as a decimal, never a double.
 * A missing value or norm never exceeds anything: missing data is caught before the rules.
 */
public final class Limits {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private Limits() {}

    /** value > norm x percentage / 100 */
    public static boolean exceedsPercentage(BigDecimal value, BigDecimal norm, BigDecimal percentage) {
        return value != null && norm != null && value.multiply(HUNDRED).compareTo(norm.multiply(percentage)) > 0;
    }

    /** value <= norm x percentage / 100 */
    public static boolean atMostPercentage(BigDecimal value, BigDecimal norm, BigDecimal percentage) {
        return value != null && norm != null && !exceedsPercentage(value, norm, percentage);
    }
}
