package nl.beslisstraat.engine.review;

import java.time.LocalDate;
import java.util.List;

/**
 * A case waiting for a reviewer: why it was escalated, what went wrong if anything, and the date
 * by which it must legally be decided.
 */
public record ReviewTask(long caseId, List<String> reasonCodes, String error, LocalDate deadline) {}
