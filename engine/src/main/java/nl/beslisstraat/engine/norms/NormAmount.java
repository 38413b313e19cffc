package nl.beslisstraat.engine.norms;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;

/**
 * One row of the norm table: the amount of a norm for one combination of key values (such as
 * householdType SINGLE, pensionAge false), valid from a date until a date (null: open-ended).
 */
public record NormAmount(
        String norm, Map<String, String> keys, LocalDate validFrom, LocalDate validUntil, BigDecimal amount) {

    boolean validOn(LocalDate date) {
        return !date.isBefore(validFrom) && (validUntil == null || !date.isAfter(validUntil));
    }
}
