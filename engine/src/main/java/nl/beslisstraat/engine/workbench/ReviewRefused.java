package nl.beslisstraat.engine.workbench;

/**
 * A workbench action that cannot be done as asked: the task is held by someone else, the
 * motivation is missing, the outcome is not allowed. The message says why, for the reviewer.
 */
public class ReviewRefused extends RuntimeException {

    /** Whether the refusal is about somebody else's claim (a conflict) rather than the input. */
    private final boolean conflict;

    ReviewRefused(String message, boolean conflict) {
        super(message);
        this.conflict = conflict;
    }

    public boolean conflict() {
        return conflict;
    }
}
