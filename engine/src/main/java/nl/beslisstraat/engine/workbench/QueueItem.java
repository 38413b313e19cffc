package nl.beslisstraat.engine.workbench;

import java.time.LocalDate;
import java.util.List;

/** One line of the review queue. */
public record QueueItem(
        long taskId,
        long caseId,
        String caseType,
        String kind,
        List<String> reasonCodes,
        LocalDate receivedOn,
        LocalDate deadline,
        String claimedBy,
        Urgency urgency) {}
