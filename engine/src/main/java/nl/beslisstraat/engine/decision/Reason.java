package nl.beslisstraat.engine.decision;

import java.util.Map;
import nl.beslisstraat.rules.Outcome;

/**
 * One reason for a decision: its code, the outcome it points to, the rule that found it, and the
 * motivation sentence with the case's own figures, in Dutch ("nl") and English ("en").
 */
public record Reason(String code, Outcome outcome, String rule, Map<String, String> motivation) {

    public static final String INCOMPLETE_DATA = "INCOMPLETE_DATA";
    public static final String DECISION_FAILED = "DECISION_FAILED";
    public static final String NO_RULE_APPLIED = "NO_RULE_APPLIED";
}
