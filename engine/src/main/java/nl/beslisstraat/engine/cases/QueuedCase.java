package nl.beslisstraat.engine.cases;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * A case waiting in the queue, as the nightly run reads it. The input stays raw JSON text until
 * the case is decided, so that one unreadable case fails on its own and not in the reader.
 */
public record QueuedCase(long id, String caseType, LocalDate referenceDate, OffsetDateTime receivedAt, String input) {}
