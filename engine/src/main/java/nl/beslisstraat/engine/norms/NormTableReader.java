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
import java.util.TreeSet;
import java.util.regex.Pattern;
import nl.beslisstraat.engine.regulation.IsoDate;
import nl.beslisstraat.engine.regulation.Phrase;
import nl.beslisstraat.engine.regulation.PlainDecimal;
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
        List<Phrase> problems = new ArrayList<>();
        List<NormAmount> amounts = new ArrayList<>();
        List<String> header = List.of();
        try (CSVParser parser = CSVParser.parse(csv, format)) {
            header = parser.getHeaderNames();
            for (String column : FIXED) {
                if (!header.contains(column)) {
                    problems.add(Phrase.of(
                            "kopregel: de kolom '{0}' ontbreekt", "header line: the column '{0}' is missing", column));
                }
            }
            if (!problems.isEmpty()) {
                throw new InvalidNormTable(problems);
            }
            int rows = 0;
            for (CSVRecord row : parser) {
                if (++rows > MAX_ROWS) {
                    problems.add(Phrase.of(
                            "het bestand heeft meer dan {0} regels; een normentabel heeft er enkele tientallen",
                            "the file has more than {0} lines; a norm table has a few dozen", MAX_ROWS));
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
            problems.add(Phrase.of(
                    "het bestand is geen leesbare CSV: {0}",
                    "the file is not a readable CSV: {0}", shown(String.valueOf(unreadable.getMessage()))));
        }
        checkNoOverlaps(amounts, problems);
        if (definitions != null && problems.isEmpty()) {
            checkComplete(header, amounts, definitions, problems);
        }
        if (amounts.isEmpty() && problems.isEmpty()) {
            problems.add(new Phrase("de tabel heeft geen regels", "the table has no lines"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidNormTable(bounded(problems));
        }
        return amounts;
    }

    private static NormAmount row(
            CSVRecord row, List<String> header, NormDefinitions definitions, List<Phrase> problems) {
        Phrase line = Phrase.of("regel {0}", "line {0}", row.getParser().getCurrentLineNumber());
        if (row.size() != header.size()) {
            problems.add(Phrase.of(
                    "{0}: heeft {1} kolommen, de kopregel {2}",
                    "{0}: has {1} columns, the header line {2}", line, row.size(), header.size()));
            return null;
        }
        int before = problems.size();
        String norm = row.get("norm");
        NormDefinition definition = null;
        if (!norm.matches("[A-Z][A-Z0-9_]{0,59}")) {
            problems.add(Phrase.of(
                    "{0}, kolom norm: '{1}' is geen normnaam in hoofdletters, zoals COST_OF_LIVING",
                    "{0}, column norm: '{1}' is no norm name in capitals, such as COST_OF_LIVING", line, shown(norm)));
        } else if (definitions != null) {
            definition = definitions.of(norm).orElse(null);
            if (definition == null) {
                problems.add(Phrase.of(
                        "{0}, kolom norm: {1} is geen bekende norm; bekend zijn {2}",
                        "{0}, column norm: {1} is no known norm; known are {2}", line, norm, definitions.names()));
            }
        }
        LocalDate validFrom = date(
                row.get("validFrom"),
                Phrase.of("{0}, kolom validFrom", "{0}, column validFrom", line),
                false,
                problems);
        LocalDate validUntil = date(
                row.get("validUntil"),
                Phrase.of("{0}, kolom validUntil", "{0}, column validUntil", line),
                true,
                problems);
        if (validFrom != null && validUntil != null && validUntil.isBefore(validFrom)) {
            problems.add(Phrase.of(
                    "{0}: validUntil {1} ligt voor validFrom {2}",
                    "{0}: validUntil {1} is before validFrom {2}",
                    line,
                    Phrase.date(validUntil),
                    Phrase.date(validFrom)));
        }
        BigDecimal amount = definitions == null
                ? amount(row.get("amount"), line, problems)
                : amount(row.get("amount"), line, norm, definition, problems);
        Map<String, String> keys = new LinkedHashMap<>();
        for (String column : header) {
            if (!FIXED.contains(column)) {
                if (row.get(column).isEmpty()) {
                    problems.add(
                            Phrase.of("{0}, kolom {1}: is leeg", "{0}, column {1}: is empty", line, shown(column)));
                } else if (definition != null) {
                    key(definition, column, row.get(column), line, problems);
                }
                keys.put(column, row.get(column));
            }
        }
        return problems.size() == before ? new NormAmount(norm, keys, validFrom, validUntil, amount) : null;
    }

    /** A key value held to the values its norm's definition knows for the column. */
    private static void key(
            NormDefinition definition, String column, String value, Phrase line, List<Phrase> problems) {
        List<String> allowed = definition.keys().get(column);
        if (allowed == null) {
            problems.add(Phrase.of(
                    "{0}, kolom {1}: {2} kent deze kolom niet; de kolommen van {2} zijn {3}",
                    "{0}, column {1}: {2} has no such column; the columns of {2} are {3}",
                    line,
                    shown(column),
                    definition.norm(),
                    definition.keys().isEmpty()
                            ? "-"
                            : String.join(", ", definition.keys().keySet())));
        } else if (!allowed.contains(value)) {
            problems.add(Phrase.of(
                    "{0}, kolom {1}: '{2}' is geen bekende waarde voor {3}; bekend zijn {4}",
                    "{0}, column {1}: '{2}' is no known value for {3}; known are {4}",
                    line,
                    shown(column),
                    shown(value),
                    definition.norm(),
                    String.join(", ", allowed)));
        }
    }

    /**
     * A complete table: every norm of the definition has amounts, each key column the definitions
     * name is present, and on every day that a norm has an amount for one combination of keys it
     * has one for every combination (a household type without an amount cannot be decided). The
     * coverage only changes where a period starts or one ends, so those days are the ones checked.
     */
    private static void checkComplete(
            List<String> header, List<NormAmount> amounts, NormDefinitions definitions, List<Phrase> problems) {
        Set<String> columns = new TreeSet<>();
        definitions.all().forEach(definition -> columns.addAll(definition.keys().keySet()));
        for (String column : columns) {
            if (!header.contains(column)) {
                problems.add(Phrase.of(
                        "kopregel: de kolom '{0}' ontbreekt", "header line: the column '{0}' is missing", column));
            }
        }
        if (!problems.isEmpty()) {
            return;
        }
        for (NormDefinition definition : definitions.all()) {
            List<NormAmount> rows = amounts.stream()
                    .filter(amount -> amount.norm().equals(definition.norm()))
                    .toList();
            if (rows.isEmpty()) {
                problems.add(Phrase.of(
                        "de tabel heeft geen bedragen voor {0} ({1})",
                        "the table has no amounts for {0} ({1})", definition.norm(), definition.description()));
                continue;
            }
            Set<LocalDate> days = new TreeSet<>();
            for (NormAmount row : rows) {
                days.add(row.validFrom());
                if (row.validUntil() != null) {
                    days.add(row.validUntil().plusDays(1));
                }
            }
            for (Map<String, String> combination : definition.combinations()) {
                for (LocalDate day : days) {
                    boolean anyInForce = rows.stream().anyMatch(row -> inForce(row, day));
                    boolean thisInForce =
                            rows.stream().anyMatch(row -> inForce(row, day) && keysMatch(row, combination));
                    if (anyInForce && !thisInForce) {
                        problems.add(Phrase.of(
                                "er ontbreekt een bedrag voor {0} {1} op {2}; de andere combinaties hebben er op die dag wel een",
                                "an amount is missing for {0} {1} on {2}; the other combinations do have one that day",
                                definition.norm(),
                                combination.toString(),
                                Phrase.date(day)));
                        break; // one problem per missing combination is enough to find it
                    }
                }
            }
        }
    }

    private static boolean inForce(NormAmount row, LocalDate day) {
        return !row.validFrom().isAfter(day)
                && (row.validUntil() == null || !row.validUntil().isBefore(day));
    }

    private static boolean keysMatch(NormAmount row, Map<String, String> combination) {
        return combination.entrySet().stream()
                .allMatch(key -> key.getValue().equals(row.keys().get(key.getKey())));
    }

    /** An amount held to its norm's definition; null (and a problem) when it is not acceptable. */
    private static BigDecimal amount(
            String text, Phrase line, String norm, NormDefinition definition, List<Phrase> problems) {
        Phrase where = Phrase.of("{0}, kolom amount: '{1}'", "{0}, column amount: '{1}'", line, shown(text));
        Phrase allowed =
                definition == null ? Phrase.same("") : Phrase.of(" ({0} {1})", " ({0} {1})", norm, definition.range());
        Phrase noAmount =
                Phrase.of("{0} is geen bedrag zoals 1245.00{1}", "{0} is no amount such as 1245.00{1}", where, allowed);
        if (text.length() > 40) { // no amount is this long; and the patterns below need not see it
            problems.add(noAmount);
            return null;
        }
        if (EXPONENT.matcher(text).matches()) {
            problems.add(Phrase.of(
                    "{0} staat in exponentnotatie; schrijf het bedrag voluit, zoals 1245.00{1}",
                    "{0} is in exponent notation; write the amount out in full, such as 1245.00{1}", where, allowed));
            return null;
        }
        if (DECIMAL_COMMA.matcher(text).matches()) {
            problems.add(Phrase.of(
                    "{0} heeft een komma; schrijf een punt voor de centen, zoals 1245.00{1}",
                    "{0} has a comma; write a point before the cents, such as 1245.00{1}", where, allowed));
            return null;
        }
        if (!PlainDecimal.isPlain(text)) {
            problems.add(noAmount);
            return null;
        }
        if (definition == null) {
            return null; // the norm is refused already
        }
        BigDecimal amount = new BigDecimal(text);
        if (amount.scale() > definition.scale()) {
            problems.add(Phrase.of(
                    "{0} heeft meer dan {1} decimalen{2}",
                    "{0} has more than {1} decimals{2}", where, definition.scale(), allowed));
            return null;
        }
        if (!definition.contains(amount)) {
            problems.add(Phrase.of(
                    "{0} ligt buiten het bereik van {1} ({2}): {3}",
                    "{0} is outside the range of {1} ({2}): {3}",
                    where,
                    norm,
                    definition.description(),
                    definition.range()));
            return null;
        }
        return amount;
    }

    /** An amount of a table accepted before: any plain decimal of zero or more, in cents. */
    private static BigDecimal amount(String text, Phrase line, List<Phrase> problems) {
        try {
            BigDecimal amount = new BigDecimal(text);
            if (amount.signum() < 0 || amount.scale() > NormDefinition.MAX_SCALE) {
                problems.add(Phrase.of(
                        "{0}, kolom amount: '{1}' moet nul of meer zijn, in euro's met hoogstens twee decimalen",
                        "{0}, column amount: '{1}' must be zero or more, in euros with at most two decimals",
                        line,
                        shown(text)));
            }
            return amount;
        } catch (NumberFormatException e) {
            problems.add(Phrase.of(
                    "{0}, kolom amount: '{1}' is geen bedrag zoals 1245.00",
                    "{0}, column amount: '{1}' is no amount such as 1245.00", line, shown(text)));
            return null;
        }
    }

    private static LocalDate date(String text, Phrase where, boolean optional, List<Phrase> problems) {
        if (text.isEmpty()) {
            if (!optional) {
                problems.add(Phrase.of(
                        "{0}: is leeg; schrijf een datum zoals 2026-07-01",
                        "{0}: is empty; write a date such as 2026-07-01", where));
            }
            return null;
        }
        try {
            return IsoDate.parse(text);
        } catch (DateTimeParseException e) {
            problems.add(Phrase.of(
                    "{0}: '{1}' is geen datum zoals 2026-07-01",
                    "{0}: '{1}' is no date such as 2026-07-01", where, shown(text)));
            return null;
        }
    }

    /**
     * Periods of the same norm and keys, sorted by start: one overlaps another exactly when it
     * starts before the latest end so far. Linear after sorting, whatever the number of rows.
     */
    private static void checkNoOverlaps(List<NormAmount> amounts, List<Phrase> problems) {
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
                    problems.add(Phrase.of(
                            "{0} {1}: de perioden vanaf {2} en vanaf {3} overlappen",
                            "{0} {1}: the periods from {2} and from {3} overlap",
                            period.norm(),
                            period.keys(),
                            Phrase.date(latest.validFrom()),
                            Phrase.date(period.validFrom())));
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

    private static List<Phrase> bounded(List<Phrase> problems) {
        if (problems.size() <= MAX_PROBLEMS) {
            return problems;
        }
        List<Phrase> first = new ArrayList<>(problems.subList(0, MAX_PROBLEMS));
        first.add(Phrase.of("en nog {0} problemen", "and {0} more problems", problems.size() - MAX_PROBLEMS));
        return first;
    }

    /** A cell as quoted back to the officer: a huge or binary cell does not fill the answer. */
    private static String shown(String text) {
        String printable = text.replaceAll("\\p{Cntrl}", "?");
        return printable.length() <= 40 ? printable : printable.substring(0, 40) + "…";
    }
}
