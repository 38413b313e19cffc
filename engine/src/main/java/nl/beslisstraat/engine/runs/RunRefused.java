package nl.beslisstraat.engine.runs;

import java.util.Locale;
import nl.beslisstraat.engine.regulation.Phrase;

/**
 * Why the console did not store a schedule or a request: the message names the field or the run,
 * in Dutch as the API gives it; a page shows {@link #in(Locale)}.
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
    private final Phrase phrase;

    public RunRefused(Kind kind, String field, Phrase phrase) {
        super(phrase.nl());
        this.kind = kind;
        this.field = field;
        this.phrase = phrase;
    }

    /** Why, in the page's language. */
    public String in(Locale locale) {
        return phrase.in(locale);
    }

    public Kind kind() {
        return kind;
    }

    /** The field of the form or request body that is wrong, or {@code null}. */
    public String field() {
        return field;
    }
}
