package nl.beslisstraat.engine.regulation.table;

import java.util.List;
import java.util.Locale;
import nl.beslisstraat.engine.regulation.Phrase;

/**
 * A decision table that cannot be read into its template, with every problem found, each naming
 * the cell (sheet, column and row as the spreadsheet shows them) or the part of the file, in both
 * languages of the pages.
 */
public class TableRefused extends RuntimeException {

    private final List<Phrase> problems;

    TableRefused(List<Phrase> problems) {
        super(String.join("; ", Phrase.in(problems, Locale.forLanguageTag("nl"))));
        this.problems = List.copyOf(problems);
    }

    TableRefused(Phrase problem) {
        this(List.of(problem));
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
