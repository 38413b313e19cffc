package nl.beslisstraat.engine.decision;

/**
 * A decision that cannot be recomputed with exactly the content it was taken with: the content
 * its recorded label names is gone, differs from the hash the decision recorded, or the decision
 * recorded no hash. Never reported as a mere difference: a recomputation with other rules or norms
 * proves nothing about the decision.
 */
public class RecomputationRefused extends RuntimeException {

    private final long decisionId;
    private final String version;
    private final String contentHash;

    RecomputationRefused(long decisionId, String version, String contentHash, String message) {
        super(message);
        this.decisionId = decisionId;
        this.version = version;
        this.contentHash = contentHash;
    }

    public long decisionId() {
        return decisionId;
    }

    /** The rule-set or norm version label the decision recorded. */
    public String version() {
        return version;
    }

    /** The hash the decision recorded; null when it recorded none. */
    public String contentHash() {
        return contentHash;
    }
}
