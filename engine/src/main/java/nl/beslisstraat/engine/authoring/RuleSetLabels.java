package nl.beslisstraat.engine.authoring;

import java.util.List;
import java.util.Map;
import nl.beslisstraat.engine.regulation.Phrase;
import nl.beslisstraat.engine.regulation.RegulationCatalog;
import nl.beslisstraat.engine.regulation.RuleSet;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A rule-set label names one content, for good ({@code rule_set_labels}): shipped labels are
 * recorded at start-up with their content hash, an upload reserves its label in its own
 * transaction, and a label once used is never used for other content. Labels are unique on the
 * whole platform, whichever municipality uploaded, because a decision names its rules by label.
 */
final class RuleSetLabels {

    private final JdbcTemplate jdbc;
    private final RegulationCatalog regulations;

    RuleSetLabels(JdbcTemplate jdbc, RegulationCatalog regulations) {
        this.jdbc = jdbc;
        this.regulations = regulations;
    }

    /**
     * Records the labels and content hashes of the shipped versions, so that no upload can take
     * one (the primary key of rule_set_labels is the guard, whoever comes first). A shipped label
     * that an upload took first, or shipped content that differs from what was recorded under its
     * label before, stops the start-up: the product may not give a label other content.
     */
    void recordShipped(List<RuleSet> shippedVersions) {
        for (RuleSet shipped : shippedVersions) {
            String version = versionOf(shipped);
            jdbc.update(
                    "insert into rule_set_labels (case_type, version, origin, content_hash) values (?, ?, 'SHIPPED', ?)"
                            + " on conflict do nothing",
                    shipped.caseType(),
                    version,
                    shipped.contentHash());
            jdbc.update(
                    "update rule_set_labels set content_hash = ? where case_type = ? and version = ?"
                            + " and origin = 'SHIPPED' and content_hash is null",
                    shipped.contentHash(),
                    shipped.caseType(),
                    version);
            Map<String, Object> recorded = jdbc.queryForMap(
                    "select origin, content_hash from rule_set_labels where case_type = ? and version = ?",
                    shipped.caseType(),
                    version);
            if (!"SHIPPED".equals(recorded.get("origin"))) {
                throw new IllegalStateException("Meegeleverde versie " + shipped.version()
                        + ": dat label is al gebruikt voor een geüploade versie; geef de meegeleverde versie een"
                        + " nieuw label");
            }
            if (!shipped.contentHash().equals(recorded.get("content_hash"))) {
                throw new IllegalStateException("Meegeleverde versie " + shipped.version() + " heeft andere inhoud"
                        + " (sha256 " + shipped.contentHash() + ") dan eerder onder dat label vastgelegd (sha256 "
                        + recorded.get("content_hash") + "); een versie wordt nooit gewijzigd, geef de nieuwe inhoud"
                        + " een nieuw label");
            }
        }
    }

    /**
     * Takes the label for an upload, for good: a label once used by a shipped, drafted, approved
     * or withdrawn version is never used for other content. In the upload's transaction, so a
     * refused upload leaves the label free.
     */
    void reserve(String caseType, String version) {
        int reserved = jdbc.update(
                "insert into rule_set_labels (case_type, version, origin) values (?, ?, 'UPLOADED')"
                        + " on conflict do nothing",
                caseType,
                version);
        if (reserved == 0) {
            String origin = jdbc.queryForObject(
                    "select origin from rule_set_labels where case_type = ? and version = ?",
                    String.class,
                    caseType,
                    version);
            throw new InvalidUpload(Phrase.of(
                    "version: versielabel {0} van {1} is al gebruikt {2}; een label hoort bij één inhoud en wordt"
                            + " nooit opnieuw gebruikt. Kies een nieuw nummer.",
                    "version: version label {0} of {1} has been used already {2}; a label belongs to one content and"
                            + " is never used again. Choose a new number.",
                    version,
                    regulations.caseTypeName(caseType),
                    "SHIPPED".equals(origin)
                            ? new Phrase("door een meegeleverde versie", "by a shipped version")
                            : new Phrase("door een eerdere upload", "by an earlier upload")));
        }
    }

    private static String versionOf(RuleSet ruleSet) {
        return ruleSet.version().substring(ruleSet.caseType().length() + 1);
    }

    /** Gives an upload stored before content hashes existed the hash of what it compiles. */
    void fillContentHash(long id, RuleSet ruleSet) {
        jdbc.update(
                "update rule_set_candidates set content_hash = ? where id = ? and content_hash is null",
                ruleSet.contentHash(),
                id);
        jdbc.update(
                "update rule_set_labels set content_hash = ? where case_type = ? and version = ?"
                        + " and origin = 'UPLOADED' and content_hash is null",
                ruleSet.contentHash(),
                ruleSet.caseType(),
                versionOf(ruleSet));
    }

    /**
     * Whether a label names one content beyond doubt: not both a shipped version and an upload
     * that was approved under the same label before labels were guarded.
     */
    boolean unambiguous(String ruleSetVersion) {
        return !regulations.ships(ruleSetVersion)
                || jdbc.queryForObject(
                                "select count(*) from rule_set_candidates where case_type || '/' || version = ?"
                                        + " and approved_at is not null",
                                Long.class,
                                ruleSetVersion)
                        == 0;
    }
}
