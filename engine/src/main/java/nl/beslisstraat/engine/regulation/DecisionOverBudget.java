package nl.beslisstraat.engine.regulation;

import java.time.Duration;

/**
 * Deciding one case took longer than the rules' time budget ({@link DmnDecision#BUDGET}). At
 * upload it refuses the version (an example case shows it); in a nightly run it fails that one
 * case, which goes to a reviewer like any other failed case.
 */
public class DecisionOverBudget extends RuntimeException {

    private final Duration took;
    private final Duration budget;

    public DecisionOverBudget(String version, Duration took, Duration budget) {
        super(version + " took " + took.toMillis() + " ms to decide one case; the budget is " + budget.toMillis()
                + " ms");
        this.took = took;
        this.budget = budget;
    }

    public Duration took() {
        return took;
    }

    public Duration budget() {
        return budget;
    }
}
