package nl.beslisstraat.engine.regulation;

/** A regulation's rules, schema or descriptor cannot be turned into a working rule set. */
public class RuleSetCompilationException extends RuntimeException {

    public RuleSetCompilationException(String message) {
        super(message);
    }
}
