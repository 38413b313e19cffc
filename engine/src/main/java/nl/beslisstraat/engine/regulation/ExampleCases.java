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
 */
public final class ExampleCases {

    static final Set<String> RESERVED = Set.of("case", "referenceDate", "outcome", "reasons");

    private ExampleCases() {}

    public static List<ExampleCase> of(RuleSet ruleSet) {
        String path = ruleSet.descriptor().resource(ruleSet.descriptor().exampleCases());
        try (InputStream in = ExampleCases.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("Example cases not found: " + path);
            }
            return read(ruleSet, new InputStreamReader(in, StandardCharsets.UTF_8), path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static List<ExampleCase> read(RuleSet ruleSet, Reader csv, String source) throws IOException {
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
                    throw new IllegalArgumentException(
                            source + ": column '" + column + "' is neither an input field of " + ruleSet.caseType()
                                    + " nor an amount or date its outcome sets");
                }
            }
            for (CSVRecord row : parser) {
                try {
                    cases.add(exampleCase(ruleSet, fields, header, row));
                } catch (RuntimeException e) {
                    throw new IllegalArgumentException(
                            source + " line " + row.getParser().getCurrentLineNumber() + ": " + e.getMessage(), e);
                }
            }
        }
        return cases;
    }

    private static ExampleCase exampleCase(
            RuleSet ruleSet, Map<String, Class<?>> fields, List<String> header, CSVRecord row) {
        ObjectNode input = JsonNodeFactory.instance.objectNode();
        input.put("caseType", ruleSet.caseType());
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
                    dates.put(column, LocalDate.parse(cell));
                } else {
                    amounts.put(column, new BigDecimal(cell));
                }
            } else if (cell.equals("null")) {
                input.putNull(column); // sent, but empty: "no zone" rather than "zone not given"
            } else if (type == boolean.class || type == Boolean.class) {
                input.put(column, bool(column, cell));
            } else if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
                input.put(column, Long.parseLong(cell));
            } else {
                input.put(column, cell); // decimals, dates and times travel as strings, as the e-services send them
            }
        }
        List<String> reasons =
                new ArrayList<>(Arrays.asList(row.get("reasons").trim().split("\\s+")));
        reasons.remove("");
        reasons.sort(null);
        LocalDate referenceDate = LocalDate.parse(row.get("referenceDate"));
        return new ExampleCase(
                row.get("case"),
                row.getParser().getCurrentLineNumber(),
                new CaseApplication(ruleSet.caseType(), referenceDate, input),
                Outcome.valueOf(row.get("outcome").trim()),
                List.copyOf(reasons),
                amounts,
                dates);
    }

    private static boolean bool(String column, String cell) {
        return switch (cell) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalArgumentException(column + ": '" + cell + "' is not true or false");
        };
    }
}
