package nl.beslisstraat.engine.regulation;

/**
 * A regulation's rules, schema or descriptor cannot be turned into a working rule set. What an
 * officer may read (an input the law forbids) carries both languages; a message from the rule
 * compiler itself reads the same in both.
 */
public class RuleSetCompilationException extends RuntimeException {

    private final transient Phrase phrase;

    public RuleSetCompilationException(String message) {
        super(message);
        this.phrase = Phrase.same(message);
    }

    /**
     * A refusal in both languages; its message is the Dutch text, as the API and the report of a
     * regulation that cannot start give it.
     */
    public RuleSetCompilationException(Phrase phrase) {
        super(phrase.nl());
        this.phrase = phrase;
    }

    /** Why, in the officer's page language or in Dutch for the API. */
    public Phrase phrase() {
        return phrase;
    }
}
