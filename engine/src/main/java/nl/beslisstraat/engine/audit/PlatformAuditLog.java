package nl.beslisstraat.engine.audit;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.beslisstraat.engine.audit.ChainBreak.Kind;
import nl.beslisstraat.engine.tenancy.Municipality;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The platform's own audit log (V42): what happens on the platform rather than in a municipality,
 * such as a platform administrator created or disabled, or a sign-in lock of an address lifted.
 * Append-only and one hash chain, linked by the database as each entry is inserted; this class
 * recomputes it as {@link ChainVerifier} does a municipality's.
 *
 * <p>It is written and read only while working for the platform itself ({@link
 * Municipality#runForPlatform}): the database shows every other connection (a municipality's, or
 * one working for nobody) no row of it and refuses their inserts, and {@link #append} refuses to
 * be called outside such work rather than lose the entry.
 */
@Repository
public class PlatformAuditLog {

    /** The chain's name in a heads file. */
    public static final String CHAIN = "platform_audit_log";

    /** Where a heads file has a municipality's code, the platform's chain has this. */
    public static final String PLATFORM = "platform";

    private static final int PAGE = 1_000;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate snapshot;

    public PlatformAuditLog(JdbcTemplate jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        // one snapshot for a whole verification: entries appended meanwhile are neither half seen
        // nor taken for rows added around the chain
        this.snapshot = new TransactionTemplate(transactions);
        snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        snapshot.setReadOnly(true);
    }

    /** An entry as the platform administrator reads it; {@code details} as JSON text. */
    public record Entry(
            long id,
            OffsetDateTime at,
            String actor,
            String action,
            String subjectType,
            String subjectId,
            String details,
            long position) {}

    /**
     * Appends, in the caller's transaction, which must work for the platform; the database gives the
     * entry its time and its link.
     */
    public void append(AuditEntry entry) {
        if (!Municipality.forPlatform()) {
            throw new IllegalStateException("The platform's audit log is written while working for the platform,"
                    + " not for " + Municipality.current().orElse("nobody"));
        }
        jdbc.update(
                "insert into platform_audit_log (actor, action, subject_type, subject_id, details)"
                        + " values (?, ?, ?, ?, ?::jsonb)",
                entry.actor(),
                entry.action(),
                entry.subjectType(),
                entry.subjectId(),
                entry.details());
    }

    /**
     * The entries before link {@code position} of the chain, newest first: the next page back
     * ({@link Long#MAX_VALUE} for the latest).
     */
    public List<Entry> before(long position, int limit) {
        return Municipality.callForPlatform(() -> jdbc.query(
                "select id, at, actor, action, subject_type, subject_id, details::text, chain_position"
                        + " from platform_audit_log where chain_position < ? order by chain_position desc limit ?",
                (row, n) -> new Entry(
                        row.getLong(1),
                        row.getObject(2, OffsetDateTime.class),
                        row.getString(3),
                        row.getString(4),
                        row.getString(5),
                        row.getString(6),
                        row.getString(7),
                        row.getLong(8)),
                position,
                limit));
    }

    /** The chain's head as the database keeps it. */
    public ChainHead head() {
        return Municipality.callForPlatform(() -> jdbc.queryForObject(
                "select position, hash from platform_chain_head",
                (row, n) -> new ChainHead(CHAIN, PLATFORM, row.getLong(1), row.getString(2))));
    }

    private record Link(long id, long position, String hash, String content) {}

    /**
     * Recomputes the chain link by link, in Java from the content the database renders, and checks
     * it against the head the database keeps and the earlier heads given (a heads file's line for
     * the platform); names the first break.
     */
    public ChainVerification verify(List<ChainHead> earlierHeads) {
        List<ChainHead> earlier = earlierHeads.stream()
                .filter(head ->
                        head.table().equals(CHAIN) && head.municipality().equals(PLATFORM))
                .toList();
        return Municipality.callForPlatform(() -> snapshot.execute(status -> {
            ChainHead head = head();
            Optional<ChainBreak> broken = firstBreak(head, earlier);
            return new ChainVerification(
                    PLATFORM, Instant.now(), List.of(head), broken.map(List::of).orElse(List.of()));
        }));
    }

    /** The first break of the chain up to the head the database keeps, in the caller's snapshot. */
    private Optional<ChainBreak> firstBreak(ChainHead kept, List<ChainHead> earlier) {
        String previous = "";
        long expected = 1;
        // the hash at each position an earlier head names, filled in on the way
        Map<Long, String> wanted = new HashMap<>();
        earlier.forEach(head -> wanted.put(head.position(), head.position() == 0 ? "" : null));
        while (true) {
            List<Link> page = jdbc.query(
                    "select id, chain_position, chain_hash, platform_chain_content(x) from platform_audit_log x"
                            + " where chain_position >= ? order by chain_position limit " + PAGE,
                    (row, n) -> new Link(row.getLong(1), row.getLong(2), row.getString(3), row.getString(4)),
                    expected);
            for (Link link : page) {
                if (link.position() != expected) {
                    return broken(
                            link.id(),
                            expected,
                            Kind.MISSING,
                            "position %d has no row (deleted); the chain goes on with id %d at position %d"
                                    .formatted(expected, link.id(), link.position()));
                }
                if (!ChainReservation.link(previous, link.content()).equals(link.hash())) {
                    return broken(
                            link.id(),
                            expected,
                            Kind.CONTENT_CHANGED,
                            "the content is not what was hashed: the row was changed after it was written");
                }
                previous = link.hash();
                if (wanted.containsKey(expected)) {
                    wanted.put(expected, previous);
                }
                expected++;
            }
            if (page.size() < PAGE) {
                break;
            }
        }
        long length = expected - 1;
        if (kept.position() > length) {
            return broken(
                    null,
                    length + 1,
                    Kind.MISSING,
                    "the chain ends at position %d but its head is at %d: the last rows were deleted"
                            .formatted(length, kept.position()));
        }
        if (kept.position() < length) {
            return broken(
                    null,
                    kept.position() + 1,
                    Kind.INSERTED,
                    "the chain goes on to position %d after its head at %d: rows were added around the chain"
                            .formatted(length, kept.position()));
        }
        if (!kept.hash().equals(previous)) {
            return broken(
                    null,
                    length,
                    Kind.REWRITTEN,
                    "the last link's hash is %s, the head the database keeps says %s: the head or the chain was rewritten"
                            .formatted(previous, kept.hash()));
        }
        for (ChainHead head : earlier) {
            String hash = wanted.get(head.position());
            if (hash == null) {
                return broken(
                        null,
                        head.position(),
                        Kind.REWRITTEN,
                        "the chain is %d long, shorter than the earlier head at position %d"
                                .formatted(length, head.position()));
            }
            if (!hash.equals(head.hash())) {
                return broken(
                        null,
                        head.position(),
                        Kind.REWRITTEN,
                        "the hash at position %d is %s, the earlier head kept outside the database says %s: the chain was rewritten"
                                .formatted(head.position(), hash, head.hash()));
            }
        }
        return Optional.empty();
    }

    private static Optional<ChainBreak> broken(Long id, long position, Kind kind, String detail) {
        return Optional.of(new ChainBreak(CHAIN, PLATFORM, id, position, kind, detail));
    }
}
