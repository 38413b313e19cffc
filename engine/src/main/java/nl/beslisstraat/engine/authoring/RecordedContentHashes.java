package nl.beslisstraat.engine.authoring;

import nl.beslisstraat.engine.decision.DecisionStore;
import nl.beslisstraat.engine.norms.NormCatalog;
import nl.beslisstraat.engine.regulation.RegulationCatalog;
import nl.beslisstraat.engine.tenancy.Municipality;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * At start-up, gives decisions recorded before content hashes existed the hash of the content
 * their labels name: shipped versions from the classpath, uploaded ones from rule_set_candidates,
 * norm versions from norm_amounts. Done once the catalogs are complete (approved uploads
 * registered), so every label a decision can name is known.
 *
 * <p>This assumes that the content under a label did not change between the decision and this
 * release, which is what the labels promised. Where a label is ambiguous (an upload approved
 * under a shipped label, before labels were guarded) or unknown, the hash stays null and a
 * recomputation of such a decision is refused by name.
 */
@Component
class RecordedContentHashes {

    private static final Logger log = LoggerFactory.getLogger(RecordedContentHashes.class);

    RecordedContentHashes(
            RuleSetCandidates candidates,
            RegulationCatalog regulations,
            NormCatalog norms,
            DecisionStore decisions,
            JdbcTemplate jdbc) {
        // Decisions are under row-level security: each municipality's are filled in its own name.
        for (String municipality :
                jdbc.queryForList("select cbs_code from municipalities order by cbs_code", String.class)) {
            Municipality.run(municipality, () -> fill(candidates, regulations, norms, decisions));
        }
    }

    private static void fill(
            RuleSetCandidates candidates, RegulationCatalog regulations, NormCatalog norms, DecisionStore decisions) {
        for (String label : decisions.ruleSetVersionsWithoutHash()) {
            if (!candidates.unambiguous(label)) {
                log.error(
                        "Decisions naming {} keep no content hash: both shipped and uploaded under that label", label);
                continue;
            }
            try {
                int filled = decisions.fillRuleSetHash(
                        label, regulations.version(label).contentHash());
                log.info("{} decisions naming {} got its content hash", filled, label);
            } catch (RuntimeException unknown) {
                log.error("Decisions naming {} keep no content hash: {}", label, unknown.getMessage());
            }
        }
        for (String label : decisions.normVersionsWithoutHash()) {
            if (norms.knows(label)) {
                int filled = decisions.fillNormHash(label, norms.version(label).contentHash());
                log.info("{} decisions naming norm version {} got its content hash", filled, label);
            } else {
                log.error("Decisions naming norm version {} keep no content hash: the version is unknown", label);
            }
        }
    }
}
