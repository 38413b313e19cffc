package nl.beslisstraat.rules;

/**
 * The outcome of a decision, ordered by precedence: when several rules fire, the strongest
 * outcome wins (REJECTED over NEEDS_REVIEW over PARTIALLY_GRANTED over GRANTED).
 */
public enum Outcome {
    GRANTED,
    PARTIALLY_GRANTED,
    NEEDS_REVIEW,
    REJECTED;

    /** The outcome that wins when both this and {@code other} fired. */
    public Outcome strongest(Outcome other) {
        return other.ordinal() > ordinal() ? other : this;
    }

    /** Granted outcomes carry amounts and a grant motivation; the others do not. */
    public boolean grants() {
        return this == GRANTED || this == PARTIALLY_GRANTED;
    }
}
