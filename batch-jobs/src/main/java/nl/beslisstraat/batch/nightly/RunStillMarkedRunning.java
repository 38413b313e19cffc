package nl.beslisstraat.batch.nightly;

import java.time.LocalDate;

/**
 * The repository says a run for this date is still going. Either it is (then wait), or its
 * process died without saying so (then start again with {@code --recover}).
 */
public class RunStillMarkedRunning extends RuntimeException {

    RunStillMarkedRunning(LocalDate runDate, long executionId) {
        super("The nightly run for " + runDate + " (execution " + executionId + ") is still marked as running."
                + " If its process is gone (killed, machine restarted), run again with --recover to mark it"
                + " failed and finish it.");
    }
}
