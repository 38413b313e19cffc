package nl.beslisstraat.engine.authoring;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.poi.ss.util.CellReference;

/**
 * Checks an uploaded decision table against the locked template (the table of the version in
 * force) before anything compiles it. Drools turns table cells into Java source, so a table is
 * only safe when its code parts are the project's, byte for byte, and its data cells cannot
 * leave the snippet they are put into. There is no sandbox for Java in Java 17: refusing is the
 * only defence, so the check refuses anything it does not recognise.
 */
public final class DecisionTableCheck {

    /** Larger uploads are refused unread. */
    public static final int MAX_BYTES = 2 * 1024 * 1024;

    private static final int MAX_ROWS = 2_000;
    private static final Set<String> CODE_KEYWORDS = Set.of(
            "RuleSet",
            "Import",
            "Variables",
            "Functions",
            "Queries",
            "Declare",
            "Sequential",
            "SequentialMaxPriority",
            "EscapeQuotes",
            "NumericDisabled",
            "Unit",
            "Dialect",
            "RuleTable",
            "NAME",
            "CONDITION",
            "ACTION",
            "PRIORITY",
            "SALIENCE",
            "DURATION",
            "TIMER",
            "CALENDARS",
            "NO-LOOP",
            "LOCK-ON-ACTIVE",
            "AUTO-FOCUS",
            "ACTIVATION-GROUP",
            "AGENDA-GROUP",
            "RULEFLOW-GROUP",
            "DATE-EFFECTIVE",
            "DATE-EXPIRES",
            "ENABLED",
            "METADATA");
    /** Numbers, yes/no: what may stand where a snippet puts a cell outside quotes. */
    private static final Pattern BARE_VALUE = Pattern.compile("-?[0-9]+(\\.[0-9]+)?|true|false");
    /** Codes and names: what a comma-separated list (forall) may hold. */
    private static final Pattern LIST_VALUE = Pattern.compile("[A-Za-z0-9_ ]+(,[A-Za-z0-9_ ]+)*");

    private static final DataFormatter CELLS = new DataFormatter();

    static {
        // A small upload that unpacks to gigabytes (a zip bomb) is refused while it is read.
        ZipSecureFile.setMinInflateRatio(0.01);
        ZipSecureFile.setMaxEntrySize(50L * 1024 * 1024);
    }

    private DecisionTableCheck() {}

    /** The problems of {@code upload} measured against {@code template}; empty when it may be compiled. */
    public static List<TableProblem> check(byte[] template, byte[] upload) {
        if (upload.length > MAX_BYTES) {
            return List.of(TableProblem.ofFile("Het bestand is groter dan " + MAX_BYTES / 1024 / 1024 + " MB."));
        }
        try (Workbook locked = open(template);
                Workbook uploaded = open(upload)) {
            List<TableProblem> problems = new ArrayList<>();
            if (uploaded.getNumberOfSheets() != locked.getNumberOfSheets()) {
                problems.add(TableProblem.ofFile("Het bestand moet " + locked.getNumberOfSheets()
                        + " werkblad(en) hebben, zoals de huidige versie; het heeft er " + uploaded.getNumberOfSheets()
                        + "."));
                return problems;
            }
            for (int i = 0; i < locked.getNumberOfSheets(); i++) {
                compare(locked.getSheetAt(i), uploaded.getSheetAt(i), problems);
            }
            return problems;
        } catch (IOException | RuntimeException unreadable) {
            return List.of(TableProblem.ofFile(
                    "Het bestand is geen leesbare spreadsheet (XLSX) binnen de grenzen: " + unreadable.getMessage()));
        }
    }

    private static Workbook open(byte[] bytes) throws IOException {
        return WorkbookFactory.create(new ByteArrayInputStream(bytes));
    }

    private static void compare(Sheet locked, Sheet uploaded, List<TableProblem> problems) {
        if (uploaded.getLastRowNum() > MAX_ROWS) {
            problems.add(new TableProblem(uploaded.getSheetName(), 0, "", "Meer dan " + MAX_ROWS + " rijen."));
            return;
        }
        // Where the template has code (keyword rows and the three rows under each RuleTable), the
        // upload must have exactly that; elsewhere it may only have data, checked per column.
        Map<Integer, Integer> lockedTableRows = codeRows(locked);
        String[] snippets = null;
        int last = Math.max(locked.getLastRowNum(), uploaded.getLastRowNum());
        for (int r = 0; r <= last; r++) {
            Row lockedRow = locked.getRow(r);
            Row uploadedRow = uploaded.getRow(r);
            Integer codeRow = lockedTableRows.get(r);
            if (codeRow != null) {
                compareCode(uploaded.getSheetName(), r, lockedRow, uploadedRow, problems);
                if (codeRow == 3) {
                    snippets = texts(lockedRow);
                }
                continue;
            }
            String first = text(lockedRow, 0);
            if (snippets != null && first.isEmpty() && isBlank(uploadedRow)) {
                snippets = null; // a blank row ends a table
                continue;
            }
            if (snippets == null) {
                compareOutsideTables(uploaded.getSheetName(), r, lockedRow, uploadedRow, problems);
            } else {
                checkData(uploaded.getSheetName(), r, uploadedRow, snippets, problems);
            }
        }
    }

    /**
     * Row index to position in its table's locked block: 0 "RuleTable ...", 1 column types, 2
     * patterns, 3 snippets, 4 column headings.
     */
    private static Map<Integer, Integer> codeRows(Sheet sheet) {
        Map<Integer, Integer> rows = new HashMap<>();
        for (Row row : sheet) {
            String first = text(row, 0);
            if (first.startsWith("RuleTable")) {
                for (int i = 0; i < 5; i++) {
                    rows.put(row.getRowNum() + i, i);
                }
            }
        }
        return rows;
    }

    private static void compareCode(String sheet, int r, Row locked, Row uploaded, List<TableProblem> problems) {
        int width = Math.max(width(locked), width(uploaded));
        for (int c = 0; c < width; c++) {
            String expected = text(locked, c);
            String actual = text(uploaded, c);
            if (!expected.equals(actual)) {
                problems.add(new TableProblem(
                        sheet,
                        r + 1,
                        column(c),
                        "Deze cel hoort bij het product en is vergrendeld;" + " verwacht '" + abbreviate(expected)
                                + "', gevonden '" + abbreviate(actual) + "'."));
            }
        }
    }

    /** Above and between tables only the RuleSet, Import and Notes rows may stand, as in the template. */
    private static void compareOutsideTables(
            String sheet, int r, Row locked, Row uploaded, List<TableProblem> problems) {
        String keyword = text(locked, 0);
        if (keyword.equals("Notes")) {
            return; // free text for officers, never compiled
        }
        if (CODE_KEYWORDS.contains(keyword) || !isBlank(locked)) {
            compareCode(sheet, r, locked, uploaded, problems);
        } else if (!isBlank(uploaded)) {
            String found = text(uploaded, 0);
            problems.add(new TableProblem(
                    sheet,
                    r + 1,
                    "A",
                    CODE_KEYWORDS.contains(found) || found.startsWith("RuleTable")
                            ? "'" + found
                                    + "' voegt code toe aan de regels; alleen de rijen van een tabel mogen worden gewijzigd."
                            : "Buiten een tabel mag niets staan; schrijf toelichting in de rij Notes."));
        }
    }

    private static void checkData(String sheet, int r, Row row, String[] snippets, List<TableProblem> problems) {
        if (row == null) {
            return;
        }
        for (int c = 0; c < width(row); c++) {
            String value = text(row, c);
            if (value.isEmpty()) {
                continue;
            }
            if (c >= snippets.length || (c > 0 && snippets[c].isEmpty())) {
                problems.add(new TableProblem(sheet, r + 1, column(c), "Deze kolom hoort niet bij de tabel."));
                continue;
            }
            String snippet = c == 0 ? "\"$param\"" : snippets[c]; // the rule name is quoted in the DRL
            String problem = valueProblem(snippet, value);
            if (problem != null) {
                problems.add(new TableProblem(sheet, r + 1, column(c), problem));
            }
        }
    }

    /** Why this cell cannot go into this snippet, or null when it can. */
    static String valueProblem(String snippet, String value) {
        if (value.contains("\n") || value.contains("\r")) {
            return "Een cel mag geen regeleinde bevatten.";
        }
        if (snippet.contains("\"$param\"")) {
            return value.contains("\"") || value.contains("\\")
                    ? "Gebruik in deze tekst geen aanhalingstekens (\") of backslash (\\)."
                    : null;
        }
        if (snippet.contains("\"$\"")) {
            return LIST_VALUE.matcher(value).matches()
                    ? null
                    : "Alleen codes of namen, gescheiden door komma's (zoals A, B).";
        }
        if (snippet.contains("$param")) {
            return BARE_VALUE.matcher(value.trim()).matches()
                    ? null
                    : "Hier hoort een getal (met een punt) of true/false, niet '" + abbreviate(value) + "'.";
        }
        return "Deze kolom neemt geen waarde.";
    }

    private static String[] texts(Row row) {
        String[] texts = new String[width(row)];
        for (int c = 0; c < texts.length; c++) {
            texts[c] = text(row, c);
        }
        return texts;
    }

    private static String text(Row row, int column) {
        if (row == null) {
            return "";
        }
        Cell cell = row.getCell(column);
        return cell == null ? "" : CELLS.formatCellValue(cell).trim();
    }

    private static int width(Row row) {
        return row == null ? 0 : Math.max(row.getLastCellNum(), 0);
    }

    private static boolean isBlank(Row row) {
        for (int c = 0; c < width(row); c++) {
            if (!text(row, c).isEmpty()) {
                return false;
            }
        }
        return true;
    }

    private static String column(int index) {
        return CellReference.convertNumToColString(index);
    }

    private static String abbreviate(String text) {
        return text.length() <= 60 ? text : text.substring(0, 57) + "...";
    }
}
