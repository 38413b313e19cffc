package nl.beslisstraat.batch.nightly;

import java.time.LocalDate;

/**
 * A run for this date (and municipality) is going on, or being launched right now, so it is not
 * launched again. Its process is alive: it writes its heartbeat. A run whose process died is
 * recovered by the next launch without this refusal.
 */
public class RunStillMarkedRunning extends RuntimeException {

    private RunStillMarkedRunning(String message) {
        super(message);
    }

    static RunStillMarkedRunning beingLaunched(LocalDate runDate, String municipality) {
        return new RunStillMarkedRunning("The nightly run for " + night(runDate, municipality)
                + " is being launched by another process right now.");
    }

    /** @param process the process that runs it, or null when no process of ours recorded it */
    static RunStillMarkedRunning alive(LocalDate runDate, String municipality, long executionId, String process) {
        if (process == null) {
            return new RunStillMarkedRunning("The nightly run for " + night(runDate, municipality) + " (execution "
                    + executionId + ") is still marked as running, by a process that wrote no heartbeat."
                    + " If that process is gone (killed, machine restarted), run again with --recover"
                    + (municipality == null ? "" : " --municipality=" + municipality)
                    + " to mark it failed and finish it.");
        }
        return new RunStillMarkedRunning("The nightly run for " + night(runDate, municipality) + " (execution "
                + executionId + ") is running in process " + process + ", which is alive (it writes its heartbeat)."
                + " Wait for it to end, or stop it.");
    }

    private static String night(LocalDate runDate, String municipality) {
        return runDate + (municipality == null ? "" : " of municipality " + municipality);
    }
}
