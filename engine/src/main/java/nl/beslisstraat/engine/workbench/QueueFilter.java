package nl.beslisstraat.engine.workbench;

import java.time.LocalDate;

/**
 * What a reviewer narrows the queue to; null means any. {@code run}: the tasks of cases a nightly
 * run decided (a decision of the case has that run id). {@code claimedBy}: the tasks this reviewer
 * holds ("my tasks").
 */
public record QueueFilter(String caseType, String reason, LocalDate dueBy, Long run, String claimedBy) {

    static QueueFilter of(String caseType, String reason, LocalDate dueBy) {
        return of(caseType, reason, dueBy, null);
    }

    static QueueFilter of(String caseType, String reason, LocalDate dueBy, Long run) {
        return new QueueFilter(blankToNull(caseType), blankToNull(reason), dueBy, run, null);
    }

    /** The same filter, narrowed to the tasks this reviewer holds. */
    QueueFilter heldBy(String reviewer) {
        return new QueueFilter(caseType, reason, dueBy, run, reviewer);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
