package nl.beslisstraat.engine.regulation;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Optional;
import java.util.function.Function;

/**
 * One version of the norm table, as the rules need it: the amount of a norm for an application
 * (its key columns matched against the application's fields) on a reference date.
 */
public interface NormSource {

    /** The norm table version, recorded on every decision that used it. */
    String version();

    /**
     * The SHA-256 of the amounts of this version, recorded beside {@link #version()}; null for
     * norms that are not a version as stored (a draft tried as valid on another date).
     */
    default String contentHash() {
        return null;
    }

    /**
     * @param keyValue the application's value of a key column, by column name ("householdType")
     */
    Optional<BigDecimal> amount(String norm, Function<String, String> keyValue, LocalDate date);
}
