package nl.beslisstraat.engine.security;

import java.util.Locale;
import nl.beslisstraat.engine.regulation.Phrase;

/**
 * An account or membership that cannot be saved as asked, naming the field that is wrong
 * ({@code username}, {@code personId}, {@code password}, {@code roles}, ...) with a message in both
 * languages of the pages that starts with that field's label. The exception's message is the Dutch
 * one, as the API and the operator's command give it; a page shows {@link #in(Locale)}.
 */
public class AccountRefused extends IllegalArgumentException {

    private final String field;
    private final Phrase phrase;

    public AccountRefused(String field, Phrase phrase) {
        super(phrase.nl());
        this.field = field;
        this.phrase = phrase;
    }

    public String field() {
        return field;
    }

    /** Why, in both languages. */
    public Phrase phrase() {
        return phrase;
    }

    /** Why, in the page's language. */
    public String in(Locale locale) {
        return phrase.in(locale);
    }
}
