package nl.beslisstraat.engine.decision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import nl.beslisstraat.engine.audit.ChainBreak;
import nl.beslisstraat.engine.audit.ChainBreak.Kind;
import nl.beslisstraat.engine.audit.ChainVerifier;
import nl.beslisstraat.engine.cases.CaseApplication;
import nl.beslisstraat.engine.cases.CaseStore;
import nl.beslisstraat.engine.cases.InputDigest;
import nl.beslisstraat.engine.cases.StoredCase;
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
import tools.jackson.databind.json.JsonMapper;

/**
 * The cases table is in no chain, and a superuser can switch off the trigger that keeps a case's
 * input. Each decision links the digest of the input it was taken on, so an input changed after
 * the decision is named by the verifier, with the decision taken on it.
 */
@SpringBootTest
class DecidedInputCheckIntegrationTests extends DatabaseIntegrationTest {

    /** Figures as a citizen would type them (a decimal as text and as a number, a null), as jsonb renders them. */
    private static final String APPLICATION = """
            {"zone": "A", "vehicleHolderIsApplicant": true, "leaseOrCompanyCar": false,
             "declarationSupplied": null, "vehicleLength": "4.50", "vehicleHeight": 1.60, "fuel": "PETROL",
             "euroClass": 6, "permitsAtAddress": 0, "ownParkingSpace": false}""";

    @Autowired
    CaseStore cases;

    @Autowired
    DecisionService decisions;

    @Autowired
    DecisionRecorder recorder;

    @Autowired
    DecisionStore store;

    @Autowired
    ChainVerifier verifier;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    JsonMapper json;

    private final JdbcTemplate superuser = new JdbcTemplate(TestDatabase.owner());
    private Municipality.Scope scope;

    @BeforeEach
    void ofItsOwn() {
        scope = Municipality.enter(TestDatabase.newMunicipality());
    }

    @AfterEach
    void leave() {
        scope.close();
    }

    @Test
    void aDecisionLinksTheDigestOfTheInputAsStoredAndTheChainHolds() {
        long decided = decideStoredCase();

        Map<String, Object> row = jdbc.queryForMap(
                "select d.input_hash, " + InputDigest.IN_SQL.formatted("c.input") + " as stored, d.outcome"
                        + " from decisions d join cases c on c.id = d.case_id where d.case_id = ?",
                decided);
        assertThat(row.get("outcome")).isEqualTo("GRANTED");
        assertThat((String) row.get("input_hash")).matches("[0-9a-f]{64}").isEqualTo(row.get("stored"));
        // the auditor reads the same digest in the decision's entry of the audit trail
        assertThat(jdbc.queryForObject(
                        "select details->>'inputHash' from audit_trail where action = 'CASE_DECIDED' and case_id = ?",
                        String.class,
                        decided))
                .isEqualTo(row.get("input_hash"));
        assertThat(verifier.verify().breaks()).isEmpty();
        assertThatThrownBy(() ->
                        jdbc.update("update decisions set input_hash = ? where case_id = ?", "0".repeat(64), decided))
                .hasMessageContaining("immutable");
    }

    @Test
    void anInputChangedAfterItsDecisionIsNamedWithTheDecision() {
        decideStoredCase();
        long changed = decideStoredCase();
        decideStoredCase();
        long decisionId = jdbc.queryForObject("select id from decisions where case_id = ?", Long.class, changed);
        long position =
                jdbc.queryForObject("select chain_position from decisions where id = ?", Long.class, decisionId);

        // the length that made the permit possible, made longer afterwards
        tamper("update cases set input = jsonb_set(input, '{vehicleLength}', '\"6.50\"') where id = " + changed);

        List<ChainBreak> breaks = verifier.verify().breaks();
        assertThat(breaks)
                .singleElement()
                .extracting(ChainBreak::table, ChainBreak::id, ChainBreak::position, ChainBreak::kind)
                .containsExactly("decisions", decisionId, position, Kind.CONTENT_CHANGED);
        assertThat(breaks.get(0).detail()).contains("case " + changed, "input was changed", "1 decision(s)");
    }

    @Test
    void theDigestTakenInJavaIsTheDatabasesForAnyText() {
        String written = "{\"t\": \"é 😀\\t \\\" \\u00e9\", \"n\": 1e2, \"b\": [1.50, null, -0], \"a\": {}}";

        String stored = jdbc.queryForObject("select ?::jsonb::text", String.class, written);

        assertThat(InputDigest.of(stored))
                .isEqualTo(jdbc.queryForObject(
                        "select " + InputDigest.IN_SQL.formatted("?::jsonb"), String.class, written));
    }

    @Test
    void aDecisionWithoutTheDigestOfItsInputIsRefused() {
        long decided = decideStoredCase();

        assertThatThrownBy(() -> jdbc.update(
                        "insert into decisions (case_id, outcome, automated, decided_by, reference_date, reasons,"
                                + " amounts, fired_rules) values (?, 'GRANTED', false, 'reviewer1', current_date, '[]',"
                                + " '{}', '[]')",
                        decided))
                .hasMessageContaining("without the digest of the input");
        assertThat(jdbc.queryForObject("select count(*) from decisions where case_id = ?", Long.class, decided))
                .isEqualTo(1);
    }

    @Test
    void aDecisionWhoseCaseIsGoneIsNamed() {
        long gone = decideStoredCase();
        long decisionId = jdbc.queryForObject("select id from decisions where case_id = ?", Long.class, gone);

        tamper("delete from cases where id = " + gone);

        assertThat(verifier.verify().breaks()).singleElement().satisfies(named -> {
            assertThat(named.id()).isEqualTo(decisionId);
            assertThat(named.kind()).isEqualTo(Kind.CONTENT_CHANGED);
            assertThat(named.detail()).contains("case " + gone, "no longer there");
        });
    }

    @Test
    void aReviewersDecisionLinksTheSameDigestAsTheEngines() {
        long decided = decideStoredCase();
        long task = jdbc.queryForObject(
                "insert into review_tasks (case_id, reason_codes, deadline) values (?, '{}', current_date) returning id",
                Long.class,
                decided);

        store.insertByReviewer(
                decided,
                task,
                "reviewer1",
                "REJECTED",
                LocalDate.of(2026, 3, 15),
                "Het voertuig is langer dan toegestaan.",
                Map.of("fee", new BigDecimal("0.00")));

        assertThat(jdbc.queryForList(
                        "select distinct input_hash from decisions where case_id = ? and input_hash is not null",
                        String.class,
                        decided))
                .hasSize(1);
        assertThat(jdbc.queryForObject(
                        "select count(*) from decisions where case_id = ? and input_hash is not null",
                        Long.class,
                        decided))
                .isEqualTo(2);
        assertThat(verifier.verify().breaks()).isEmpty();
    }

    /** Stores the application, reads the case back as the nightly run does, decides and records it. */
    private long decideStoredCase() {
        CaseApplication application =
                new CaseApplication("PARKING_PERMIT", LocalDate.of(2026, 3, 15), json.readTree(APPLICATION));
        long id = cases.enqueue(application);
        StoredCase stored = cases.find(id).orElseThrow();
        DecidedCase decided = decisions.decide(stored.asQueued(), null);
        assertThat(decided.outcome().outcome()).isEqualTo(Outcome.GRANTED);
        recorder.record(List.of(decided));
        return id;
    }

    /** As the superuser, with every trigger off for the statement. */
    private void tamper(String sql) {
        superuser.execute("begin; set local session_replication_role = replica; " + sql + "; commit");
    }
}
