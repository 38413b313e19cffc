package nl.beslisstraat.engine.norms;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads a norm table as a policy officer writes it: a CSV with the columns {@code norm},
 * {@code validFrom}, {@code validUntil} (empty: open-ended) and {@code amount}, and any number of
 * key columns named after the application fields they match ({@code householdType},
 * {@code pensionAge}). Everything wrong is reported at once, by line and column, in Dutch for the
 * officer; overlapping periods for the same norm and keys are refused, so a lookup can never find
 * two amounts.
 *
 * <p>Read against the {@link NormDefinitions} (an upload, the shipped table), each norm must be a
 * known one and each amount a plain decimal number (no exponent such as {@code 1E20}) with no more
 * decimals than its norm allows, inside its plausible range. Whatever the bytes, the answer is a
 * list of problems, never an error of the application: the file, its lines and the number of
 * problems reported are bounded.
 */
public final class NormTableReader {

    static final Set<String> FIXED = Set.of("norm", "validFrom", "validUntil", "amount");

    /** A norm table has tens of rows; thousands are a wrong file, not a table. */
    static final int MAX_ROWS = 1_000;

    /** Beyond this the officer learns nothing more from the list; the rest is counted. */
    static final int MAX_PROBLEMS = 50;

    /** A plain amount as officers write it: digits, optionally a point and decimals. */
    private static final Pattern PLAIN_AMOUNT = Pattern.compile("-?[0-9]{1,15}(\\.[0-9]{1,15})?");

    private static final Pattern EXPONENT = Pattern.compile("[-+]?[0-9]*\\.?[0-9]+[eE][-+]?[0-9]+");

    private static final Pattern DECIMAL_COMMA = Pattern.compile("-?[0-9.]{1,15},[0-9]{1,15}");

    private NormTableReader() {}

    /** Reads a stored table again, as it was accepted then: without the ranges of today. */
    public static List<NormAmount> read(Reader csv) {
        return read(csv, null);
    }

    /**
     * Reads an officer's table and holds every amount to its norm's definition.
     *
     * @param definitions the known norms and their ranges; null reads without them
     */
    public static List<NormAmount> read(Reader csv, NormDefinitions definitions) {
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
                    problems.add("kopregel: de kolom '" + column + "' ontbreekt");
                }
            }
            if (!problems.isEmpty()) {
                throw new InvalidNormTable(problems);
            }
            int rows = 0;
            for (CSVRecord row : parser) {
                if (++rows > MAX_ROWS) {
                    problems.add("het bestand heeft meer dan " + MAX_ROWS
                            + " regels; een normentabel heeft er enkele tientallen");
                    break;
                }
                NormAmount amount = row(row, header, definitions, problems);
                if (amount != null) {
                    amounts.add(amount);
                }
            }
        } catch (IOException | UncheckedIOException | IllegalStateException | IllegalArgumentException unreadable) {
            // the reader is in memory: every failure here is the file's content (an open quote,
            // a duplicate or empty column name), not the machine's
            problems.add("het bestand is geen leesbare CSV: " + shown(String.valueOf(unreadable.getMessage())));
        }
        checkNoOverlaps(amounts, problems);
        if (amounts.isEmpty() && problems.isEmpty()) {
            problems.add("de tabel heeft geen regels");
        }
        if (!problems.isEmpty()) {
            throw new InvalidNormTable(bounded(problems));
        }
        return amounts;
    }

    private static NormAmount row(
            CSVRecord row, List<String> header, NormDefinitions definitions, List<String> problems) {
        String line = "regel " + row.getParser().getCurrentLineNumber();
        if (row.size() != header.size()) {
            problems.add(line + ": heeft " + row.size() + " kolommen, de kopregel " + header.size());
            return null;
        }
        int before = problems.size();
        String norm = row.get("norm");
        NormDefinition definition = null;
        if (!norm.matches("[A-Z][A-Z0-9_]{0,59}")) {
            problems.add(line + ", kolom norm: '" + shown(norm)
                    + "' is geen normnaam in hoofdletters, zoals COST_OF_LIVING");
        } else if (definitions != null) {
            definition = definitions.of(norm).orElse(null);
            if (definition == null) {
                problems.add(
                        line + ", kolom norm: " + norm + " is geen bekende norm; bekend zijn " + definitions.names());
            }
        }
        LocalDate validFrom = date(row.get("validFrom"), line + ", kolom validFrom", false, problems);
        LocalDate validUntil = date(row.get("validUntil"), line + ", kolom validUntil", true, problems);
        if (validFrom != null && validUntil != null && validUntil.isBefore(validFrom)) {
            problems.add(line + ": validUntil " + validUntil + " ligt voor validFrom " + validFrom);
        }
        BigDecimal amount = definitions == null
                ? amount(row.get("amount"), line, problems)
                : amount(row.get("amount"), line, norm, definition, problems);
        Map<String, String> keys = new LinkedHashMap<>();
        for (String column : header) {
            if (!FIXED.contains(column)) {
                if (row.get(column).isEmpty()) {
                    problems.add(line + ", kolom " + shown(column) + ": is leeg");
                }
                keys.put(column, row.get(column));
            }
        }
        return problems.size() == before ? new NormAmount(norm, keys, validFrom, validUntil, amount) : null;
    }

    /** An amount held to its norm's definition; null (and a problem) when it is not acceptable. */
    private static BigDecimal amount(
            String text, String line, String norm, NormDefinition definition, List<String> problems) {
        String where = line + ", kolom amount: '" + shown(text) + "'";
        String allowed = definition == null ? "" : " (" + norm + " " + definition.range() + ")";
        if (text.length() > 40) { // no amount is this long; and the patterns below need not see it
            problems.add(where + " is geen bedrag zoals 1245.00" + allowed);
            return null;
        }
        if (EXPONENT.matcher(text).matches()) {
            problems.add(where + " staat in exponentnotatie; schrijf het bedrag voluit, zoals 1245.00" + allowed);
            return null;
        }
        if (DECIMAL_COMMA.matcher(text).matches()) {
            problems.add(where + " heeft een komma; schrijf een punt voor de centen, zoals 1245.00" + allowed);
            return null;
        }
        if (!PLAIN_AMOUNT.matcher(text).matches()) {
            problems.add(where + " is geen bedrag zoals 1245.00" + allowed);
            return null;
        }
        if (definition == null) {
            return null; // the norm is refused already
        }
        BigDecimal amount = new BigDecimal(text);
        if (amount.scale() > definition.scale()) {
            problems.add(where + " heeft meer dan " + definition.scale() + " decimalen" + allowed);
            return null;
        }
        if (!definition.contains(amount)) {
            problems.add(where + " ligt buiten het bereik van " + norm + " (" + definition.description() + "): "
                    + definition.range());
            return null;
        }
        return amount;
    }

    /** An amount of a table accepted before: any plain decimal of zero or more, in cents. */
    private static BigDecimal amount(String text, String line, List<String> problems) {
        try {
            BigDecimal amount = new BigDecimal(text);
            if (amount.signum() < 0 || amount.scale() > NormDefinition.MAX_SCALE) {
                problems.add(line + ", kolom amount: '" + shown(text)
                        + "' moet nul of meer zijn, in euro's met hoogstens twee decimalen");
            }
            return amount;
        } catch (NumberFormatException e) {
            problems.add(line + ", kolom amount: '" + shown(text) + "' is geen bedrag zoals 1245.00");
            return null;
        }
    }

    private static LocalDate date(String text, String where, boolean optional, List<String> problems) {
        if (text.isEmpty()) {
            if (!optional) {
                problems.add(where + ": is leeg; schrijf een datum zoals 2026-07-01");
            }
            return null;
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            problems.add(where + ": '" + shown(text) + "' is geen datum zoals 2026-07-01");
            return null;
        }
    }

    /**
     * Periods of the same norm and keys, sorted by start: one overlaps another exactly when it
     * starts before the latest end so far. Linear after sorting, whatever the number of rows.
     */
    private static void checkNoOverlaps(List<NormAmount> amounts, List<String> problems) {
        Map<String, List<NormAmount>> series = new LinkedHashMap<>();
        for (NormAmount amount : amounts) {
            series.computeIfAbsent(amount.norm() + " " + amount.keys(), k -> new ArrayList<>())
                    .add(amount);
        }
        for (List<NormAmount> periods : series.values()) {
            periods.sort(Comparator.comparing(NormAmount::validFrom));
            NormAmount latest = null;
            for (NormAmount period : periods) {
                if (latest != null
                        && (latest.validUntil() == null || !latest.validUntil().isBefore(period.validFrom()))) {
                    problems.add(period.norm() + " " + period.keys() + ": de perioden vanaf " + latest.validFrom()
                            + " en vanaf " + period.validFrom() + " overlappen");
                }
                if (latest == null
                        || latest.validUntil() != null
                                && (period.validUntil() == null
                                        || period.validUntil().isAfter(latest.validUntil()))) {
                    latest = period;
                }
            }
        }
    }

    private static List<String> bounded(List<String> problems) {
        if (problems.size() <= MAX_PROBLEMS) {
            return problems;
        }
        List<String> first = new ArrayList<>(problems.subList(0, MAX_PROBLEMS));
        first.add("en nog " + (problems.size() - MAX_PROBLEMS) + " problemen");
        return first;
    }

    /** A cell as quoted back to the officer: a huge or binary cell does not fill the answer. */
    private static String shown(String text) {
        String printable = text.replaceAll("\\p{Cntrl}", "?");
        return printable.length() <= 40 ? printable : printable.substring(0, 40) + "…";
    }
}
