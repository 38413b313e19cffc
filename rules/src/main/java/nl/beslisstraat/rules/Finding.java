package nl.beslisstraat.rules;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What one fired rule found. A decision-table row fills it column by column (outcome, reason
 * code, motivation per language, amounts), so it is built up in steps and then only read.
 */
public final class Finding {

    private final String rule;
    private Outcome outcome;
    private String reasonCode;
    private final Map<String, String> motivations = new LinkedHashMap<>();
    private final Map<String, BigDecimal> amounts = new LinkedHashMap<>();
    private final Map<String, BigDecimal> percentages = new LinkedHashMap<>();
    private final Map<String, LocalDate> dates = new LinkedHashMap<>();

    Finding(String rule) {
        this.rule = rule;
    }

    /** Name of the rule that fired; decision tables name it after outcome and article. */
    public String rule() {
        return rule;
    }

    /** Null when the rule only contributes an amount. */
    public Outcome outcome() {
        return outcome;
    }

    public String reasonCode() {
        return reasonCode;
    }

    /** Motivation templates by language ("nl", "en"), with {field} placeholders for figures. */
    public Map<String, String> motivations() {
        return Collections.unmodifiableMap(motivations);
    }

    /** Base amounts this rule sets, such as the annual fee. */
    public Map<String, BigDecimal> amounts() {
        return Collections.unmodifiableMap(amounts);
    }

    /** Percentages this rule adds to an amount (a surcharge of 50 adds half the base). */
    public Map<String, BigDecimal> percentages() {
        return Collections.unmodifiableMap(percentages);
    }

    /** Dates this rule sets, such as the last day a city pass is valid. */
    public Map<String, LocalDate> dates() {
        return Collections.unmodifiableMap(dates);
    }

    void outcome(Outcome outcome) {
        this.outcome = outcome;
    }

    void reasonCode(String reasonCode) {
        this.reasonCode = reasonCode;
    }

    void motivation(String language, String template) {
        motivations.put(language, template);
    }

    void amount(String name, BigDecimal value) {
        amounts.merge(name, value, BigDecimal::add);
    }

    void percentage(String name, BigDecimal value) {
        percentages.merge(name, value, BigDecimal::add);
    }

    void date(String name, LocalDate value) {
        dates.put(name, value);
    }
}
