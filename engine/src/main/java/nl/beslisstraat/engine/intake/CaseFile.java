package nl.beslisstraat.engine.intake;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import nl.beslisstraat.engine.cases.CaseStatus;
import nl.beslisstraat.engine.decision.StoredDecision;
import nl.beslisstraat.engine.review.ReviewTask;
import tools.jackson.databind.JsonNode;

/**
 * A case as the API shows it: the application as received, where it stands, every decision taken
 * on it (oldest first), and the open review task if a person must still decide.
 */
public record CaseFile(
        long id,
        String caseType,
        LocalDate referenceDate,
        OffsetDateTime receivedAt,
        CaseStatus status,
        JsonNode input,
        List<StoredDecision> decisions,
        ReviewTask reviewTask) {}
