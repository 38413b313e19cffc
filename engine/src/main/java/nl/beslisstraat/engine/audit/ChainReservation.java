package nl.beslisstraat.engine.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Array;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Rows a writer links onto a hash chain itself (V35): their ids and time, given by the database,
 * and the head of the lane they continue, which stays locked until the transaction ends. The writer
 * renders each row's content as {@code chain_content} does ({@link JsonbText}) and {@link #link}s it
 * onto the one before, in the order it inserts them; the database checks that the links continue
 * the head and moves the head, and the verifier recomputes every link from the stored row.
 */
public final class ChainReservation {

    private final short lane;
    private final OffsetDateTime at;
    private final long[] ids;
    private final MessageDigest sha256 = sha256();
    private long position;
    private String hash;

    private ChainReservation(short lane, long headPosition, String headHash, OffsetDateTime at, long[] ids) {
        this.lane = lane;
        this.position = headPosition;
        this.hash = headHash;
        this.at = at;
        this.ids = ids;
    }

    /** Reserves {@code rows} links of the current municipality's chain over {@code table}. */
    public static ChainReservation reserve(JdbcTemplate jdbc, String table, int rows) {
        return jdbc.queryForObject(
                "select lane, head_position, head_hash, at, ids from chain_reserve(?, ?)",
                (rs, n) -> {
                    Array ids = rs.getArray(5);
                    Long[] reserved = (Long[]) ids.getArray();
                    long[] plain = new long[reserved.length];
                    for (int i = 0; i < plain.length; i++) {
                        plain[i] = reserved[i];
                    }
                    return new ChainReservation(
                            rs.getShort(1),
                            rs.getLong(2),
                            rs.getString(3),
                            rs.getObject(4, OffsetDateTime.class),
                            plain);
                },
                table,
                rows);
    }

    /** The id reserved for the {@code row}th row, counted from 0. */
    public long id(int row) {
        return ids[row];
    }

    /** The time of the reserving transaction, which a row's default would have given too. */
    public OffsetDateTime at() {
        return at;
    }

    /** The next link: the row whose content this is comes right after the previous one. */
    public Link link(String content) {
        position++;
        hash = hash(sha256, hash, content);
        return new Link(lane, position, hash);
    }

    /** Where a row sits in its chain, and its hash. */
    public record Link(short lane, long position, String hash) {}

    /** SHA-256 over the previous link's hash, a bar and the content, as hex: what the trigger computes (V18). */
    static String link(String previous, String content) {
        return hash(sha256(), previous, content);
    }

    private static String hash(MessageDigest sha256, String previous, String content) {
        sha256.update(previous.getBytes(StandardCharsets.UTF_8));
        sha256.update((byte) '|');
        return HexFormat.of().formatHex(sha256.digest(content.getBytes(StandardCharsets.UTF_8)));
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
