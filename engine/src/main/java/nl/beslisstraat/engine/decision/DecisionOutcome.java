package nl.beslisstraat.engine.decision;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import nl.beslisstraat.rules.Outcome;

/**
 * What the rules decided for one case, with everything needed to motivate and reproduce it.
 *
 * @param ruleSetVersion the rule set that decided, such as {@code PARKING_PERMIT/2026.1}; null
 *     when no rule set could be applied
 * @param amounts the amounts the outcome sets (the fee, the remitted amount), in euros, rounded
 *     half-up to cents; empty unless the outcome grants
 * @param dates the dates the outcome sets (a city pass's last valid day); empty unless it grants
 * @param normVersion the norm table version the rules read, null when they read none
 * @param firedRules the names of the rules that fired, in firing order
 * @param error why the case could not be decided automatically; null when it was
 * @param ruleSetHash the SHA-256 of the rule set's content ({@code RuleSet#contentHash}), null
 *     with the version
 * @param normHash the SHA-256 of the norm version's amounts, null with the norm version
 */
public record DecisionOutcome(
        String caseType,
        LocalDate referenceDate,
        Outcome outcome,
        List<Reason> reasons,
        Map<String, BigDecimal> amounts,
        Map<String, LocalDate> dates,
        String ruleSetVersion,
        String normVersion,
        List<String> firedRules,
        String error,
        String ruleSetHash,
        String normHash) {

    /** A case that could not be decided (unreadable input, a rule error): it goes to a reviewer. */
    public static DecisionOutcome failed(String caseType, LocalDate referenceDate, String error) {
        Reason reason = new Reason(
                Reason.DECISION_FAILED,
                Outcome.NEEDS_REVIEW,
                null,
                Map.of(
                        "nl", "Uw aanvraag kon niet automatisch worden beoordeeld. Een behandelaar beslist.",
                        "en", "Your application could not be assessed automatically. A case handler will decide."));
        return new DecisionOutcome(
                caseType,
                referenceDate,
                Outcome.NEEDS_REVIEW,
                List.of(reason),
                Map.of(),
                Map.of(),
                null,
                null,
                List.of(),
                error,
                null,
                null);
    }

    public boolean failed() {
        return error != null;
    }

    public boolean needsReview() {
        return outcome == Outcome.NEEDS_REVIEW;
    }
}
