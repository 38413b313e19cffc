package nl.beslisstraat.rules;

/**
 * The rows of a regulation's decision table, as data. The rule code the engine generates from a
 * table only decides which rows apply to a case and then calls {@link #fire} with the row's
 * number; what the row says (outcome, reason, motivation, amounts) is looked up here, so an
 * officer's text never becomes part of compiled code.
 */
public interface DecisionRows {

    /** Adds what row {@code row} says to the findings of {@code application}. */
    void fire(int row, CaseFacts application);
}
