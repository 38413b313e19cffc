package nl.beslisstraat.engine.regulation.table;

import java.util.List;
import java.util.Map;

/**
 * What {@link TableVerifier} found in a decision table, for the officer to see before anyone
 * approves it.
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
     * @param conditions the combination, per input in words ("zone: geen van A, B")
     * @param example one case in it, field by field
     */
    public record Gap(List<String> conditions, Map<String, String> example) {}

    /**
     * @param blocking true when both rows would apply their amounts or dates to one case (amounts
     *     add up, a date is overwritten); false when the hit policy resolves it
     * @param example one case both rows apply to
     */
    public record Overlap(
            String table,
            String rule,
            String otherTable,
            String otherRule,
            boolean blocking,
            String explanation,
            Map<String, String> example) {}

    public record DeadRow(String table, String rule, String reason) {}
}
