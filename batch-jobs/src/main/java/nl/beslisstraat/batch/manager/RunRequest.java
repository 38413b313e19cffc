package nl.beslisstraat.batch.manager;

import java.time.LocalDate;

/** What a scheduler asked in the console: start a run for a date, or stop, restart, recover a run. */
record RunRequest(long id, Action action, LocalDate runDate, Long runId, String requestedBy) {

    enum Action {
        START,
        STOP,
        RESTART,
        RECOVER
    }

    /** What came of a request, as the console puts it in words. */
    enum Outcome {
        STARTED(true),
        ALREADY_COMPLETED(false),
        ALREADY_RUNNING(false),
        STOPPING(true),
        NOT_RUNNING(false),
        RESTARTED(true),
        NOT_RESTARTABLE(false),
        RECOVERED(true),
        STILL_ALIVE(false),
        UNKNOWN_RUN(false),
        ERROR(false);

        final boolean succeeded;

        Outcome(boolean succeeded) {
            this.succeeded = succeeded;
        }
    }
}
