package nl.beslisstraat.engine.decision;

import java.util.List;
import nl.beslisstraat.engine.audit.ChainBreak;
import nl.beslisstraat.engine.audit.ChainBreak.Kind;
import nl.beslisstraat.engine.audit.OutsideTheChains;
import nl.beslisstraat.engine.cases.InputDigest;
import nl.beslisstraat.engine.tenancy.Municipality;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * A decision's link holds the digest of the input it was taken on (V47); the case's input must
 * still have it. One that does not was changed after the decision, around the database's refusal
 * (V45), and this names the first decision taken on such an input and how many there are.
 * Decisions recorded before the digest existed have none and are not compared.
 */
@Component
class DecidedInputCheck implements OutsideTheChains {

    private static final String STORED_DIGEST = InputDigest.IN_SQL.formatted("c.input");

    private final JdbcTemplate jdbc;

    DecidedInputCheck(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<ChainBreak> breaks() {
        String municipality = Municipality.current()
                .orElseThrow(() -> new IllegalStateException("checking decisions needs a municipality"));
        // Row-level security keeps both tables to the current municipality. A case that is gone,
        // or moved to another municipality (both refused by triggers a superuser can switch off),
        // is not seen: its decision is named as well.
        return jdbc.query(
                "select d.id, d.chain_position, d.case_id, d.input_hash, " + STORED_DIGEST + ", count(*) over ()"
                        + " from decisions d left join cases c on c.id = d.case_id"
                        + " where d.input_hash is not null and " + STORED_DIGEST + " is distinct from d.input_hash"
                        + " order by d.id limit 1",
                (rs, n) -> new ChainBreak(
                        "decisions",
                        municipality,
                        rs.getLong(1),
                        rs.getLong(2),
                        Kind.CONTENT_CHANGED,
                        (rs.getString(5) == null
                                        ? "decision %d was taken on the input of case %d with sha256 %s, and that case is"
                                                + " no longer there: it was deleted or moved to another municipality (%5$d"
                                                + " decision(s) in all)"
                                        : "decision %d was taken on the input of case %d with sha256 %s, and that input"
                                                + " now has sha256 %s: the case's input was changed after the decision (%d"
                                                + " decision(s) in all)")
                                .formatted(
                                        rs.getLong(1),
                                        rs.getLong(3),
                                        rs.getString(4),
                                        rs.getString(5),
                                        rs.getLong(6))));
    }
}
