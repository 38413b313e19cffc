package nl.beslisstraat.engine.audit;

/** The last link of one chain: what is written outside the database so a rewrite shows. */
public record ChainHead(String table, String municipality, long position, String hash) {

    /** One line of a heads file: {@code table municipality position hash}. */
    public String line() {
        return table + " " + municipality + " " + position + " " + hash;
    }

    static ChainHead parse(String line) {
        String[] parts = line.trim().split("\\s+");
        if (parts.length != 4) {
            throw new IllegalArgumentException("not a chain head: " + line);
        }
        return new ChainHead(parts[0], parts[1], Long.parseLong(parts[2]), parts[3]);
    }
}
