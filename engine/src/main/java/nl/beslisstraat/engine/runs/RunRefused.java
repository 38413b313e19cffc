package nl.beslisstraat.engine.runs;

/**
 * Why the console did not store a schedule or a request: the message names the field or the run,
 * in Dutch, as the page and the API show it.
 */
public class RunRefused extends RuntimeException {

    /** What kind of refusal, for the HTTP status. */
    public enum Kind {
        /** The input itself is wrong (400). */
        INVALID,
        /** No such run for this municipality (404). */
        NOT_FOUND,
        /** The run is not in a state that allows the action (409). */
        CONFLICT
    }

    private final Kind kind;
    private final String field;

    public RunRefused(Kind kind, String field, String message) {
        super(message);
        this.kind = kind;
        this.field = field;
    }

    public Kind kind() {
        return kind;
    }

    /** The field of the form or request body that is wrong, or {@code null}. */
    public String field() {
        return field;
    }
}
