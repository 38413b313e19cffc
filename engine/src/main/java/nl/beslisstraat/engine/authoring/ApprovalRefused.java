package nl.beslisstraat.engine.authoring;

import java.util.Locale;
import nl.beslisstraat.engine.regulation.Phrase;

/**
 * A step in a version's life that is not allowed now (four eyes, wrong state, past date). The
 * message is Dutch, as the API gives it; a page shows {@link #in(Locale)}.
 */
public class ApprovalRefused extends RuntimeException {

    private final Phrase phrase;

    public ApprovalRefused(Phrase phrase) {
        super(phrase.nl());
        this.phrase = phrase;
    }

    /** Why, in the page's language. */
    public String in(Locale locale) {
        return phrase.in(locale);
    }

    /** No such upload. */
    public static class NotFound extends ApprovalRefused {

        public NotFound(Phrase phrase) {
            super(phrase);
        }
    }
}
