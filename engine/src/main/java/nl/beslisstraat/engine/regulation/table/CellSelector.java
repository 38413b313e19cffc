package nl.beslisstraat.engine.regulation.table;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The cells of a shared model's decision table that one local choice sets: in the table with that
 * title, the column of {@code column} (a condition's field, or an extra's name; {@code test} picks
 * between two conditions on one field), in the rows that {@code rows} selects, wherever the model
 * has filled in a value. A municipality's value replaces the model's there and nowhere else.
 *
 * @param rows what selects the rows: {@code reasonCode}, or a field whose equals-condition holds
 *     exactly that code or yes/no; empty for every row of the table
 */
public record CellSelector(String table, String column, Test test, Map<String, String> rows) {

    public CellSelector {
        rows = rows == null ? Map.of() : Map.copyOf(rows);
    }

    /** The model's values in the selected cells, in row order; empty when it fills in none. */
    public List<BigDecimal> valuesIn(DecisionTable decisionTable) {
        Located at = locate(decisionTable);
        List<BigDecimal> values = new ArrayList<>();
        for (TableRow row : decisionTable.rows()) {
            if (row.table() == at.table() && selects(decisionTable.template(), row)) {
                at.value(row).ifPresent(values::add);
            }
        }
        return values;
    }

    /** The table with {@code value} in every selected cell the model fills in. */
    public DecisionTable set(DecisionTable decisionTable, BigDecimal value) {
        Located at = locate(decisionTable);
        List<TableRow> rows = new ArrayList<>();
        int changed = 0;
        for (TableRow row : decisionTable.rows()) {
            if (row.table() == at.table()
                    && selects(decisionTable.template(), row)
                    && at.value(row).isPresent()) {
                rows.add(at.with(row, value));
                changed++;
            } else {
                rows.add(row);
            }
        }
        if (changed == 0) {
            throw new IllegalArgumentException(this + " selects no filled-in cell of the table");
        }
        return new DecisionTable(decisionTable.template(), decisionTable.note(), rows);
    }

    private boolean selects(TableTemplate template, TableRow row) {
        TableTemplate.Table spec = template.tables().get(row.table());
        for (Map.Entry<String, String> wanted : rows.entrySet()) {
            if (wanted.getKey().equals("reasonCode")) {
                if (!wanted.getValue().equals(row.reasonCode())) {
                    return false;
                }
                continue;
            }
            int column = conditionIndex(spec, wanted.getKey(), Test.EQUALS);
            Criterion criterion = row.conditions().get(column);
            if (criterion == null || !criterion.text().equals(wanted.getValue())) {
                return false;
            }
        }
        return true;
    }

    private Located locate(DecisionTable decisionTable) {
        List<TableTemplate.Table> tables = decisionTable.template().tables();
        for (int t = 0; t < tables.size(); t++) {
            TableTemplate.Table spec = tables.get(t);
            if (!spec.title().equals(table)) {
                continue;
            }
            for (TableTemplate.Extra extra : spec.extras()) {
                if (extra.name().equals(column) && extra.kind() != TableTemplate.ExtraKind.DAY_OF_REFERENCE_YEAR) {
                    return new Located(t, -1, extra);
                }
            }
            return new Located(t, conditionIndex(spec, column, test), null);
        }
        throw new IllegalArgumentException("the decision table has no table '" + table + "'");
    }

    private static int conditionIndex(TableTemplate.Table spec, String field, Test test) {
        int found = -1;
        for (int c = 0; c < spec.conditions().size(); c++) {
            TableTemplate.Condition condition = spec.conditions().get(c);
            if (condition.field().equals(field) && (test == null || condition.test() == test)) {
                if (found >= 0) {
                    throw new IllegalArgumentException(
                            "table '" + spec.title() + "' has more than one column on " + field + "; name its test");
                }
                found = c;
            }
        }
        if (found < 0) {
            throw new IllegalArgumentException("table '" + spec.title() + "' has no column on " + field
                    + (test == null ? "" : " with test " + test));
        }
        return found;
    }

    /** A numeric column: a condition by index, or an amount or percentage extra. */
    private record Located(int table, int condition, TableTemplate.Extra extra) {

        Optional<BigDecimal> value(TableRow row) {
            if (extra == null) {
                return row.conditions().get(condition) instanceof Criterion.Number number
                        ? Optional.of(number.value())
                        : Optional.empty();
            }
            Map<String, BigDecimal> values =
                    extra.kind() == TableTemplate.ExtraKind.AMOUNT ? row.amounts() : row.percentages();
            return Optional.ofNullable(values.get(extra.name()));
        }

        TableRow with(TableRow row, BigDecimal value) {
            if (extra == null) {
                List<Criterion> conditions = new ArrayList<>(row.conditions());
                conditions.set(condition, new Criterion.Number(value));
                return new TableRow(
                        row.number(),
                        row.table(),
                        row.line(),
                        row.name(),
                        conditions,
                        row.outcome(),
                        row.reasonCode(),
                        row.motivations(),
                        row.amounts(),
                        row.percentages(),
                        row.days());
            }
            boolean amount = extra.kind() == TableTemplate.ExtraKind.AMOUNT;
            Map<String, BigDecimal> changed = new java.util.HashMap<>(amount ? row.amounts() : row.percentages());
            changed.put(extra.name(), value);
            return new TableRow(
                    row.number(),
                    row.table(),
                    row.line(),
                    row.name(),
                    row.conditions(),
                    row.outcome(),
                    row.reasonCode(),
                    row.motivations(),
                    amount ? changed : row.amounts(),
                    amount ? row.percentages() : changed,
                    row.days());
        }
    }
}
