package nl.beslisstraat.engine.regulation.table;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import nl.beslisstraat.engine.regulation.Phrase;
import org.apache.poi.ss.util.CellReference;

/**
 * The cells of one sheet as plain values, whatever file they came from: text, a number
 * ({@link java.math.BigDecimal}), yes/no ({@link Boolean}) or a time of day
 * ({@link java.time.LocalTime}). Nothing in a grid is a formula or a style: what an officer sees
 * in a cell is what is read.
 */
final class Grid {

    /**
     * Rows an upload may have; a decision table of a regulation has tens. Every row becomes a
     * rule to compile and a box to verify, so the bound is also one on the work an upload causes
     * (a table of 500 rows compiles in about 7 seconds on one core).
     */
    static final int MAX_ROWS = 500;
    /** Columns an upload may have. */
    static final int MAX_COLUMNS = 60;

    private final String sheet;
    private final TreeMap<Integer, TreeMap<Integer, Object>> rows = new TreeMap<>();

    Grid(String sheet) {
        this.sheet = sheet;
    }

    String sheet() {
        return sheet;
    }

    void put(int row, int column, Object value) {
        if (value instanceof String text && text.isBlank()) {
            return;
        }
        rows.computeIfAbsent(row, r -> new TreeMap<>()).put(column, value);
    }

    /** The value of a cell; null when it is empty. */
    Object value(int row, int column) {
        Map<Integer, Object> cells = rows.get(row);
        return cells == null ? null : cells.get(column);
    }

    /** A cell as text, trimmed; "" when empty. */
    String text(int row, int column) {
        Object value = value(row, column);
        if (value == null) {
            return "";
        }
        return value instanceof java.math.BigDecimal number
                ? number.toPlainString()
                : value.toString().trim();
    }

    boolean isBlank(int row) {
        return !rows.containsKey(row);
    }

    /** The index after the last row that has a value. */
    int height() {
        return rows.isEmpty() ? 0 : rows.lastKey() + 1;
    }

    /** The columns of a row that have a value, left to right. */
    List<Integer> columns(int row) {
        Map<Integer, Object> cells = rows.get(row);
        return cells == null ? List.of() : new ArrayList<>(cells.keySet());
    }

    /** "Werkblad 'Parkeervergunning', cel B12", as a spreadsheet names the cell. */
    String where(int row, int column) {
        return at(row, column).nl();
    }

    /** The cell as the officer finds it: the sheet's name and the cell's address, in both languages. */
    Phrase at(int row, int column) {
        return Phrase.of("Werkblad '{0}', cel {1}", "Sheet '{0}', cell {1}", sheet, address(row, column));
    }

    static String address(int row, int column) {
        return CellReference.convertNumToColString(column) + (row + 1);
    }
}
