package nl.beslisstraat.engine.regulation.table;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.beslisstraat.rules.CaseFacts;
import nl.beslisstraat.rules.DecisionRows;
import nl.beslisstraat.rules.Findings;

/**
 * A decision table read into typed rows of its regulation's template. It is the data behind the
 * rule code {@link RuleRenderer} generates: that code only says which rows apply, and a row that
 * fires adds its outcome, reason, motivations and amounts from here.
 */
public final class DecisionTable implements DecisionRows {

    private final TableTemplate template;
    private final String note;
    private final List<TableRow> rows;

    DecisionTable(TableTemplate template, String note, List<TableRow> rows) {
        this.template = template;
        this.note = note;
        this.rows = List.copyOf(rows);
    }

    public TableTemplate template() {
        return template;
    }

    /** The officer's notes on this version; never read by the rules. */
    public String note() {
        return note;
    }

    public List<TableRow> rows() {
        return rows;
    }

    public List<TableRow> rowsOf(int table) {
        return rows.stream().filter(row -> row.table() == table).toList();
    }

    @Override
    public void fire(int number, CaseFacts application) {
        TableRow row = rows.get(number);
        Findings findings = application.getFindings();
        String rule = row.name();
        if (row.outcome() != null) {
            findings.outcome(rule, row.outcome());
        }
        findings.reasonCode(rule, row.reasonCode());
        row.motivations().forEach((language, text) -> findings.motivation(rule, language, text));
        row.amounts().forEach((name, amount) -> findings.amount(rule, name, amount));
        row.percentages().forEach((name, percentage) -> findings.percentage(rule, name, percentage));
        LocalDate referenceDate = application.getReferenceDate();
        row.days().forEach((name, day) -> findings.date(rule, name, day.atYear(referenceDate.getYear())));
    }

    /** The row's cells as the officer reads them, by column heading (rule name excluded). */
    public Map<String, String> cells(TableRow row) {
        TableTemplate.Table table = template.tables().get(row.table());
        Map<String, String> cells = new LinkedHashMap<>();
        for (int c = 0; c < table.conditions().size(); c++) {
            Criterion criterion = row.conditions().get(c);
            cells.put(table.conditions().get(c).heading(), criterion == null ? "" : criterion.text());
        }
        List<String> outcome = TableTemplate.OUTCOME_HEADINGS;
        cells.put(outcome.get(0), row.outcome() == null ? "" : row.outcome().name());
        cells.put(outcome.get(1), row.reasonCode());
        cells.put(outcome.get(2), row.motivations().getOrDefault("nl", ""));
        cells.put(outcome.get(3), row.motivations().getOrDefault("en", ""));
        for (TableTemplate.Extra extra : table.extras()) {
            cells.put(extra.heading(), extraText(row, extra));
        }
        return cells;
    }

    private static String extraText(TableRow row, TableTemplate.Extra extra) {
        return switch (extra.kind()) {
            case AMOUNT -> text(row.amounts().get(extra.name()));
            case PERCENTAGE -> text(row.percentages().get(extra.name()));
            case DAY_OF_REFERENCE_YEAR -> {
                MonthDay day = row.days().get(extra.name());
                yield day == null ? "" : day.getDayOfMonth() + "-" + day.getMonthValue();
            }
        };
    }

    private static String text(BigDecimal value) {
        return value == null ? "" : value.toPlainString();
    }
}
