package nl.beslisstraat.engine.decision;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import nl.beslisstraat.engine.audit.ChainBreak;
import nl.beslisstraat.engine.audit.ChainBreak.Kind;
import nl.beslisstraat.engine.audit.ChainVerifier;
import nl.beslisstraat.engine.cases.InputDigest;
import nl.beslisstraat.engine.norms.NormCatalog;
import nl.beslisstraat.engine.regulation.RegulationCatalog;
import nl.beslisstraat.engine.support.DatabaseIntegrationTest;
import nl.beslisstraat.engine.support.TestDatabase;
import nl.beslisstraat.engine.tenancy.Municipality;
import nl.beslisstraat.rules.Outcome;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A decision's content hashes are outside its chain link, so a superuser who changes one with the
 * triggers out of the way leaves the chain intact; the verifier still names the decision, because
 * its hash is no longer that of the version it names.
 */
@SpringBootTest
class RecordedHashCheckIntegrationTests extends DatabaseIntegrationTest {

    private static final String RULE_SET = "PARKING_PERMIT/2026.1.1";
    private static final String NORMS = "2026.1";

    @Autowired
    DecisionRecorder recorder;

    @Autowired
    ChainVerifier verifier;

    @Autowired
    RegulationCatalog regulations;

    @Autowired
    NormCatalog norms;

    @Autowired
    JdbcTemplate jdbc;

    private final JdbcTemplate superuser = new JdbcTemplate(TestDatabase.owner());
    private Municipality.Scope scope;
    private List<Long> decisions;

    @BeforeEach
    void threeDecisionsOfItsOwn() {
        scope = Municipality.enter(TestDatabase.newMunicipality());
        String ruleSetHash = regulations.version(RULE_SET).contentHash();
        String normHash = norms.find(NORMS).orElseThrow().contentHash();
        decisions = recorder
                .record(List.of(
                        decided(queuedCase(), ruleSetHash, normHash),
                        decided(queuedCase(), ruleSetHash, normHash),
                        decided(queuedCase(), ruleSetHash, normHash)))
                .stream()
                .map(RecordedDecision::decisionId)
                .toList();
    }

    @AfterEach
    void leave() {
        scope.close();
    }

    @Test
    void decisionsThatRecordTheContentOfTheVersionsTheyNameHold() {
        assertThat(verifier.verify().breaks()).isEmpty();
    }

    @Test
    void aRuleSetHashChangedAroundTheDatabaseIsNamedWithTheDecision() {
        String forged = "0".repeat(64);
        tamper("update decisions set rule_set_hash = '" + forged + "' where id = " + decisions.get(1));

        List<ChainBreak> breaks = verifier.verify().breaks();

        assertThat(breaks)
                .singleElement()
                .extracting(ChainBreak::table, ChainBreak::id, ChainBreak::position, ChainBreak::kind)
                .containsExactly("decisions", decisions.get(1), 2L, Kind.CONTENT_CHANGED);
        assertThat(breaks.get(0).detail())
                .contains(RULE_SET, forged, regulations.version(RULE_SET).contentHash());
    }

    @Test
    void aNormHashChangedAroundTheDatabaseIsNamedWithTheDecision() {
        String forged = "f".repeat(64);
        tamper("update decisions set norm_hash = '" + forged + "' where id in (" + decisions.get(2) + ", "
                + decisions.get(0) + ")");

        List<ChainBreak> breaks = verifier.verify().breaks();

        assertThat(breaks)
                .singleElement()
                .extracting(ChainBreak::id, ChainBreak::position, ChainBreak::kind)
                .containsExactly(decisions.get(0), 1L, Kind.CONTENT_CHANGED);
        assertThat(breaks.get(0).detail()).contains("2 decision(s)", "norm version " + NORMS, forged);
    }

    private long queuedCase() {
        return jdbc.queryForObject(
                "insert into cases (case_type, reference_date, input) values ('PARKING_PERMIT', '2026-03-01', '{}')"
                        + " returning id",
                Long.class);
    }

    private static DecidedCase decided(long caseId, String ruleSetHash, String normHash) {
        DecisionOutcome outcome = new DecisionOutcome(
                "PARKING_PERMIT",
                LocalDate.of(2026, 3, 1),
                Outcome.GRANTED,
                List.of(new Reason(
                        "PERMIT_GRANTED",
                        Outcome.GRANTED,
                        "Art. 7",
                        Map.of("nl", "U krijgt een vergunning.", "en", "You get a permit."))),
                Map.of("fee", new BigDecimal("240.00")),
                Map.of(),
                RULE_SET,
                NORMS,
                List.of("Art. 7"),
                null,
                ruleSetHash,
                normHash);
        return new DecidedCase(caseId, outcome, null, null, InputDigest.of("{}")); // as queuedCase() stores it
    }

    /** As the superuser, with every trigger off for the statement. */
    private void tamper(String sql) {
        superuser.execute("begin; set local session_replication_role = replica; " + sql + "; commit");
    }
}
