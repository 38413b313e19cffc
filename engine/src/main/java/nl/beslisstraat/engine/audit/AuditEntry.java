package nl.beslisstraat.engine.audit;

/**
 * One line of the audit trail.
 *
 * @param actor who acted: a user name, or {@code engine} for automated decisions
 * @param action what happened, such as {@code CASE_DECIDED}
 * @param subjectType what it happened to, such as {@code case}
 * @param details JSON object with the facts worth keeping (outcome, versions, run)
 */
public record AuditEntry(String actor, String action, String subjectType, String subjectId, String details) {}
