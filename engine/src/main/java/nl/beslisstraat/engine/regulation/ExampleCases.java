package nl.beslisstraat.engine.regulation;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nl.beslisstraat.engine.cases.CaseApplication;
import nl.beslisstraat.rules.Outcome;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.kie.api.definition.type.FactField;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads a regulation's example cases from its CSV file, the way a policy officer writes them:
 * one row per case, columns {@code case}, {@code referenceDate}, the input fields by their contract
 * names, {@code outcome}, {@code reasons} (codes separated by spaces) and one column per expected
 * amount or date the outcome sets (such as {@code fee}, {@code validUntil}). An empty cell is an
 * absent value; {@code null} is a value sent as empty (JSON null).
 *
 * <p>A file an officer uploads that cannot be read is refused with {@link Unreadable}, naming the
 * line and the cell in both languages of the pages.
 */
public final class ExampleCases {

    static final Set<String> RESERVED = Set.of("case", "referenceDate", "outcome", "reasons");

    private ExampleCases() {}

    /** A file of example cases that cannot be read, in both languages, naming the line and the column. */
    public static final class Unreadable extends IllegalArgumentException {

        private final transient Phrase phrase;

        Unreadable(Phrase phrase) {
            super(phrase.nl());
            this.phrase = phrase;
        }

        public Phrase phrase() {
            return phrase;
        }
    }

    public static List<ExampleCase> of(RuleSet ruleSet) {
        String path = ruleSet.descriptor().resource(ruleSet.descriptor().exampleCases());
        try (InputStream in = ExampleCases.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("Example cases not found: " + path);
            }
            return read(ruleSet, new InputStreamReader(in, StandardCharsets.UTF_8), Phrase.same(path));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * @param source how the officer knows the file, such as "eigen voorbeeldgevallen" / "own
     *     example cases"
     * @throws Unreadable when a column or a cell is not what the layout asks for
     */
    public static List<ExampleCase> read(RuleSet ruleSet, Reader csv, Phrase source) throws IOException {
        Map<String, Class<?>> fields = new LinkedHashMap<>();
        for (FactField field : ruleSet.factType().getFields()) {
            if (ruleSet.inputSchema().titles().containsKey(field.getName())) {
                fields.put(field.getName(), field.getType());
            }
        }
        CSVFormat format = CSVFormat.DEFAULT
                .builder()
                .setHeader()
                .setSkipHeaderRecord(true)
                .setIgnoreSurroundingSpaces(true)
                .setCommentMarker('#')
                .get();
        List<ExampleCase> cases = new ArrayList<>();
        try (CSVParser parser = CSVParser.parse(csv, format)) {
            List<String> header = parser.getHeaderNames();
            RegulationDescriptor regulation = ruleSet.descriptor();
            for (String column : header) {
                if (!RESERVED.contains(column)
                        && !fields.containsKey(column)
                        && !regulation.amountNames().contains(column)
                        && !regulation.dateNames().contains(column)) {
                    throw new Unreadable(Phrase.of(
                            "{0}: kolom '{1}' is geen invoerveld van {2} en geen bedrag of datum die de uitkomst"
                                    + " vastlegt.",
                            "{0}: column '{1}' is neither an input field of {2} nor an amount or date its outcome"
                                    + " sets.",
                            source,
                            column,
                            regulationName(ruleSet)));
                }
            }
            for (String column : List.of("case", "referenceDate", "outcome", "reasons")) {
                if (!header.contains(column)) {
                    throw new Unreadable(Phrase.of(
                            "{0}: de kolom '{1}' ontbreekt.", "{0}: the column '{1}' is missing.", source, column));
                }
            }
            for (CSVRecord row : parser) {
                Phrase line = Phrase.of(
                        "{0}, regel {1}",
                        "{0}, line {1}", source, row.getParser().getCurrentLineNumber());
                if (!row.isConsistent()) {
                    throw new Unreadable(Phrase.of(
                            "{0}: {1} cellen, de kop heeft er {2}.",
                            "{0}: {1} cells, the header has {2}.", line, row.size(), header.size()));
                }
                try {
                    cases.add(exampleCase(ruleSet, fields, header, row));
                } catch (Unreadable cell) {
                    throw new Unreadable(Phrase.of("{0}: {1}", "{0}: {1}", line, cell.phrase()));
                }
            }
        }
        return cases;
    }

    private static ExampleCase exampleCase(
            RuleSet ruleSet, Map<String, Class<?>> fields, List<String> header, CSVRecord row) {
        ObjectNode input = JsonNodeFactory.instance.objectNode();
        input.put("caseType", ruleSet.caseType());
        LocalDate referenceDate = date("referenceDate", row.get("referenceDate"));
        input.put("referenceDate", row.get("referenceDate"));
        Map<String, BigDecimal> amounts = new LinkedHashMap<>();
        Map<String, LocalDate> dates = new LinkedHashMap<>();
        for (String column : header) {
            String cell = row.get(column);
            if (RESERVED.contains(column) || cell.isEmpty()) {
                continue;
            }
            Class<?> type = fields.get(column);
            if (type == null) {
                if (ruleSet.descriptor().dateNames().contains(column)) {
                    dates.put(column, date(column, cell));
                } else {
                    amounts.put(column, amount(column, cell));
                }
            } else if (cell.equals("null")) {
                input.putNull(column); // sent, but empty: "no zone" rather than "zone not given"
            } else if (type == boolean.class || type == Boolean.class) {
                input.put(column, bool(column, cell));
            } else if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
                input.put(column, whole(column, cell));
            } else {
                input.put(column, cell); // decimals, dates and times travel as strings, as the e-services send them
            }
        }
        List<String> reasons =
                new ArrayList<>(Arrays.asList(row.get("reasons").trim().split("\\s+")));
        reasons.remove("");
        reasons.sort(null);
        return new ExampleCase(
                row.get("case"),
                row.getParser().getCurrentLineNumber(),
                new CaseApplication(ruleSet.caseType(), referenceDate, input),
                outcome(row.get("outcome").trim()),
                List.copyOf(reasons),
                amounts,
                dates);
    }

    private static Phrase regulationName(RuleSet ruleSet) {
        Map<String, String> names = ruleSet.descriptor().name();
        String dutch = names == null ? null : names.get("nl");
        return dutch == null ? Phrase.same(ruleSet.caseType()) : new Phrase(dutch, names.get("en"));
    }

    private static boolean bool(String column, String cell) {
        return switch (cell) {
            case "true" -> true;
            case "false" -> false;
            default ->
                throw new Unreadable(Phrase.of(
                        "{0}: '{1}' is niet true of false.", "{0}: '{1}' is not true or false.", column, cell));
        };
    }

    private static LocalDate date(String column, String cell) {
        try {
            return IsoDate.parse(cell);
        } catch (java.time.format.DateTimeParseException notADate) {
            throw new Unreadable(Phrase.of(
                    "{0}: '{1}' is geen datum; schrijf jjjj-mm-dd.",
                    "{0}: '{1}' is not a date; write yyyy-mm-dd.", column, cell));
        }
    }

    private static BigDecimal amount(String column, String cell) {
        try {
            return PlainDecimal.parse(cell);
        } catch (NumberFormatException notANumber) {
            throw new Unreadable(Phrase.of(
                    "{0}: '{1}' is geen bedrag; schrijf bijvoorbeeld 240.00.",
                    "{0}: '{1}' is not an amount; write for example 240.00.", column, cell));
        }
    }

    private static long whole(String column, String cell) {
        try {
            return Long.parseLong(cell);
        } catch (NumberFormatException notANumber) {
            throw new Unreadable(
                    Phrase.of("{0}: '{1}' is geen geheel getal.", "{0}: '{1}' is not a whole number.", column, cell));
        }
    }

    private static Outcome outcome(String cell) {
        try {
            return Outcome.valueOf(cell);
        } catch (IllegalArgumentException unknown) {
            throw new Unreadable(Phrase.of(
                    "outcome: '{0}' is geen uitkomst; kies uit {1}.",
                    "outcome: '{0}' is not an outcome; choose from {1}.",
                    cell,
                    Arrays.stream(Outcome.values())
                            .map(Outcome::name)
                            .collect(java.util.stream.Collectors.joining(", "))));
        }
    }
}
