package nl.beslisstraat.engine.operations;

import java.util.List;
import java.util.Map;

/**
 * What an operator watches of one municipality, at one moment.
 *
 * @param municipality the CBS code
 * @param queued cases waiting for the nightly run
 * @param oldestQueuedAgeSeconds how long the oldest of them has waited (0 when none waits)
 * @param reviewBacklog open review tasks
 * @param overdue open review tasks whose legal decision deadline has passed
 * @param latestRunDecided cases the municipality's latest run decided, per outcome
 * @param decided cases all its runs decided, per outcome
 * @param latestFinishedRunSeconds how long its latest finished run took (NaN when none finished)
 * @param latestFinishedRunThroughput cases per second of that run (NaN when none finished)
 * @param running whether a run of the municipality (or of every municipality) runs now
 */
public record MunicipalityFigures(
        String municipality,
        long queued,
        double oldestQueuedAgeSeconds,
        long reviewBacklog,
        long overdue,
        Map<String, Long> latestRunDecided,
        Map<String, Long> decided,
        double latestFinishedRunSeconds,
        double latestFinishedRunThroughput,
        boolean running) {

    /** The outcomes a run counts in {@code run_progress}. */
    public static final List<String> OUTCOMES =
            List.of("GRANTED", "PARTIALLY_GRANTED", "REJECTED", "TO_REVIEW", "FAILED");

    /** Cases of the latest run with this outcome. */
    long latestRunDecided(String outcome) {
        return latestRunDecided.getOrDefault(outcome, 0L);
    }

    /** Cases of all runs with this outcome. */
    long decided(String outcome) {
        return decided.getOrDefault(outcome, 0L);
    }
}
