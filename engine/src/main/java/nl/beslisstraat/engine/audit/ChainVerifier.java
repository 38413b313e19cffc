package nl.beslisstraat.engine.audit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.beslisstraat.engine.audit.ChainBreak.Kind;
import nl.beslisstraat.engine.tenancy.Municipality;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * Recomputes the hash chains of the current municipality's audit trail and decisions, link by link
 * in chain order, and names the first link of each that does not hold. The hash is recomputed here,
 * in Java, from the canonical content the database gives ({@code chain_content}, V18), so the
 * check does not rest on the database's own hashing; a wholesale rewrite of a chain that is
 * consistent in itself is caught against an earlier head kept outside the database. What the
 * links do not hold themselves is checked beside them ({@link OutsideTheChains}).
 */
@Service
public class ChainVerifier {

    /** The chained tables, in the order they are verified. */
    public static final List<String> TABLES = List.of("audit_log", "decisions");

    private static final int PAGE = 1_000;

    private final JdbcTemplate jdbc;
    private final ObjectProvider<OutsideTheChains> outside;

    public ChainVerifier(JdbcTemplate jdbc, ObjectProvider<OutsideTheChains> outside) {
        this.jdbc = jdbc;
        this.outside = outside;
    }

    /** Verifies the current municipality's chains. */
    public ChainVerification verify() {
        return verify(List.of());
    }

    /**
     * Verifies the current municipality's chains, and that each earlier head given for it is still
     * a link of its chain with the same hash.
     */
    public ChainVerification verify(List<ChainHead> earlierHeads) {
        String municipality = Municipality.current()
                .orElseThrow(() -> new IllegalStateException("verifying a chain needs a municipality"));
        List<ChainHead> heads = new ArrayList<>();
        List<ChainBreak> breaks = new ArrayList<>();
        for (String table : TABLES) {
            for (int lane : lanes(table, municipality)) {
                Lane chain = new Lane(table, lane);
                List<ChainHead> earlier = earlierHeads.stream()
                        .filter(head -> head.table().equals(chain.name())
                                && head.municipality().equals(municipality))
                        .toList();
                verifyLane(chain, municipality, earlier, heads).ifPresent(breaks::add);
            }
        }
        outside.orderedStream().forEach(check -> breaks.addAll(check.breaks()));
        return new ChainVerification(municipality, Instant.now(), List.copyOf(heads), List.copyOf(breaks));
    }

    /** The current heads of the current municipality's chains, as the database keeps them. */
    public List<ChainHead> heads() {
        String municipality = Municipality.current().orElseThrow();
        return jdbc.query(
                "select chain_table, municipality, position, hash from chain_heads where municipality = ?"
                        + " order by chain_table",
                (rs, n) -> new ChainHead(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getString(4)),
                municipality);
    }

    private record Link(long id, long position, String hash, String content) {}

    /**
     * One of the side-by-side chains of a table (V27): lane 0 is the table's chain as it always
     * was, named after the table; lane n's head is named {@code table#n}.
     */
    private record Lane(String table, int lane) {
        String name() {
            return lane == 0 ? table : table + "#" + lane;
        }
    }

    /**
     * The lanes of a table: every lane a head is kept for, and every lane a row claims to be in,
     * so a row written around the chain into a lane of its own is verified too.
     */
    private List<Integer> lanes(String table, String municipality) {
        java.util.SortedSet<Integer> lanes = new java.util.TreeSet<>(List.of(0));
        lanes.addAll(jdbc.queryForList("select distinct chain_lane from " + table, Integer.class));
        for (String name : jdbc.queryForList(
                "select chain_table from chain_heads where municipality = ? and chain_table like ?",
                String.class,
                municipality,
                table + "#%")) {
            lanes.add(Integer.parseInt(name.substring(table.length() + 1)));
        }
        return List.copyOf(lanes);
    }

    private Optional<ChainBreak> verifyLane(
            Lane chain, String municipality, List<ChainHead> earlier, List<ChainHead> heads) {
        String table = chain.name();
        String previous = "";
        long expected = 1;
        long lastPosition = 0;
        long lastId = 0;
        Map<Long, String> wanted = new java.util.HashMap<>();
        earlier.forEach(head -> wanted.put(head.position(), null));
        while (true) {
            List<Link> page = page(chain, lastPosition, lastId);
            for (Link link : page) {
                if (link.position() > expected) {
                    return Optional.of(new ChainBreak(
                            table,
                            municipality,
                            link.id(),
                            expected,
                            Kind.MISSING,
                            "position %d has no row (deleted); the chain goes on with id %d at position %d"
                                    .formatted(expected, link.id(), link.position())));
                }
                if (link.position() < expected) {
                    return Optional.of(new ChainBreak(
                            table,
                            municipality,
                            link.id(),
                            link.position(),
                            Kind.INSERTED,
                            "a second row at position %d, which was never appended through the chain"
                                    .formatted(link.position())));
                }
                if (!ChainReservation.link(previous, link.content()).equals(link.hash())) {
                    return Optional.of(classify(chain, municipality, previous, link));
                }
                if (wanted.containsKey(link.position())) {
                    wanted.put(link.position(), link.hash());
                }
                previous = link.hash();
                expected++;
                lastPosition = link.position();
                lastId = link.id();
            }
            if (page.size() < PAGE) {
                break;
            }
        }
        long length = expected - 1;
        Optional<ChainHead> kept =
                heads().stream().filter(head -> head.table().equals(table)).findFirst();
        if (kept.isPresent() && kept.get().position() > length) {
            return Optional.of(new ChainBreak(
                    table,
                    municipality,
                    null,
                    length + 1,
                    Kind.MISSING,
                    "the chain ends at position %d but its head is at %d: the last rows were deleted"
                            .formatted(length, kept.get().position())));
        }
        for (ChainHead head : earlier) {
            String hash = wanted.get(head.position());
            if (hash == null) {
                return Optional.of(new ChainBreak(
                        table,
                        municipality,
                        null,
                        head.position(),
                        Kind.REWRITTEN,
                        "the chain is %d long, shorter than the earlier head at position %d"
                                .formatted(length, head.position())));
            }
            if (!hash.equals(head.hash())) {
                Long id = jdbc.queryForObject(
                        "select min(id) from " + chain.table() + " where chain_lane = ? and chain_position = ?",
                        Long.class,
                        chain.lane(),
                        head.position());
                return Optional.of(new ChainBreak(
                        table,
                        municipality,
                        id,
                        head.position(),
                        Kind.REWRITTEN,
                        "the hash at position %d is %s, the earlier head kept outside the database says %s: the chain was rewritten"
                                .formatted(head.position(), hash, head.hash())));
            }
        }
        heads.add(new ChainHead(table, municipality, length, previous));
        return Optional.empty();
    }

    /** The link's hash does not follow from its predecessor and content; tells how, as far as it can. */
    private ChainBreak classify(Lane chain, String municipality, String previous, Link link) {
        String table = chain.name();
        String content = link.content();
        boolean hashedAfterAnother = jdbc
                .queryForList(
                        "select chain_hash from " + chain.table() + " where chain_lane = ? and id <> ?",
                        String.class,
                        chain.lane(),
                        link.id())
                .stream()
                .anyMatch(other -> ChainReservation.link(other, content).equals(link.hash()));
        if (hashedAfterAnother) {
            return new ChainBreak(
                    table,
                    municipality,
                    link.id(),
                    link.position(),
                    Kind.REORDERED,
                    "an unchanged row at the wrong place: it was hashed after another predecessor");
        }
        List<Link> next =
                page(chain, link.position(), link.id()).stream().limit(1).toList();
        if (!next.isEmpty()
                && ChainReservation.link(previous, next.get(0).content())
                        .equals(next.get(0).hash())) {
            return new ChainBreak(
                    table,
                    municipality,
                    link.id(),
                    link.position(),
                    Kind.INSERTED,
                    "a row the chain does not know: without it the chain holds");
        }
        boolean beyondHead = next.isEmpty()
                && heads().stream().anyMatch(head -> head.table().equals(table) && head.position() < link.position());
        if (beyondHead) {
            return new ChainBreak(
                    table,
                    municipality,
                    link.id(),
                    link.position(),
                    Kind.INSERTED,
                    "a row after the chain's head, which was never appended through the chain");
        }
        return new ChainBreak(
                table,
                municipality,
                link.id(),
                link.position(),
                Kind.CONTENT_CHANGED,
                "the content is not what was hashed: the row was changed after it was written");
    }

    private List<Link> page(Lane chain, long afterPosition, long afterId) {
        // the table name is one of TABLES, never input
        return jdbc.query(
                "select id, chain_position, chain_hash, chain_content(x) from " + chain.table() + " x"
                        + " where chain_lane = ? and (chain_position, id) > (?, ?) order by chain_position, id"
                        + " limit " + PAGE,
                (rs, n) -> new Link(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4)),
                chain.lane(),
                afterPosition,
                afterId);
    }
}
