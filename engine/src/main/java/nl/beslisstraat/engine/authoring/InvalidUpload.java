package nl.beslisstraat.engine.authoring;

import java.util.List;
import java.util.Locale;
import nl.beslisstraat.engine.regulation.Phrase;

/**
 * An upload that is refused as a whole; nothing was stored, nothing changed. Each problem is
 * in both languages: the pages show the officer's, the API the Dutch one.
 */
public class InvalidUpload extends RuntimeException {

    private final List<Phrase> problems;

    public InvalidUpload(List<Phrase> problems) {
        super(String.join("; ", Phrase.in(problems, Locale.forLanguageTag("nl"))));
        this.problems = List.copyOf(problems);
    }

    public InvalidUpload(Phrase problem) {
        this(List.of(problem));
    }

    /** The problems in Dutch, as the API gives them. */
    public List<String> problems() {
        return Phrase.in(problems, Locale.forLanguageTag("nl"));
    }

    /** The problems in the page's language. */
    public List<String> problems(Locale locale) {
        return Phrase.in(problems, locale);
    }

    List<Phrase> phrases() {
        return problems;
    }
}
