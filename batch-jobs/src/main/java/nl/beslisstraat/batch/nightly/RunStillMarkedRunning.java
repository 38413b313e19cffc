package nl.beslisstraat.batch.nightly;

import java.time.LocalDate;

/**
 * The repository says a run for this date (and municipality) is still going. Either it is (then
 * wait), or its process died without saying so (then start again with {@code --recover}).
 */
public class RunStillMarkedRunning extends RuntimeException {

    RunStillMarkedRunning(LocalDate runDate, String municipality, long executionId) {
        super("The nightly run for " + runDate + (municipality == null ? "" : " of municipality " + municipality)
                + " (execution " + executionId + ") is still marked as running."
                + " If its process is gone (killed, machine restarted), run again with --recover"
                + (municipality == null ? "" : " --municipality=" + municipality)
                + " to mark it failed and finish it.");
    }
}
