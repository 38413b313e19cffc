package nl.beslisstraat.batch.nightly;

/**
 * What a nightly run did in one municipality: its decisions by outcome, and how many of its cases
 * were still queued when the run ended.
 */
public record MunicipalityCounts(String name, RunCounts counts, long stillQueued) {}
