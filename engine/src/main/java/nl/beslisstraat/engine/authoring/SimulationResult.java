package nl.beslisstraat.engine.authoring;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.List;
import java.util.Locale;
import nl.beslisstraat.engine.regulation.Phrase;

/**
 * What a candidate version would change in decisions already taken: how many cases were tried,
 * how many would get another outcome, per transition (GRANTED -> REJECTED: 212) with a few cases
 * to open, and how long it took.
 *
 * @param stopped null when every case asked for was tried; else why the simulation stopped
 *     early, such as "afgebroken na 41200 gevallen (tijdslimiet)": the counts are of those cases
 * @param stoppedWhy the same in both languages, for the pages
 */
public record SimulationResult(
        long candidateId,
        long cases,
        long changed,
        List<Transition> transitions,
        long millis,
        String stopped,
        @JsonIgnore Phrase stoppedWhy) {

    /** Why the simulation stopped early, in the page's language; null when it did not. */
    public String stoppedIn(Locale locale) {
        return stoppedWhy == null ? stopped : stoppedWhy.in(locale);
    }

    /** Cases that went from one outcome to another, and some of them to look at. */
    public record Transition(String from, String to, long count, List<Long> sampleCases) {}
}
