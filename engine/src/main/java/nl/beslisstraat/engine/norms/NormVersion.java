package nl.beslisstraat.engine.norms;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import nl.beslisstraat.engine.regulation.ContentHash;
import nl.beslisstraat.engine.regulation.NormSource;

/**
 * One version of the norm table: all its rows, in force for reference dates from {@code
 * effectiveFrom} until the next version takes over. Immutable.
 */
public record NormVersion(
        String version, LocalDate effectiveFrom, String note, List<NormAmount> amounts, String contentHash)
        implements NormSource {

    /** A version of these amounts; its content hash follows from them, once. */
    public NormVersion(String version, LocalDate effectiveFrom, String note, List<NormAmount> amounts) {
        this(version, effectiveFrom, note, List.copyOf(amounts), hashOf(amounts));
    }

    public NormVersion {
        amounts = List.copyOf(amounts);
        if (!contentHash.equals(hashOf(amounts))) {
            throw new IllegalArgumentException("The content hash of norm version " + version + " is not its amounts'");
        }
    }

    @Override
    public Optional<BigDecimal> amount(String norm, Function<String, String> keyValue, LocalDate date) {
        // a plain loop: it runs for every decision that reads a norm
        for (NormAmount row : amounts) {
            if (row.norm().equals(norm) && row.validOn(date) && matches(row.keys(), keyValue)) {
                return Optional.of(row.amount());
            }
        }
        return Optional.empty();
    }

    /**
     * The SHA-256 of the amounts, in table order: norm, key columns (sorted), validity period and
     * amount, the amount without trailing zeros (250 and 250.00 are one amount). The label, note and
     * effective date are left out: they do not change what a rule reads, and a draft gets its
     * effective date only on approval. Computed once, when the version is made: every decision
     * records it.
     */
    private static String hashOf(List<NormAmount> amounts) {
        StringBuilder rows = new StringBuilder();
        for (NormAmount row : amounts) {
            rows.append(row.norm())
                    .append('\t')
                    .append(new java.util.TreeMap<>(row.keys()))
                    .append('\t')
                    .append(row.validFrom())
                    .append('\t')
                    .append(row.validUntil())
                    .append('\t')
                    .append(row.amount().stripTrailingZeros().toPlainString())
                    .append('\n');
        }
        return ContentHash.of(rows.toString());
    }

    /**
     * These norms with every amount taken as valid on {@code date}, whatever the case's reference
     * date: how a simulation shows what a new amount from 2027 would have done to past cases.
     */
    public NormSource asOf(LocalDate date) {
        NormVersion norms = this;
        return new NormSource() {
            @Override
            public String version() {
                return norms.version();
            }

            @Override
            public Optional<BigDecimal> amount(String norm, Function<String, String> keyValue, LocalDate ignored) {
                return norms.amount(norm, keyValue, date);
            }
        };
    }

    private static boolean matches(Map<String, String> keys, Function<String, String> keyValue) {
        for (Map.Entry<String, String> key : keys.entrySet()) {
            if (!key.getValue().equals(keyValue.apply(key.getKey()))) {
                return false;
            }
        }
        return true;
    }

    /** The norms of this version, by name, in the order of the table. */
    public Map<String, List<NormAmount>> byNorm() {
        return amounts.stream()
                .collect(Collectors.groupingBy(NormAmount::norm, java.util.LinkedHashMap::new, Collectors.toList()));
    }
}
