package nl.beslisstraat.engine.regulation.table;

import java.math.BigDecimal;
import java.time.LocalTime;
import java.time.MonthDay;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import nl.beslisstraat.engine.database.WrittenText;
import nl.beslisstraat.engine.regulation.Phrase;
import nl.beslisstraat.rules.Outcome;

/**
 * Reads a decision table (XLSX or CSV) into typed rows of its regulation's template, or refuses
 * it with every problem, each naming its cell. The template's title, notes label, table titles
 * and headings must stand where the template has them; every other filled cell must be a data
 * cell of a table and hold a value of its column's type. Nothing else in the file is read.
 */
public final class TableReader {

    static final int MAX_NAME = 200;
    static final int MAX_TEXT = 2_000;
    /** Problems listed in one refusal; a file that is wrong everywhere is named by its first ones. */
    static final int MAX_PROBLEMS = 50;

    private static final Pattern NUMBER = Pattern.compile("[+-]?[0-9]{1,15}([.,][0-9]{1,15})?");
    private static final Pattern REASON_CODE = Pattern.compile("[A-Z][A-Z0-9_]{0,59}");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^{}]*)}");
    private static final Pattern IDENTIFIER = Pattern.compile("[a-z][A-Za-z0-9]{0,59}");
    private static final DateTimeFormatter DAY_MONTH = DateTimeFormatter.ofPattern("d-M");
    private static final Map<String, Boolean> YES_NO = Map.of(
            "ja", true, "nee", false, "true", true, "false", false, "waar", true, "onwaar", false, "yes", true, "no",
            false);

    private final TableTemplate template;
    private final Grid grid;
    private final List<Phrase> problems = new ArrayList<>();

    private TableReader(TableTemplate template, Grid grid) {
        this.template = template;
        this.grid = grid;
    }

    /** An officer's upload: an XLSX (told by its zip signature) or else a CSV, in the template's layout. */
    public static DecisionTable read(TableTemplate template, byte[] content) {
        return new TableReader(template, grid(content)).read();
    }

    /**
     * A table stored before tables had a template of their own: the data rows of Drools' layout
     * (under the rows RuleTable, CONDITION/ACTION, pattern, code and headings) are read as data
     * into the current layout; the code rows are skipped, never compiled. New uploads never take
     * this road.
     */
    public static DecisionTable readStored(TableTemplate template, byte[] content) {
        Grid grid = grid(content);
        if (grid.text(0, 0).equals("RuleSet")) {
            grid = LegacyLayout.convert(grid, template);
        }
        return new TableReader(template, grid).read();
    }

    private static Grid grid(byte[] content) {
        boolean zip = content.length >= 2 && content[0] == 'P' && content[1] == 'K';
        return zip ? WorkbookReader.read(content) : CsvReader.read(content, "CSV");
    }

    private DecisionTable read() {
        expect(0, 0, template.title());
        onlyFirstColumns(0, 1);
        expect(1, 0, TableTemplate.NOTES);
        String note = grid.text(1, 1);
        line(1, 1, MAX_TEXT, false);
        onlyFirstColumns(1, 2);
        List<TableRow> rows = new ArrayList<>();
        Set<String> names = new HashSet<>();
        int r = 2;
        for (int t = 0; t < template.tables().size(); t++) {
            TableTemplate.Table table = template.tables().get(t);
            while (r < grid.height() && grid.isBlank(r)) {
                r++;
            }
            if (!expect(r, 0, TableTemplate.TABLE_PREFIX + table.title())) {
                break; // the rest of the layout cannot be found
            }
            onlyFirstColumns(r, 1);
            r++;
            List<String> headings = TableTemplate.headings(table);
            for (int c = 0; c < headings.size(); c++) {
                expect(r, c, headings.get(c));
            }
            onlyFirstColumns(r, headings.size());
            r++;
            for (;
                    r < grid.height() && !grid.isBlank(r) && !grid.text(r, 0).startsWith(TableTemplate.TABLE_PREFIX);
                    r++) {
                TableRow row = row(r, t, table, rows.size());
                if (row != null && !names.add(WrittenText.sameName(row.name()))) {
                    problem(
                            r,
                            0,
                            "de regel '{0}' staat al eerder in de tabel; geef elke regel een eigen naam.",
                            "the rule '{0}' is in the table already; give each rule a name of its own.",
                            row.name());
                }
                if (row != null) {
                    rows.add(row);
                }
            }
        }
        for (; r < grid.height(); r++) {
            for (int c : grid.columns(r)) {
                problem(
                        r,
                        c,
                        "deze cel ligt buiten de tabellen; alleen rijen van een tabel mogen worden ingevuld.",
                        "this cell is outside the tables; only rows of a table may be filled in.");
            }
        }
        if (problems.size() > MAX_PROBLEMS) {
            int more = problems.size() - MAX_PROBLEMS;
            problems.subList(MAX_PROBLEMS, problems.size()).clear();
            problems.add(Phrase.of("... en nog {0} problemen.", "... and {0} more problems.", more));
        }
        if (!problems.isEmpty()) {
            throw new TableRefused(problems);
        }
        return new DecisionTable(template, note, rows);
    }

    private TableRow row(int r, int t, TableTemplate.Table table, int number) {
        int before = problems.size();
        int width = TableTemplate.headings(table).size();
        onlyFirstColumns(r, width);
        String name = line(r, 0, MAX_NAME, true);
        List<Criterion> conditions = new ArrayList<>();
        int c = 1;
        for (TableTemplate.Condition condition : table.conditions()) {
            conditions.add(criterion(r, c++, condition));
        }
        Outcome outcome = outcome(r, c++);
        String reasonCode = grid.text(r, c);
        if (!REASON_CODE.matcher(reasonCode).matches()) {
            problem(
                    r,
                    c,
                    "de redencode is verplicht en bestaat uit hoofdletters, cijfers en _ (zoals VEHICLE_TOO_LARGE).",
                    "the reason code is required and consists of capitals, digits and _ (such as"
                            + " VEHICLE_TOO_LARGE).");
        }
        c++;
        Map<String, String> motivations = new LinkedHashMap<>();
        motivations.put("nl", motivation(r, c++));
        motivations.put("en", motivation(r, c++));
        Map<String, BigDecimal> amounts = new HashMap<>();
        Map<String, BigDecimal> percentages = new HashMap<>();
        Map<String, MonthDay> days = new HashMap<>();
        for (TableTemplate.Extra extra : table.extras()) {
            int column = c++;
            if (grid.value(r, column) == null) {
                continue;
            }
            switch (extra.kind()) {
                case AMOUNT -> put(amounts, extra.name(), number(r, column, 2, extra.min(), extra.max()));
                case PERCENTAGE -> put(percentages, extra.name(), number(r, column, 2, extra.min(), extra.max()));
                case DAY_OF_REFERENCE_YEAR -> put(days, extra.name(), day(r, column));
            }
        }
        if (problems.size() > before) {
            return null;
        }
        return new TableRow(
                number, t, r + 1, name, conditions, outcome, reasonCode, motivations, amounts, percentages, days);
    }

    private static <V> void put(Map<String, V> values, String name, V value) {
        if (value != null) {
            values.put(name, value);
        }
    }

    private Criterion criterion(int r, int c, TableTemplate.Condition condition) {
        if (grid.value(r, c) == null) {
            return null;
        }
        return switch (condition.type()) {
            case INTEGER -> numberCriterion(r, c, 0, condition);
            case DECIMAL, PERCENTAGE -> numberCriterion(r, c, condition.scale(), condition);
            case YES_NO -> yesNo(r, c);
            case CODE -> codes(r, c, condition);
            case TIME -> time(r, c);
        };
    }

    private Criterion numberCriterion(int r, int c, int scale, TableTemplate.Condition condition) {
        BigDecimal value = number(r, c, scale, condition.min(), condition.max());
        return value == null ? null : new Criterion.Number(value);
    }

    /** A number of at most {@code scale} decimals within [min, max], at that scale; null (and a problem) otherwise. */
    private BigDecimal number(int r, int c, int scale, BigDecimal min, BigDecimal max) {
        Object value = grid.value(r, c);
        BigDecimal number = null;
        if (value instanceof BigDecimal typed) {
            number = typed;
        } else if (value instanceof String text && NUMBER.matcher(text.trim()).matches()) {
            number = new BigDecimal(text.trim().replace(',', '.'));
        }
        if (number == null) {
            problem(
                    r,
                    c,
                    "hier hoort een getal tussen {0} en {1}, niet '{2}'.",
                    "this takes a number between {0} and {1}, not '{2}'.",
                    Phrase.number(min),
                    Phrase.number(max),
                    abbreviate(grid.text(r, c)));
            return null;
        }
        if (number.compareTo(min) < 0 || number.compareTo(max) > 0) {
            problem(
                    r,
                    c,
                    "{0} ligt niet tussen {1} en {2}.",
                    "{0} is not between {1} and {2}.",
                    abbreviate(number.toPlainString()),
                    Phrase.number(min),
                    Phrase.number(max));
            return null;
        }
        if (number.stripTrailingZeros().scale() > scale) {
            problem(r, c, "hier horen ten hoogste {0} decimalen.", "this takes at most {0} decimals.", scale);
            return null;
        }
        return number.setScale(Math.max(scale, 0));
    }

    private Criterion yesNo(int r, int c) {
        Object value = grid.value(r, c);
        Boolean yes = value instanceof Boolean typed
                ? typed
                : YES_NO.get(grid.text(r, c).toLowerCase(Locale.ROOT));
        if (yes == null) {
            problem(
                    r,
                    c,
                    "hier hoort ja of nee, niet '{0}'.",
                    "this takes yes or no, not '{0}'.",
                    abbreviate(grid.text(r, c)));
            return null;
        }
        return new Criterion.YesNo(yes);
    }

    private Criterion codes(int r, int c, TableTemplate.Condition condition) {
        List<String> codes = new ArrayList<>();
        for (String part : grid.text(r, c).split(",", -1)) {
            String code = part.trim();
            if (!condition.codes().contains(code)) {
                problem(
                        r,
                        c,
                        "'{0}' is geen van de codes {1}.",
                        "'{0}' is none of the codes {1}.",
                        abbreviate(code),
                        String.join(", ", condition.codes()));
                return null;
            }
            if (codes.contains(code)) {
                problem(r, c, "{0} staat er twee keer.", "{0} is there twice.", code);
                return null;
            }
            codes.add(code);
        }
        if (condition.test() == Test.EQUALS && codes.size() != 1) {
            problem(
                    r,
                    c,
                    "hier hoort één code, zoals {0}.",
                    "this takes one code, such as {0}.",
                    condition.codes().get(0));
            return null;
        }
        return new Criterion.Codes(codes);
    }

    private Criterion time(int r, int c) {
        Object value = grid.value(r, c);
        if (value instanceof LocalTime time) {
            return new Criterion.Time(time);
        }
        String text = grid.text(r, c);
        try {
            if (text.matches("[0-9]{1,2}[:.][0-9]{2}")) {
                String[] parts = text.split("[:.]");
                return new Criterion.Time(LocalTime.of(Integer.parseInt(parts[0]), Integer.parseInt(parts[1])));
            }
        } catch (java.time.DateTimeException outOfRange) {
            // reported below
        }
        problem(
                r,
                c,
                "hier hoort een tijd als 23:00, niet '{0}'.",
                "this takes a time such as 23:00, not '{0}'.",
                abbreviate(text));
        return null;
    }

    private Outcome outcome(int r, int c) {
        String text = grid.text(r, c);
        if (text.isEmpty()) {
            return null; // a row that only adds an amount or a percentage
        }
        try {
            return Outcome.valueOf(text.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            problem(
                    r,
                    c,
                    "de uitkomst is een van GRANTED, PARTIALLY_GRANTED, NEEDS_REVIEW, REJECTED, niet '{0}'.",
                    "the outcome is one of GRANTED, PARTIALLY_GRANTED, NEEDS_REVIEW, REJECTED, not '{0}'.",
                    abbreviate(text));
            return null;
        }
    }

    private String motivation(int r, int c) {
        String text = text(r, c, MAX_TEXT, true);
        var placeholders = PLACEHOLDER.matcher(text);
        while (placeholders.find()) {
            if (!IDENTIFIER.matcher(placeholders.group(1)).matches()) {
                problem(
                        r,
                        c,
                        "{{0}} is geen veldnaam; tussen accolades staat de naam van een gegeven, zoals {netIncome}.",
                        "{{0}} is no field name; between braces stands the name of a fact, such as {netIncome}.",
                        abbreviate(placeholders.group(1)));
            }
        }
        return text;
    }

    private MonthDay day(int r, int c) {
        String text = grid.text(r, c);
        try {
            return MonthDay.parse(text, DAY_MONTH);
        } catch (DateTimeParseException wrong) {
            problem(
                    r,
                    c,
                    "hier hoort een dag en maand als 31-12, niet '{0}'.",
                    "this takes a day and month such as 31-12, not '{0}'.",
                    abbreviate(text));
            return null;
        }
    }

    /** A text cell: one line, no control characters, at most {@code max} characters. */
    private String text(int r, int c, int max, boolean required) {
        Object value = grid.value(r, c);
        String text = grid.text(r, c);
        if (value != null && !(value instanceof String)) {
            problem(r, c, "hier hoort tekst.", "this takes text.");
        } else if (required && text.isEmpty()) {
            problem(r, c, "deze cel is verplicht.", "this cell is required.");
        } else if (text.length() > max) {
            problem(r, c, "de tekst is langer dan {0} tekens.", "the text is longer than {0} characters.", max);
        } else if (text.chars()
                .anyMatch(ch -> Character.getType(ch) == Character.CONTROL
                        || Character.getType(ch) == Character.LINE_SEPARATOR
                        || Character.getType(ch) == Character.PARAGRAPH_SEPARATOR)) {
            problem(
                    r,
                    c,
                    "de tekst bevat een regeleinde of stuurteken; schrijf hem op één regel.",
                    "the text holds a line break or control character; write it on one line.");
        } else if (!WrittenText.storable(text)) {
            problem(
                    r,
                    c,
                    "de tekst bevat een teken dat niet bewaard kan worden (een half tekenpaar).",
                    "the text holds a character that cannot be stored (half of a character pair).");
        }
        return text;
    }

    /**
     * A name or note cell that the approving colleague must read as written: a text cell that also
     * holds no invisible or direction-changing characters (zero-width space, right-to-left override).
     */
    private String line(int r, int c, int max, boolean required) {
        int before = problems.size();
        String text = text(r, c, max, required);
        if (problems.size() == before && !WrittenText.oneVisibleLine(text)) {
            problem(
                    r,
                    c,
                    "de tekst bevat een onzichtbaar teken of een teken dat de leesrichting omdraait (zoals U+200B"
                            + " of U+202E); typ hem opnieuw zonder.",
                    "the text holds an invisible or direction-changing character (such as U+200B or U+202E);"
                            + " type it again without.");
        }
        return text;
    }

    /** A locked cell of the template: it must read exactly so. */
    private boolean expect(int r, int c, String expected) {
        String actual = grid.text(r, c);
        if (!actual.equals(expected)) {
            problem(
                    r,
                    c,
                    "hier hoort '{0}' uit het sjabloon te staan{1}",
                    "this should read '{0}' from the template{1}",
                    abbreviate(expected),
                    actual.isEmpty()
                            ? Phrase.same(".")
                            : Phrase.of(", niet '{0}'.", ", not '{0}'.", abbreviate(actual)));
            return false;
        }
        return true;
    }

    private void onlyFirstColumns(int r, int width) {
        for (int c : grid.columns(r)) {
            if (c >= width) {
                problem(r, c, "deze cel ligt buiten de tabel.", "this cell is outside the table.");
            }
        }
    }

    /** A problem with a cell, named by its sheet and address. */
    private void problem(int r, int c, String dutch, String english, Object... arguments) {
        problems.add(grid.at(r, c).then(Phrase.of(": " + dutch, ": " + english, arguments)));
    }

    static String abbreviate(String text) {
        return text.length() <= 60 ? text : text.substring(0, 57) + "...";
    }
}
