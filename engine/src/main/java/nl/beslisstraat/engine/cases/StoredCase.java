package nl.beslisstraat.engine.cases;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/** A case as stored, in whatever status, with its input as received (JSON text). */
public record StoredCase(
        long id, String caseType, LocalDate referenceDate, OffsetDateTime receivedAt, CaseStatus status, String input) {

    public QueuedCase asQueued() {
        return new QueuedCase(id, caseType, referenceDate, receivedAt, input);
    }
}
