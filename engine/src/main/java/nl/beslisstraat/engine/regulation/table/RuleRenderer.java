package nl.beslisstraat.engine.regulation.table;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Writes the rule code of a decision table: one rule per row, whose conditions compare the
 * application's fields with the row's typed values, and whose action hands the row's number to
 * {@link DecisionTable#fire}. Everything in the code comes from the project (the template's
 * fields, tests and codes, checked to be identifiers) or is a literal this class writes from a
 * typed value; no text of a cell is ever copied into it. Names, reasons and motivations stay in
 * the {@link DecisionTable}, looked up when a row fires.
 */
public final class RuleRenderer {

    /** The name of the global through which a rule reaches its row's data. */
    public static final String ROWS = "rows";

    private static final Pattern PACKAGE = Pattern.compile("[a-z][a-z0-9]*(\\.[a-z][a-z0-9]*)*");
    private static final Pattern TYPE = Pattern.compile("[A-Z][A-Za-z0-9]*");

    private RuleRenderer() {}

    /**
     * @param drlPackage the regulation's package ({@code nl.beslisstraat.rules.parkingpermit})
     * @param factType the simple name of its declared application type
     */
    public static String render(String drlPackage, String factType, DecisionTable table) {
        if (!PACKAGE.matcher(drlPackage).matches() || !TYPE.matcher(factType).matches()) {
            throw new IllegalArgumentException("Not a package and type: " + drlPackage + ", " + factType);
        }
        StringBuilder drl = new StringBuilder();
        drl.append("package ").append(drlPackage).append(";\n\n");
        drl.append("global nl.beslisstraat.rules.DecisionRows ").append(ROWS).append(";\n");
        for (TableRow row : table.rows()) {
            TableTemplate.Table spec = table.template().tables().get(row.table());
            List<String> constraints = new ArrayList<>();
            for (int c = 0; c < spec.conditions().size(); c++) {
                Criterion criterion = row.conditions().get(c);
                if (criterion != null) {
                    constraints.add(constraint(spec.conditions().get(c), criterion));
                }
            }
            // Rows fire in table order, after the project's own rules (which work out derived
            // fields at a positive salience).
            drl.append("\nrule \"row ").append(row.number()).append("\"\n");
            drl.append("    salience -").append(row.number()).append('\n');
            drl.append("when\n");
            drl.append("    $a : ")
                    .append(factType)
                    .append('(')
                    .append(String.join(", ", constraints))
                    .append(")\n");
            drl.append("then\n");
            drl.append("    ")
                    .append(ROWS)
                    .append(".fire(")
                    .append(row.number())
                    .append(", $a);\n");
            drl.append("end\n");
        }
        return drl.toString();
    }

    static String constraint(TableTemplate.Condition condition, Criterion criterion) {
        String field = condition.field();
        return switch (condition.test()) {
            case GREATER_THAN -> field + " > " + number(condition, criterion);
            case AT_LEAST -> field + " >= " + number(condition, criterion);
            case LESS_THAN -> field + " < " + number(condition, criterion);
            case AT_MOST -> field + " <= " + number(condition, criterion);
            case EQUALS -> field + " == " + value(condition, criterion);
            case ONE_OF ->
                codes(criterion).stream()
                        .map(code -> field + " == " + code)
                        .collect(Collectors.joining(" || ", "(", ")"));
            case NONE_OF ->
                codes(criterion).stream()
                        .map(code -> field + " != " + code)
                        .collect(Collectors.joining(" && ", "(", ")"));
            case BEFORE -> "(" + field + " != null && " + field + ".isBefore(" + time(criterion) + "))";
            case ENDS_AFTER ->
                "(" + field + " != null && (" + field + ".isAfter(" + time(criterion) + ") || " + field + ".isBefore("
                        + condition.since() + ")))";
            case EXCEEDS_PERCENTAGE_OF ->
                "nl.beslisstraat.rules.Limits.exceedsPercentage(" + field + ", " + condition.of() + ", "
                        + decimal(criterion) + ")";
            case AT_MOST_PERCENTAGE_OF ->
                "nl.beslisstraat.rules.Limits.atMostPercentage(" + field + ", " + condition.of() + ", "
                        + decimal(criterion) + ")";
        };
    }

    private static String value(TableTemplate.Condition condition, Criterion criterion) {
        if (criterion instanceof Criterion.YesNo yesNo) {
            return Boolean.toString(yesNo.value());
        }
        if (criterion instanceof Criterion.Codes codes) {
            return quoted(codes.codes().get(0));
        }
        return number(condition, criterion);
    }

    /** An integer field gets a whole number, a decimal one a BigDecimal literal. */
    private static String number(TableTemplate.Condition condition, Criterion criterion) {
        BigDecimal value = ((Criterion.Number) criterion).value();
        return condition.type() == ValueType.INTEGER
                ? value.toBigIntegerExact().toString()
                : value.toPlainString() + "B";
    }

    private static String decimal(Criterion criterion) {
        return "new java.math.BigDecimal(\""
                + ((Criterion.Number) criterion).value().toPlainString() + "\")";
    }

    private static List<String> codes(Criterion criterion) {
        return ((Criterion.Codes) criterion)
                .codes().stream().map(RuleRenderer::quoted).toList();
    }

    /** A code from the template's closed list, which holds identifiers only. */
    private static String quoted(String code) {
        return '"' + code + '"';
    }

    private static String time(Criterion criterion) {
        var time = ((Criterion.Time) criterion).value();
        return "java.time.LocalTime.of(" + time.getHour() + ", " + time.getMinute() + ")";
    }
}
