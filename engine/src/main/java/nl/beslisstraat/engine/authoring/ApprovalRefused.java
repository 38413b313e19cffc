package nl.beslisstraat.engine.authoring;

/** A step in a version's life that is not allowed now (four eyes, wrong state, past date). */
public class ApprovalRefused extends RuntimeException {

    public ApprovalRefused(String message) {
        super(message);
    }

    /** No such upload. */
    public static class NotFound extends ApprovalRefused {

        public NotFound(String message) {
            super(message);
        }
    }
}
