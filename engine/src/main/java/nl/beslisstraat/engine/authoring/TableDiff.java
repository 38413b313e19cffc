package nl.beslisstraat.engine.authoring;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;

/**
 * What changed between two versions of a decision table, rule row by rule row: rows added,
 * removed, and per changed row the cells by their column heading, old and new value. Rows are
 * matched by their rule name within their table, so moving a row is no change.
 */
public final class TableDiff {

    /** One rule row that differs. */
    public record RowChange(String table, String rule, String change, List<CellChange> cells) {}

    /** One cell of a changed row. */
    public record CellChange(String column, String before, String after) {}

    private static final DataFormatter CELLS = new DataFormatter();

    private TableDiff() {}

    public static List<RowChange> between(byte[] before, byte[] after) {
        Map<String, Map<String, String>> old = rules(before);
        Map<String, Map<String, String>> now = rules(after);
        List<RowChange> changes = new ArrayList<>();
        old.forEach((key, cells) -> {
            String[] tableAndRule = key.split("\u0000");
            Map<String, String> newer = now.get(key);
            if (newer == null) {
                changes.add(new RowChange(tableAndRule[0], tableAndRule[1], "REMOVED", List.of()));
                return;
            }
            List<CellChange> cellChanges = new ArrayList<>();
            cells.forEach((column, value) -> {
                String newValue = newer.getOrDefault(column, "");
                if (!value.equals(newValue)) {
                    cellChanges.add(new CellChange(column, value, newValue));
                }
            });
            if (!cellChanges.isEmpty()) {
                changes.add(new RowChange(tableAndRule[0], tableAndRule[1], "CHANGED", cellChanges));
            }
        });
        now.forEach((key, cells) -> {
            if (!old.containsKey(key)) {
                String[] tableAndRule = key.split("\u0000");
                List<CellChange> added = new ArrayList<>();
                cells.forEach((column, value) -> {
                    if (!value.isEmpty()) {
                        added.add(new CellChange(column, "", value));
                    }
                });
                changes.add(new RowChange(tableAndRule[0], tableAndRule[1], "ADDED", added));
            }
        });
        return changes;
    }

    /** Table and rule name to the row's cells by column heading, in sheet order. */
    private static Map<String, Map<String, String>> rules(byte[] xlsx) {
        Map<String, Map<String, String>> rules = new LinkedHashMap<>();
        try (Workbook workbook = WorkbookFactory.create(new ByteArrayInputStream(xlsx))) {
            for (Sheet sheet : workbook) {
                String table = null;
                Row headings = null;
                for (int r = 0; r <= sheet.getLastRowNum(); r++) {
                    Row row = sheet.getRow(r);
                    String first = text(row, 0);
                    if (first.startsWith("RuleTable")) {
                        table = first.substring("RuleTable".length()).trim();
                        headings = sheet.getRow(r + 4);
                        r += 4;
                    } else if (table != null && first.isEmpty()) {
                        table = null; // a blank row ends a table
                    } else if (table != null) {
                        Map<String, String> cells = new LinkedHashMap<>();
                        for (int c = 1; c < Math.max(row.getLastCellNum(), headings.getLastCellNum()); c++) {
                            cells.put(text(headings, c), text(row, c));
                        }
                        rules.put(table + "\u0000" + first, cells);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rules;
    }

    private static String text(Row row, int column) {
        return row == null || row.getCell(column) == null
                ? ""
                : CELLS.formatCellValue(row.getCell(column)).trim();
    }
}
