package nl.beslisstraat.engine.audit;

/**
 * The first link of a chain that does not hold: which table, municipality, row and position, what
 * kind of tampering it looks like, and a sentence for the operator.
 */
public record ChainBreak(String table, String municipality, Long id, long position, Kind kind, String detail) {

    /** What the verifier could tell about the break. */
    public enum Kind {
        /** The row's content (or that of a row before it in the same link) is not what was hashed. */
        CONTENT_CHANGED,
        /** A position of the chain has no row: a row was deleted. */
        MISSING,
        /** A row that was never appended through the chain. */
        INSERTED,
        /** An intact row that sits after another predecessor than the one it was hashed with. */
        REORDERED,
        /** The chain no longer has the hash an earlier head, kept outside the database, recorded. */
        REWRITTEN
    }

    public String describe() {
        return "%s %s (municipality %s, id %s, position %d): %s"
                .formatted(table, kind, municipality, id == null ? "-" : id, position, detail);
    }
}
