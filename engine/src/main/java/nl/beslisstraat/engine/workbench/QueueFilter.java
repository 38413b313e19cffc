package nl.beslisstraat.engine.workbench;

import java.time.LocalDate;

/** What a reviewer narrows the queue to; null means any. */
public record QueueFilter(String caseType, String reason, LocalDate dueBy) {

    static QueueFilter of(String caseType, String reason, LocalDate dueBy) {
        return new QueueFilter(blankToNull(caseType), blankToNull(reason), dueBy);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
