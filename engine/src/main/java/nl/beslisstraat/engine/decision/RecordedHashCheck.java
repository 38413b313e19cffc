package nl.beslisstraat.engine.decision;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import nl.beslisstraat.engine.audit.ChainBreak;
import nl.beslisstraat.engine.audit.ChainBreak.Kind;
import nl.beslisstraat.engine.audit.OutsideTheChains;
import nl.beslisstraat.engine.norms.NormCatalog;
import nl.beslisstraat.engine.norms.NormVersion;
import nl.beslisstraat.engine.regulation.RegulationCatalog;
import nl.beslisstraat.engine.tenancy.Municipality;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * A decision records the content hash of the rule-set and norm versions it names. A version's
 * content never changes under its label (the catalog refuses other content for a known label), so
 * every decision naming a version must record that version's hash; one that records another was
 * changed after it was written, around the database's refusal. The hashes are outside the
 * decision's chain link (see {@link OutsideTheChains}), so this is what notices such a change.
 */
@Component
class RecordedHashCheck implements OutsideTheChains {

    private final JdbcTemplate jdbc;
    private final RegulationCatalog regulations;
    private final NormCatalog norms;

    RecordedHashCheck(JdbcTemplate jdbc, RegulationCatalog regulations, NormCatalog norms) {
        this.jdbc = jdbc;
        this.regulations = regulations;
        this.norms = norms;
    }

    private record Recorded(String label, String hash, long firstId, long position, long decisions) {}

    @Override
    public List<ChainBreak> breaks() {
        String municipality = Municipality.current()
                .orElseThrow(() -> new IllegalStateException("checking decisions needs a municipality"));
        List<ChainBreak> breaks = new ArrayList<>();
        for (Recorded recorded : recorded("rule_set_version", "rule_set_hash")) {
            ruleSetHash(recorded.label())
                    .filter(current -> !current.equals(recorded.hash()))
                    .ifPresent(current -> breaks.add(changed(municipality, recorded, "rule set", current)));
        }
        for (Recorded recorded : recorded("norm_version", "norm_hash")) {
            norms.find(recorded.label())
                    .map(NormVersion::contentHash)
                    .filter(current -> !current.equals(recorded.hash()))
                    .ifPresent(current -> breaks.add(changed(municipality, recorded, "norm version", current)));
        }
        return breaks;
    }

    /**
     * The content of a label the catalog does not know is not this check's to judge: recomputation
     * names it. Any other failure (a version that no longer compiles) fails the verification rather
     * than letting it say the decisions hold.
     */
    private Optional<String> ruleSetHash(String label) {
        try {
            return Optional.of(regulations.version(label).contentHash());
        } catch (IllegalArgumentException unknown) {
            return Optional.empty();
        }
    }

    /** Each label with each hash recorded for it, and the first decision that records that pair. */
    private List<Recorded> recorded(String labelColumn, String hashColumn) {
        // the column names are the two pairs above, never input; row-level security keeps it to
        // the current municipality's decisions
        String sql = ("select label, hash, first_id, (select chain_position from decisions where id = first_id), n"
                        + " from (select %1$s as label, %2$s as hash, min(id) as first_id, count(*) as n"
                        + " from decisions where %1$s is not null and %2$s is not null group by 1, 2) recorded"
                        + " order by first_id")
                .formatted(labelColumn, hashColumn);
        return jdbc.query(
                sql,
                (rs, n) -> new Recorded(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getLong(4), rs.getLong(5)));
    }

    private static ChainBreak changed(String municipality, Recorded recorded, String what, String current) {
        return new ChainBreak(
                "decisions",
                municipality,
                recorded.firstId(),
                recorded.position(),
                Kind.CONTENT_CHANGED,
                "%d decision(s), the first id %d, name %s %s but record its content as sha256 %s; its content is sha256 %s: the recorded hash was changed after the decision was written"
                        .formatted(
                                recorded.decisions(),
                                recorded.firstId(),
                                what,
                                recorded.label(),
                                recorded.hash(),
                                current));
    }
}
