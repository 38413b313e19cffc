package nl.beslisstraat.engine.runs;

import tools.jackson.databind.JsonNode;

/**
 * What a finished run decided for the municipality, as the batch side's run summary stores it
 * ({@code nightly_runs.summary}: RunSummary with RunCounts per case type and per municipality).
 */
public record RunCounts(long read, long granted, long partiallyGranted, long rejected, long toReview, long failed) {

    static final RunCounts NONE = new RunCounts(0, 0, 0, 0, 0, 0);

    RunCounts plus(RunCounts other) {
        return new RunCounts(
                read + other.read,
                granted + other.granted,
                partiallyGranted + other.partiallyGranted,
                rejected + other.rejected,
                toReview + other.toReview,
                failed + other.failed);
    }

    /**
     * The municipality's counts in a summary: its entry of {@code byMunicipality}; a summary from
     * before runs took every municipality has none, and then its case types are the municipality's.
     */
    static RunCounts ofSummary(JsonNode summary, String municipality) {
        if (summary == null || summary.isNull()) {
            return null;
        }
        JsonNode own = summary.path("byMunicipality").path(municipality).path("counts");
        if (own.isObject()) {
            return of(own);
        }
        if (summary.path("byMunicipality").isObject()
                && !summary.path("byMunicipality").isEmpty()) {
            return NONE; // the run covered other municipalities only
        }
        RunCounts total = NONE;
        for (JsonNode counts : summary.path("byCaseType")) {
            total = total.plus(of(counts));
        }
        return total;
    }

    private static RunCounts of(JsonNode counts) {
        return new RunCounts(
                counts.path("read").asLong(),
                counts.path("granted").asLong(),
                counts.path("partiallyGranted").asLong(),
                counts.path("rejected").asLong(),
                counts.path("toReview").asLong(),
                counts.path("failed").asLong());
    }
}
