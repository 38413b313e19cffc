package nl.beslisstraat.engine.regulation.table;

import java.util.List;
import java.util.regex.Pattern;

/**
 * The layout of a regulation's decision table as officers fill it in: a title, a line for notes,
 * then one or more tables, each with a title, a row of column headings and the rule rows under it.
 * The project declares it (in {@code regulation.json}); an upload can only fill in its data cells.
 *
 * <p>Every column has a declared type, and every condition a fixed test rendered by
 * {@link RuleRenderer}: an officer chooses thresholds, codes and texts, never what is compared.
 *
 * @param title the text of cell A1, such as "Beslistabel bewonersparkeervergunning"
 */
public record TableTemplate(String title, List<Table> tables) {

    static final String NOTES = "Toelichting";
    static final String TABLE_PREFIX = "Tabel: ";
    static final String RULE_HEADING = "Regel (artikel en uitkomst)";
    public static final List<String> OUTCOME_HEADINGS =
            List.of("Uitkomst", "Redencode", "Motivering (Nederlands)", "Motivation (English)");

    private static final Pattern FIELD = Pattern.compile("[a-z][A-Za-z0-9]{0,59}");
    private static final Pattern CODE = Pattern.compile("[A-Z0-9][A-Z0-9_]{0,59}");

    public TableTemplate {
        tables = List.copyOf(tables);
        // The template is the project's, but the renderer only trusts what it has checked: field
        // names and codes are written into rule code, so they must be plain identifiers.
        for (Table table : tables) {
            for (Condition condition : table.conditions()) {
                requireMatch(FIELD, condition.field(), condition.heading());
                if (condition.of() != null) {
                    requireMatch(FIELD, condition.of(), condition.heading());
                }
                if (condition.since() != null) {
                    requireMatch(FIELD, condition.since(), condition.heading());
                }
                condition.codes().forEach(code -> requireMatch(CODE, code, condition.heading()));
                condition.type().check(condition);
            }
            for (Extra extra : table.extras()) {
                requireMatch(FIELD, extra.name(), extra.heading());
            }
        }
    }

    private static void requireMatch(Pattern pattern, String value, String column) {
        if (value == null || !pattern.matcher(value).matches()) {
            throw new IllegalArgumentException("Column '" + column + "': '" + value + "' is not an identifier");
        }
    }

    /** Every column heading of {@code table}, left to right, starting with the rule's name. */
    static List<String> headings(Table table) {
        List<String> headings = new java.util.ArrayList<>();
        headings.add(RULE_HEADING);
        table.conditions().forEach(condition -> headings.add(condition.heading()));
        headings.addAll(OUTCOME_HEADINGS);
        table.extras().forEach(extra -> headings.add(extra.heading()));
        return headings;
    }

    /** One table of rule rows: the conditions a row may set, then outcome, reason, motivations and extras. */
    public record Table(String title, List<Condition> conditions, List<Extra> extras) {
        public Table {
            conditions = List.copyOf(conditions);
            extras = extras == null ? List.of() : List.copyOf(extras);
        }
    }

    /**
     * A condition column: a cell holds the threshold, yes/no, codes or time the test compares
     * {@code field} with; an empty cell means the row does not look at it.
     *
     * @param min smallest value a cell may hold (numbers and percentages)
     * @param max largest value a cell may hold
     * @param scale decimals a number may have
     * @param codes the closed list a code cell is chosen from
     * @param open true when the field may also be absent or hold a value outside that list (a
     *     zone outside the permit zones); the verifier then counts "none of these" as a case
     * @param of the norm field a percentage is taken of
     * @param since for a time that ends "after" a moment: the start time past which it runs over midnight
     */
    public record Condition(
            String heading,
            String field,
            Test test,
            ValueType type,
            java.math.BigDecimal min,
            java.math.BigDecimal max,
            Integer scale,
            List<String> codes,
            Boolean open,
            String of,
            String since) {
        public Condition {
            codes = codes == null ? List.of() : List.copyOf(codes);
            open = Boolean.TRUE.equals(open);
            scale = scale == null ? 0 : scale;
        }
    }

    /** A column beside the outcome: an amount, a percentage added to an amount, or a day of the year. */
    public record Extra(
            String heading, ExtraKind kind, String name, java.math.BigDecimal min, java.math.BigDecimal max) {}

    public enum ExtraKind {
        /** An amount the outcome sets, such as the annual fee, in euros and cents. */
        AMOUNT,
        /** A percentage added to an amount set by another row: a surcharge of 50 adds half. */
        PERCENTAGE,
        /** A day of the reference year ("31-12"), such as the last day a pass is valid. */
        DAY_OF_REFERENCE_YEAR
    }
}
