package nl.beslisstraat.engine.regulation.table;

import java.util.List;
import java.util.Map;
import nl.beslisstraat.engine.regulation.Phrase;

/**
 * What {@link TableVerifier} found in a decision table, for the officer to see before anyone
 * approves it. Its words are in both languages of the pages: the draft stores them with both, a
 * page shows its own, the API the Dutch ones.
 *
 * @param gaps combinations of values no row with an outcome covers: such a case goes to a
 *     reviewer with "no rule applied" (a warning)
 * @param overlaps rows that can apply to the same case while saying different things
 * @param deadRows rows that can never decide anything
 * @param complete false when the table was too large to analyse in full; then it cannot be approved
 */
public record Verification(List<Gap> gaps, List<Overlap> overlaps, List<DeadRow> deadRows, boolean complete) {

    public Verification {
        gaps = List.copyOf(gaps);
        overlaps = List.copyOf(overlaps);
        deadRows = List.copyOf(deadRows);
    }

    /** Conflicting overlaps, and a table too large to verify, block approval; gaps do not. */
    public boolean blocksApproval() {
        return !complete || overlaps.stream().anyMatch(Overlap::blocking);
    }

    public List<Overlap> conflicts() {
        return overlaps.stream().filter(Overlap::blocking).toList();
    }

    /**
     * @param conditions the combination, per input in words ("zone: geen van A, B" / "zone: none
     *     of A, B")
     * @param example one case in it, field by field
     */
    public record Gap(List<Phrase> conditions, Map<String, Phrase> example) {}

    /**
     * @param rule the row as the table names it; a DMN model's rule by its number too ("regel 9:
     *     ..." / "rule 9: ...")
     * @param blocking true when both rows would apply their amounts or dates to one case (amounts
     *     add up, a date is overwritten); false when the hit policy resolves it
     * @param example one case both rows apply to
     */
    public record Overlap(
            String table,
            Phrase rule,
            String otherTable,
            Phrase otherRule,
            boolean blocking,
            Phrase explanation,
            Map<String, Phrase> example) {}

    public record DeadRow(String table, Phrase rule, Phrase reason) {}
}
