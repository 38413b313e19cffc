package nl.beslisstraat.engine.regulation;

import java.time.LocalDate;

/** No version of the case type's rules was in force on the reference date (or the type is unknown). */
public class NoRuleSetInForce extends RuntimeException {

    public NoRuleSetInForce(String caseType, LocalDate referenceDate) {
        super("No rules for case type " + caseType + " are in force on " + referenceDate);
    }
}
