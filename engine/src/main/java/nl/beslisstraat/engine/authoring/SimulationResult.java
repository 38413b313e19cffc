package nl.beslisstraat.engine.authoring;

import java.util.List;

/**
 * What a candidate version would change in decisions already taken: how many cases were tried,
 * how many would get another outcome, per transition (GRANTED -> REJECTED: 212) with a few cases
 * to open, and how long it took.
 */
public record SimulationResult(long candidateId, long cases, long changed, List<Transition> transitions, long millis) {

    /** Cases that went from one outcome to another, and some of them to look at. */
    public record Transition(String from, String to, long count, List<Long> sampleCases) {}
}
