package nl.beslisstraat.engine.regulation.table;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;

/**
 * The property that makes an officer's upload data, never code: whatever a table holds, what
 * reaches the rule compiler consists only of the template's parts and literals our code wrote
 * from typed values. Thousands of randomly mutated tables (hostile fragments in any cell, rows
 * added, dropped, duplicated, moved) are read; each is either refused with a {@link
 * TableRefused}, or its rendered rules match a grammar whose only free parts are numbers, yes/no,
 * codes of the template's closed lists and times, and some of them are compiled to show that an
 * accepted table always compiles.
 *
 * <p>Mutations come from a seeded generator (the seed is in the failure message), so a failure
 * can be replayed; a new seed is used per run so that every build tries new tables.
 */
class RenderedRulesPropertyTests {

    private static final int TABLES = 5_000;
    private static final int COMPILED = 12;

    private static final List<String> FRAGMENTS = List.of(
            "\"",
            "\\",
            "\");",
            "'",
            "System.exit(0)",
            "System.setProperty(\"beslisstraat.hostile\", \"ran\")",
            "RuleTable Kwaad",
            "RuleSet",
            "Import",
            "Functions",
            "Queries",
            "Declare",
            "Variables",
            "Notes",
            "CONDITION",
            "ACTION",
            "\\u0022",
            "\\u000a",
            "${x}",
            "#{x}",
            "eval(true)",
            "then",
            "end",
            "rule \"x\"",
            "when",
            "//",
            "/*",
            "*/",
            "||",
            "&&",
            "==",
            ")",
            "(",
            "drools.halt()",
            "1E20",
            "-0",
            "6.00B",
            "0x1F",
            "NaN",
            "Infinity",
            "ja",
            "nee",
            "true",
            "A",
            "B",
            "DIESEL",
            "REJECTED",
            "GRANTED",
            "23:00",
            "31-12",
            "{netIncome}",
            "{a b}",
            "\u2028",
            "\t",
            "\u0000",
            "é",
            "😀",
            ",",
            "A, B",
            "9999999999999999",
            "0.001",
            "12,5",
            "-3",
            "100");

    @Test
    void whatReachesTheCompilerIsOnlyTemplateAndRenderedValues() {
        long seed = System.nanoTime();
        Random random = new Random(seed);
        List<String> folders = List.of("parkingpermit", "taxremission", "citypass", "eventnotification");
        List<String> files = List.of(
                "2026.2/parking-permit.table.xlsx",
                "2026.1/tax-remission.table.xlsx",
                "2026.1/city-pass.table.xlsx",
                "2026.1/event-notification.table.xlsx");
        List<TableTemplate> templates = new ArrayList<>();
        List<String> tables = new ArrayList<>();
        for (int f = 0; f < folders.size(); f++) {
            templates.add(Tables.template(folders.get(f)));
            tables.add(
                    TableWriter.csv(TableReader.read(templates.get(f), Tables.shipped(folders.get(f), files.get(f)))));
        }
        int accepted = 0;
        int compiled = 0;
        for (int i = 0; i < TABLES; i++) {
            int which = random.nextInt(folders.size());
            TableTemplate template = templates.get(which);
            String csv = tables.get(which);
            String mutated = mutate(csv, random);
            DecisionTable table;
            try {
                table = TableReader.read(template, mutated.getBytes(StandardCharsets.UTF_8));
            } catch (TableRefused refused) {
                assertThat(refused.problems()).isNotEmpty();
                continue;
            } catch (RuntimeException unexpected) {
                throw new AssertionError(
                        "seed " + seed + ", table " + i + ": not refused cleanly:\n" + mutated, unexpected);
            }
            accepted++;
            String drl = RuleRenderer.render("nl.beslisstraat.rules." + folders.get(which), "Application", table);
            assertGrammar(template, drl, "seed " + seed + ", table " + i + ":\n" + mutated);
            if (compiled < COMPILED && random.nextInt(20) == 0) {
                compiles(folders.get(which), drl, "seed " + seed + ", table " + i);
                compiled++;
            }
        }
        assertThat(accepted)
                .as("some mutations are still valid tables (seed %d)", seed)
                .isGreaterThan(TABLES / 20);
    }

    /** Every line of the rules is one of the renderer's own lines, with only typed literals free. */
    private static void assertGrammar(TableTemplate template, String drl, String context) {
        Set<String> fields = new LinkedHashSet<>();
        Set<String> codes = new LinkedHashSet<>();
        for (TableTemplate.Table table : template.tables()) {
            for (TableTemplate.Condition condition : table.conditions()) {
                fields.add(condition.field());
                if (condition.of() != null) {
                    fields.add(condition.of());
                }
                if (condition.since() != null) {
                    fields.add(condition.since());
                }
                codes.addAll(condition.codes());
            }
        }
        String field = fields.stream().map(Pattern::quote).collect(Collectors.joining("|", "(?:", ")"));
        String code = codes.stream().map(Pattern::quote).collect(Collectors.joining("|", "\"(?:", ")\""));
        String number = "-?[0-9]+(?:\\.[0-9]+B|B)?";
        String time = "java\\.time\\.LocalTime\\.of\\([0-9]{1,2}, [0-9]{1,2}\\)";
        String constraint = String.join(
                "|",
                field + " (?:>|>=|<|<=|==) " + number,
                field + " == (?:true|false|" + code + ")",
                "\\(" + field + " == " + code + "(?: \\|\\| " + field + " == " + code + ")*\\)",
                "\\(" + field + " != " + code + "(?: && " + field + " != " + code + ")*\\)",
                "\\(" + field + " != null && " + field + "\\.isBefore\\(" + time + "\\)\\)",
                "\\(" + field + " != null && \\(" + field + "\\.isAfter\\(" + time + "\\) \\|\\| " + field
                        + "\\.isBefore\\(" + field + "\\)\\)\\)",
                "nl\\.beslisstraat\\.rules\\.Limits\\.(?:exceedsPercentage|atMostPercentage)\\(" + field + ", " + field
                        + ", new java\\.math\\.BigDecimal\\(\"[0-9]+(?:\\.[0-9]+)?\"\\)\\)");
        List<Pattern> lines = List.of(
                Pattern.compile("package nl\\.beslisstraat\\.rules\\.[a-z]+;"),
                Pattern.compile(""),
                Pattern.compile("global nl\\.beslisstraat\\.rules\\.DecisionRows rows;"),
                Pattern.compile("rule \"row [0-9]+\""),
                Pattern.compile("    salience -[0-9]+"),
                Pattern.compile("when"),
                Pattern.compile("    \\$a : Application\\((?:(?:" + constraint + ")(?:, (?:" + constraint + "))*)?\\)"),
                Pattern.compile("then"),
                Pattern.compile("    rows\\.fire\\([0-9]+, \\$a\\);"),
                Pattern.compile("end"));
        for (String line : drl.split("\n", -1)) {
            if (lines.stream().noneMatch(pattern -> pattern.matcher(line).matches())) {
                fail("A line of the rules is not the renderer's own:\n" + line + "\n" + context);
            }
        }
    }

    private static void compiles(String folder, String drl, String context) {
        KieServices kie = KieServices.Factory.get();
        KieFileSystem files = kie.newKieFileSystem();
        String facts = "package nl.beslisstraat.rules." + folder + ";\n"
                + "import nl.beslisstraat.rules.CaseFacts;\n"
                + "declare Application extends CaseFacts\n"
                + fieldDeclarations(folder)
                + "end\n";
        files.write("src/main/resources/facts.drl", facts);
        files.write("src/main/resources/table.drl", drl);
        KieBuilder builder = kie.newKieBuilder(files).buildAll();
        assertThat(builder.getResults().getMessages(Message.Level.ERROR))
                .as(context + "\n" + drl)
                .isEmpty();
    }

    /** The fields the template compares, typed as the regulation declares them. */
    private static String fieldDeclarations(String folder) {
        StringBuilder fields = new StringBuilder();
        Set<String> seen = new LinkedHashSet<>();
        for (TableTemplate.Table table : Tables.template(folder).tables()) {
            for (TableTemplate.Condition condition : table.conditions()) {
                declare(fields, seen, condition.field(), type(condition));
                if (condition.of() != null) {
                    declare(fields, seen, condition.of(), "java.math.BigDecimal");
                }
                if (condition.since() != null) {
                    declare(fields, seen, condition.since(), "java.time.LocalTime");
                }
            }
        }
        return fields.toString();
    }

    private static void declare(StringBuilder fields, Set<String> seen, String name, String type) {
        if (seen.add(name)) {
            fields.append("    ").append(name).append(" : ").append(type).append('\n');
        }
    }

    private static String type(TableTemplate.Condition condition) {
        return switch (condition.type()) {
            case INTEGER -> "int";
            case DECIMAL, PERCENTAGE -> "java.math.BigDecimal";
            case YES_NO -> "boolean";
            case CODE -> "String";
            case TIME -> "java.time.LocalTime";
        };
    }

    /** One to four random edits of the table's cells and rows. */
    private static String mutate(String csv, Random random) {
        List<List<String>> rows = parse(csv);
        int edits = 1 + random.nextInt(4);
        for (int e = 0; e < edits; e++) {
            int r = random.nextInt(rows.size());
            switch (random.nextInt(6)) {
                case 0, 1, 2 -> {
                    List<String> row = rows.get(r);
                    int c = random.nextInt(Math.max(row.size(), 1) + 2);
                    while (row.size() <= c) {
                        row.add("");
                    }
                    row.set(c, fragment(random, row.get(c)));
                }
                case 3 -> rows.add(r, new ArrayList<>(rows.get(random.nextInt(rows.size()))));
                case 4 -> {
                    if (rows.size() > 1) {
                        rows.remove(r);
                    }
                }
                default -> {
                    List<String> row = new ArrayList<>();
                    int width = random.nextInt(16);
                    for (int c = 0; c < width; c++) {
                        row.add(random.nextBoolean() ? "" : fragment(random, ""));
                    }
                    rows.add(r, row);
                }
            }
        }
        StringBuilder out = new StringBuilder();
        for (List<String> row : rows) {
            out.append(row.stream().map(RenderedRulesPropertyTests::quoted).collect(Collectors.joining(",")));
            out.append('\n');
        }
        return out.toString();
    }

    private static String fragment(Random random, String before) {
        StringBuilder text = new StringBuilder(random.nextBoolean() ? before : "");
        int parts = 1 + random.nextInt(3);
        for (int p = 0; p < parts; p++) {
            text.append(FRAGMENTS.get(random.nextInt(FRAGMENTS.size())));
        }
        return text.toString();
    }

    private static String quoted(String cell) {
        return "\"" + cell.replace("\"", "\"\"") + "\"";
    }

    private static List<List<String>> parse(String csv) {
        List<List<String>> rows = new ArrayList<>();
        try (CSVParser parser = CSVParser.parse(
                csv, CSVFormat.DEFAULT.builder().setIgnoreEmptyLines(false).get())) {
            for (CSVRecord record : parser) {
                rows.add(new ArrayList<>(record.toList()));
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return rows;
    }
}
