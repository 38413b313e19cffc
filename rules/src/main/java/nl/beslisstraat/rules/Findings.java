package nl.beslisstraat.rules;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The findings of all rules that fired for one case, in firing order.
 *
 * <p>Decision tables call these methods from their action columns, one column at a time, each
 * time naming the rule ({@code drools.getRule().getName()}); that is how the cells of one row end
 * up in one {@link Finding}. Values arrive as the text of the cell and are parsed here, so a
 * table only ever holds data.
 */
public final class Findings {

    private static final DateTimeFormatter DAY_MONTH = DateTimeFormatter.ofPattern("d-M");

    private final Map<String, Finding> byRule = new LinkedHashMap<>();

    public void outcome(String rule, String outcome) {
        finding(rule).outcome(Outcome.valueOf(outcome.trim()));
    }

    public void reasonCode(String rule, String code) {
        finding(rule).reasonCode(code.trim());
    }

    public void motivation(String rule, String language, String template) {
        finding(rule).motivation(language, template.trim());
    }

    public void amount(String rule, String name, String value) {
        finding(rule).amount(name, new BigDecimal(value.trim()));
    }

    public void percentage(String rule, String name, String value) {
        finding(rule).percentage(name, new BigDecimal(value.trim()));
    }

    /** Also for DRL rules that compute an amount rather than read it from a cell. */
    public void amount(String rule, String name, BigDecimal value) {
        finding(rule).amount(name, value);
    }

    /**
     * A date the outcome sets, as a day ("31-12") of the reference year: a city pass is valid
     * until 31 December of the year of its reference date.
     */
    public void dayOfReferenceYear(String rule, String name, String dayMonth, LocalDate referenceDate) {
        MonthDay day = MonthDay.parse(dayMonth.trim(), DAY_MONTH);
        finding(rule).date(name, day.atYear(referenceDate.getYear()));
    }

    /** A date the outcome sets, computed by the rules themselves (a DMN model's date output). */
    public void date(String rule, String name, LocalDate date) {
        finding(rule).date(name, date);
    }

    public List<Finding> all() {
        return new ArrayList<>(byRule.values());
    }

    private Finding finding(String rule) {
        return byRule.computeIfAbsent(rule, Finding::new);
    }
}
