package nl.beslisstraat.engine.norms;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads a norm table as a policy officer writes it: a CSV with the columns {@code norm},
 * {@code validFrom}, {@code validUntil} (empty: open-ended) and {@code amount}, and any number of
 * key columns named after the application fields they match ({@code householdType},
 * {@code pensionAge}). Everything wrong is reported at once, by line and column; overlapping
 * periods for the same norm and keys are refused, so a lookup can never find two amounts.
 */
public final class NormTableReader {

    static final Set<String> FIXED = Set.of("norm", "validFrom", "validUntil", "amount");

    private NormTableReader() {}

    public static List<NormAmount> read(Reader csv) {
        CSVFormat format = CSVFormat.DEFAULT
                .builder()
                .setHeader()
                .setSkipHeaderRecord(true)
                .setIgnoreSurroundingSpaces(true)
                .setCommentMarker('#')
                .get();
        List<String> problems = new ArrayList<>();
        List<NormAmount> amounts = new ArrayList<>();
        try (CSVParser parser = CSVParser.parse(csv, format)) {
            List<String> header = parser.getHeaderNames();
            for (String column : FIXED) {
                if (!header.contains(column)) {
                    problems.add("header: column '" + column + "' is missing");
                }
            }
            if (!problems.isEmpty()) {
                throw new InvalidNormTable(problems);
            }
            for (CSVRecord row : parser) {
                NormAmount amount = row(row, header, problems);
                if (amount != null) {
                    amounts.add(amount);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (IllegalStateException | IllegalArgumentException e) {
            problems.add("the file is not a readable CSV: " + e.getMessage());
        }
        checkNoOverlaps(amounts, problems);
        if (amounts.isEmpty() && problems.isEmpty()) {
            problems.add("the table has no rows");
        }
        if (!problems.isEmpty()) {
            throw new InvalidNormTable(problems);
        }
        return amounts;
    }

    private static NormAmount row(CSVRecord row, List<String> header, List<String> problems) {
        String line = "line " + row.getParser().getCurrentLineNumber();
        if (row.size() != header.size()) {
            problems.add(line + ": has " + row.size() + " columns, the header has " + header.size());
            return null;
        }
        int before = problems.size();
        String norm = row.get("norm");
        if (!norm.matches("[A-Z][A-Z0-9_]*")) {
            problems.add(line + ", column norm: '" + norm + "' is not a norm name in capitals, such as COST_OF_LIVING");
        }
        LocalDate validFrom = date(row.get("validFrom"), line + ", column validFrom", false, problems);
        LocalDate validUntil = date(row.get("validUntil"), line + ", column validUntil", true, problems);
        if (validFrom != null && validUntil != null && validUntil.isBefore(validFrom)) {
            problems.add(line + ": validUntil " + validUntil + " is before validFrom " + validFrom);
        }
        BigDecimal amount = null;
        try {
            amount = new BigDecimal(row.get("amount"));
            if (amount.signum() < 0 || amount.scale() > 2) {
                problems.add(line + ", column amount: '" + row.get("amount")
                        + "' must be zero or more, in euros with at most two decimals");
            }
        } catch (NumberFormatException e) {
            problems.add(line + ", column amount: '" + row.get("amount") + "' is not an amount such as 1245.00");
        }
        Map<String, String> keys = new LinkedHashMap<>();
        for (String column : header) {
            if (!FIXED.contains(column)) {
                if (row.get(column).isEmpty()) {
                    problems.add(line + ", column " + column + ": is empty");
                }
                keys.put(column, row.get(column));
            }
        }
        return problems.size() == before ? new NormAmount(norm, keys, validFrom, validUntil, amount) : null;
    }

    private static LocalDate date(String text, String where, boolean optional, List<String> problems) {
        if (text.isEmpty()) {
            if (!optional) {
                problems.add(where + ": is empty; write a date such as 2026-07-01");
            }
            return null;
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            problems.add(where + ": '" + text + "' is not a date such as 2026-07-01");
            return null;
        }
    }

    private static void checkNoOverlaps(List<NormAmount> amounts, List<String> problems) {
        for (int i = 0; i < amounts.size(); i++) {
            for (int j = i + 1; j < amounts.size(); j++) {
                NormAmount a = amounts.get(i);
                NormAmount b = amounts.get(j);
                if (a.norm().equals(b.norm()) && a.keys().equals(b.keys()) && overlap(a, b)) {
                    problems.add(a.norm() + " " + a.keys() + ": the periods from " + a.validFrom() + " and from "
                            + b.validFrom() + " overlap");
                }
            }
        }
    }

    private static boolean overlap(NormAmount a, NormAmount b) {
        boolean aEndsBeforeB = a.validUntil() != null && a.validUntil().isBefore(b.validFrom());
        boolean bEndsBeforeA = b.validUntil() != null && b.validUntil().isBefore(a.validFrom());
        return !aEndsBeforeB && !bEndsBeforeA;
    }
}
