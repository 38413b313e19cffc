package nl.beslisstraat.engine.decision;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import tools.jackson.databind.JsonNode;

/**
 * A decision as recorded: immutable, with the rule-set version and the reasons that motivate it.
 * A case can have several (an automated one, later a reviewer's); none is ever overwritten.
 *
 * @param ruleSetHash SHA-256 of the content of {@code ruleSetVersion}; null for a reviewer's
 *     decision, a failed one, or one taken before hashes were recorded whose label was ambiguous
 * @param normHash SHA-256 of the amounts of {@code normVersion}
 */
public record StoredDecision(
        long id,
        long caseId,
        String outcome,
        boolean automated,
        String decidedBy,
        OffsetDateTime decidedAt,
        LocalDate referenceDate,
        String ruleSetVersion,
        String normVersion,
        JsonNode reasons,
        JsonNode amounts,
        JsonNode dates,
        JsonNode firedRules,
        String error,
        Long runId,
        String ruleSetHash,
        String normHash) {}
