package nl.beslisstraat.engine.audit;

/** The last link of one chain: what is written outside the database so a rewrite shows. */
public record ChainHead(String table, String municipality, long position, String hash) {

    /** What a heads file says for the hash of a chain without links (position 0). */
    private static final String NO_LINK = "-";

    /** One line of a heads file: {@code table municipality position hash}. */
    public String line() {
        return table + " " + municipality + " " + position + " " + (hash.isEmpty() ? NO_LINK : hash);
    }

    static ChainHead parse(String line) {
        String[] parts = line.trim().split("\\s+");
        if (parts.length != 4) {
            throw new IllegalArgumentException("not a chain head: " + line);
        }
        return new ChainHead(parts[0], parts[1], Long.parseLong(parts[2]), parts[3].equals(NO_LINK) ? "" : parts[3]);
    }
}
