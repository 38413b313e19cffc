package nl.beslisstraat.engine.cases;

/** Where a case is in its life: waiting for the rules, decided, or with a reviewer. */
public enum CaseStatus {
    QUEUED,
    DECIDED,
    IN_REVIEW
}
