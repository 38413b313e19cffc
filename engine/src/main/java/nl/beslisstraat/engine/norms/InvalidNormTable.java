package nl.beslisstraat.engine.norms;

import java.util.List;
import java.util.Locale;
import nl.beslisstraat.engine.regulation.Phrase;

/** A norm table that cannot be accepted; each problem names its line and column, in both languages. */
public class InvalidNormTable extends RuntimeException {

    private final List<Phrase> problems;

    public InvalidNormTable(List<Phrase> problems) {
        super(String.join("; ", Phrase.in(problems, Locale.forLanguageTag("nl"))));
        this.problems = List.copyOf(problems);
    }

    /** The problems in Dutch. */
    public List<String> problems() {
        return Phrase.in(problems, Locale.forLanguageTag("nl"));
    }

    /** The problems in both languages, for a page to show in its own. */
    public List<Phrase> phrases() {
        return problems;
    }
}
