package nl.beslisstraat.rules;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The findings of all rules that fired for one case, in firing order.
 *
 * <p>A decision-table row that fires is added whole, from the typed row the engine read (see
 * {@link DecisionRows}); the project's own DRL rules and DMN models add what they compute column
 * by column, naming the rule each time, so that the parts of one rule end up in one {@link Finding}.
 */
public final class Findings {

    private final Map<String, Finding> byRule = new LinkedHashMap<>();

    public void outcome(String rule, Outcome outcome) {
        finding(rule).outcome(outcome);
    }

    public void reasonCode(String rule, String code) {
        finding(rule).reasonCode(code.trim());
    }

    public void motivation(String rule, String language, String template) {
        finding(rule).motivation(language, template.trim());
    }

    public void amount(String rule, String name, BigDecimal value) {
        finding(rule).amount(name, value);
    }

    /** A percentage added to an amount: a surcharge of 50 adds half the base. */
    public void percentage(String rule, String name, BigDecimal value) {
        finding(rule).percentage(name, value);
    }

    /** A date the outcome sets, such as the last day a city pass is valid. */
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
