package nl.beslisstraat.engine.workbench;

/**
 * A workbench action that cannot be done as asked: the task is held by someone else, the
 * motivation is missing, the outcome is not allowed. The message says why, for the reviewer.
 */
public class ReviewRefused extends RuntimeException {

    /** What kind of refusal, for the HTTP status of the API. */
    enum Kind {
        /** The input is wrong: 400. */
        INVALID,
        /** Somebody else holds the task, or the case is not in that state: 409. */
        CONFLICT,
        /** No such task or case: 404. */
        NOT_FOUND
    }

    private final Kind kind;

    ReviewRefused(String message, Kind kind) {
        super(message);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
