package nl.beslisstraat.engine.authoring;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.beslisstraat.engine.regulation.table.DecisionTable;
import nl.beslisstraat.engine.regulation.table.TableRow;
import nl.beslisstraat.engine.regulation.table.TableTemplate;

/**
 * What changed between two versions of a decision table, rule row by rule row: rows added,
 * removed, and per changed row the cells by their column heading, old and new value. Rows are
 * matched by their rule name within their table, so moving a row is no change; values are
 * compared as typed values read back, so "6" and "6.00" in a column of metres are the same.
 */
public final class TableDiff {

    /** One rule row that differs. */
    public record RowChange(String table, String rule, String change, List<CellChange> cells) {}

    /**
     * One cell of a changed row, its values as the sheet holds them.
     *
     * @param kind how a page shows the values: {@code MONEY} (an amount in euros), {@code OUTCOME}
     *     (an outcome code), {@code DAY} (a day of the reference year, "31-12") or {@code TEXT}
     */
    public record CellChange(String column, String before, String after, String kind) {}

    private TableDiff() {}

    public static List<RowChange> between(DecisionTable before, DecisionTable after) {
        Map<List<String>, Map<String, String>> old = rules(before);
        Map<List<String>, Map<String, String>> now = rules(after);
        Map<String, String> kinds = kinds(after.template());
        List<RowChange> changes = new ArrayList<>();
        old.forEach((key, cells) -> {
            Map<String, String> newer = now.get(key);
            if (newer == null) {
                changes.add(new RowChange(key.get(0), key.get(1), "REMOVED", List.of()));
                return;
            }
            List<CellChange> cellChanges = new ArrayList<>();
            cells.forEach((column, value) -> {
                String newValue = newer.getOrDefault(column, "");
                if (!value.equals(newValue)) {
                    cellChanges.add(new CellChange(column, value, newValue, kinds.getOrDefault(column, "TEXT")));
                }
            });
            if (!cellChanges.isEmpty()) {
                changes.add(new RowChange(key.get(0), key.get(1), "CHANGED", cellChanges));
            }
        });
        now.forEach((key, cells) -> {
            if (!old.containsKey(key)) {
                List<CellChange> added = new ArrayList<>();
                cells.forEach((column, value) -> {
                    if (!value.isEmpty()) {
                        added.add(new CellChange(column, "", value, kinds.getOrDefault(column, "TEXT")));
                    }
                });
                changes.add(new RowChange(key.get(0), key.get(1), "ADDED", added));
            }
        });
        return changes;
    }

    /** How each column's values read: the outcome, the amounts and days a row sets, else text. */
    private static Map<String, String> kinds(TableTemplate template) {
        Map<String, String> kinds = new HashMap<>();
        kinds.put(TableTemplate.OUTCOME_HEADINGS.get(0), "OUTCOME");
        for (TableTemplate.Table table : template.tables()) {
            for (TableTemplate.Extra extra : table.extras()) {
                switch (extra.kind()) {
                    case AMOUNT -> kinds.put(extra.heading(), "MONEY");
                    case DAY_OF_REFERENCE_YEAR -> kinds.put(extra.heading(), "DAY");
                    default -> {}
                }
            }
        }
        return kinds;
    }

    /** Table title and rule name to the row's cells by column heading, in table order. */
    private static Map<List<String>, Map<String, String>> rules(DecisionTable table) {
        Map<List<String>, Map<String, String>> rules = new LinkedHashMap<>();
        for (TableRow row : table.rows()) {
            String title = table.template().tables().get(row.table()).title();
            rules.put(List.of(title, row.name()), table.cells(row));
        }
        return rules;
    }
}
