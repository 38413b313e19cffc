package nl.beslisstraat.engine.decision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.beslisstraat.engine.audit.ChainBreak;
import nl.beslisstraat.engine.audit.ChainBreak.Kind;
import nl.beslisstraat.engine.audit.ChainVerification;
import nl.beslisstraat.engine.audit.ChainVerifier;
import nl.beslisstraat.engine.cases.InputDigest;
import nl.beslisstraat.engine.support.DatabaseIntegrationTest;
import nl.beslisstraat.engine.support.TestDatabase;
import nl.beslisstraat.engine.tenancy.Municipality;
import nl.beslisstraat.rules.Outcome;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The engine links the automated decisions it records itself (V35). The verifier recomputes every
 * link from the stored row with the database's own rendering, so a link the engine computed from
 * anything but exactly what was stored shows as a break; these tests record decisions whose text
 * and figures are as awkward as a motivation can make them and expect none. Each test works in a
 * municipality of its own, so its chain is its own.
 */
@SpringBootTest
class WriterLinkedDecisionsIntegrationTests extends DatabaseIntegrationTest {

    /** Text that a motivation, a rule's name or an error could hold, every escape PostgreSQL knows. */
    private static final List<String> AWKWARD = List.of(
            "plain",
            "quote \" backslash \\ slash / tab \t newline \n return \r",
            "control \u0001 \u001f backspace \b form feed \f delete \u007f",
            "Één café, ĳs en € 1.234,56",
            "line separator \u2028 paragraph \u2029 and a smile 😀 from another plane",
            "<script>alert('x')</script> & ' \"",
            "");

    @Autowired
    DecisionRecorder recorder;

    @Autowired
    DecisionStore decisions;

    @Autowired
    ChainVerifier verifier;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    PlatformTransactionManager transactions;

    private Municipality.Scope scope;

    /** What the store says when it leaves a batch to the trigger. */
    private final ListAppender<ILoggingEvent> fallbacks = new ListAppender<>();

    @BeforeEach
    void chainOfItsOwn() {
        scope = Municipality.enter(TestDatabase.newMunicipality());
        fallbacks.start();
        ((Logger) LoggerFactory.getLogger(DecisionStore.class)).addAppender(fallbacks);
    }

    @AfterEach
    void leave() {
        ((Logger) LoggerFactory.getLogger(DecisionStore.class)).detachAppender(fallbacks);
        scope.close();
    }

    @Test
    void decisionsWithEveryKindOfTextAreLinkedAsTheDatabaseRendersThem() {
        List<DecidedCase> batch = new ArrayList<>();
        for (int i = 0; i < AWKWARD.size(); i++) {
            batch.add(decided(queuedCase(), AWKWARD.get(i), i % 2 == 0 ? null : 40L + i));
        }

        List<RecordedDecision> recorded = recorder.record(batch);

        assertThat(recorded).hasSize(AWKWARD.size());
        assertThat(fallbacks.list)
                .as("linked by the engine, not left to the trigger")
                .isEmpty();
        assertThat(verifier.verify().breaks()).isEmpty();
        assertThat(jdbc.queryForList("select chain_position from decisions order by id", Long.class))
                .containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L);
        // what the recorder says it stored is what the table holds
        for (RecordedDecision decision : recorded) {
            Map<String, Object> row = jdbc.queryForMap(
                    "select case_id, decided_at, reasons->0->'motivation'->>'nl' as motivation from decisions where id = ?",
                    decision.decisionId());
            assertThat(row.get("case_id")).isEqualTo(decision.decided().caseId());
            assertThat(((java.sql.Timestamp) row.get("decided_at")).toInstant())
                    .isEqualTo(decision.decidedAt().toInstant());
            assertThat(row.get("motivation"))
                    .isEqualTo(decision.decided()
                            .outcome()
                            .reasons()
                            .get(0)
                            .motivation()
                            .get("nl"));
        }
    }

    @Test
    void linksOfTheEngineAndOfTheTriggerFollowEachOtherInOneTransaction() {
        long reviewed = queuedCase();
        new TransactionTemplate(transactions).executeWithoutResult(status -> {
            recorder.record(List.of(decided(queuedCase(), "first", 1L), decided(queuedCase(), "second", 1L)));
            // a reviewer's decision has no link of its own: the trigger gives it one
            decisions.insertByReviewer(
                    reviewed, reviewTask(reviewed), "reviewer", "GRANTED", LocalDate.of(2026, 12, 1), "ok", Map.of());
            recorder.record(List.of(decided(queuedCase(), "third", 1L)));
        });
        recorder.record(List.of(decided(queuedCase(), "next transaction", null)));

        assertThat(verifier.verify().breaks()).isEmpty();
        assertThat(jdbc.queryForList(
                        "select decided_by from decisions order by chain_lane, chain_position", String.class))
                .containsExactly("engine", "engine", "reviewer", "engine", "engine");
    }

    @Test
    void aBatchWithAValueOnlyTheDatabaseRendersIsLinkedByTheDatabase() {
        // half a surrogate pair reaches the database as something else than the engine would hash:
        // the trigger links that batch
        DecidedCase halfAPair = decided(queuedCase(), "half a pair \ud83d", null);

        recorder.record(List.of(decided(queuedCase(), "before", null), halfAPair));
        recorder.record(List.of(decided(queuedCase(), "after", null)));

        assertThat(fallbacks.list)
                .singleElement()
                .extracting(ILoggingEvent::getFormattedMessage)
                .asString()
                .contains("linked by the database", "lone surrogate");
        assertThat(verifier.verify().breaks()).isEmpty();
        assertThat(jdbc.queryForObject("select count(*) from decisions", Long.class))
                .isEqualTo(3);
    }

    @Test
    void theDatabaseRefusesLinksThatDoNotContinueTheHead() {
        recorder.record(List.of(decided(queuedCase(), "first", null)));
        long caseId = queuedCase();

        String digest = inputDigest(caseId);
        String linked = "insert into decisions (case_id, outcome, automated, decided_by, reference_date, reasons,"
                + " amounts, fired_rules, chain_lane, chain_position, chain_hash, input_hash)"
                + " values (?, 'GRANTED', true, 'engine', current_date, '[]', '{}', '[]', 0, ?, 'x', ?)";
        assertThatThrownBy(() -> jdbc.update(linked, caseId, 1L, digest)).hasMessageContaining("decisions_chain_lanes");
        assertThatThrownBy(() -> jdbc.update(linked, caseId, 3L, digest))
                .hasMessageContaining("do not continue its head");
        assertThatThrownBy(() -> jdbc.update(linked.replace(", 0, ?", ", 7, ?"), caseId, 1L, digest))
                .hasMessageContaining("has no head");
        assertThat(jdbc.queryForObject("select count(*) from decisions", Long.class))
                .isEqualTo(1);
        assertThat(verifier.verify().breaks()).isEmpty();
    }

    @Test
    void aLinkTheWriterGotWrongIsNamedByTheVerifier() {
        recorder.record(List.of(decided(queuedCase(), "first", null)));
        long caseId = queuedCase();
        Long wrong = jdbc.queryForObject(
                "insert into decisions (case_id, outcome, automated, decided_by, reference_date, reasons,"
                        + " amounts, fired_rules, chain_lane, chain_position, chain_hash, input_hash)"
                        + " values (?, 'GRANTED', true, 'engine', current_date, '[]', '{}', '[]', 0, 2, 'not its hash',"
                        + " ?) returning id",
                Long.class,
                caseId,
                inputDigest(caseId));

        ChainVerification verification = verifier.verify();

        assertThat(verification.breaks())
                .singleElement()
                .extracting(ChainBreak::table, ChainBreak::id, ChainBreak::position, ChainBreak::kind)
                .containsExactly("decisions", wrong, 2L, Kind.CONTENT_CHANGED);
    }

    @Test
    void aDecisionOrReviewTaskCannotNameTheCaseOfAnotherMunicipality() {
        long ownCase = queuedCase();
        long othersCase;
        try (Municipality.Scope other = Municipality.enter(TestDatabase.newMunicipality())) {
            othersCase = queuedCase();
        }

        // the recorder does not see that case in the queue; the table itself refuses it too
        assertThat(recorder.record(List.of(decided(othersCase, "not ours", null))))
                .isEmpty();
        assertThatThrownBy(() -> decisions.insertAutomated(List.of(decided(othersCase, "not ours", null))))
                .hasMessageContaining("decisions_case_in_municipality");
        assertThatThrownBy(() -> reviewTask(othersCase)).hasMessageContaining("review_tasks_case_in_municipality");
        assertThat(recorder.record(List.of(decided(ownCase, "ours", null)))).hasSize(1);
    }

    @Test
    void aDecisionOrReviewTaskCannotNameACaseThatDoesNotExist() {
        long ownCase = queuedCase();
        long noCase = ownCase + 1_000_000;

        // one row without its case refuses the whole statement
        assertThatThrownBy(() -> decisions.insertAutomated(
                        List.of(decided(ownCase, "ours", null), decided(noCase, "nobody's", null))))
                .hasMessageContaining("decisions_case_in_municipality")
                .hasMessageContaining("has no case " + noCase);
        assertThatThrownBy(() -> reviewTask(noCase)).hasMessageContaining("review_tasks_case_in_municipality");
        assertThat(decisions.findFor(ownCase)).isEmpty();
    }

    @Test
    void aCaseThatADecisionOrTaskNamesStaysWithItsIdAndMunicipality() {
        JdbcTemplate owner = new JdbcTemplate(TestDatabase.owner());
        long decided = queuedCase();
        decisions.insertAutomated(List.of(decided(decided, "kept", null)));
        long reviewed = queuedCase();
        reviewTask(reviewed);
        long unnamed = queuedCase();
        String municipality = Municipality.current().orElseThrow();
        String other = TestDatabase.newMunicipality();

        assertThatThrownBy(() -> owner.update("delete from cases where id = ?", decided))
                .hasMessageContaining("is named by a decision or review task and stays");
        assertThatThrownBy(() -> owner.update("delete from cases where id = ?", reviewed))
                .hasMessageContaining("is named by a decision or review task and stays");
        assertThatThrownBy(() -> owner.update("update cases set municipality = ? where id = ?", other, decided))
                .hasMessageContaining("keeps its id and municipality");
        assertThatThrownBy(() -> owner.update("update cases set id = default where id = ?", unnamed))
                .hasMessageContaining("keeps its id and municipality");
        assertThat(owner.queryForObject(
                        "select count(*) from cases where id in (?, ?, ?) and municipality = ?",
                        Long.class,
                        decided,
                        reviewed,
                        unnamed,
                        municipality))
                .isEqualTo(3);

        // a case nothing names yet can go, and a status change is no change of key
        assertThat(jdbc.update("update cases set status = 'DECIDED' where id = ?", reviewed))
                .isEqualTo(1);
        assertThat(owner.update("delete from cases where id = ?", unnamed)).isEqualTo(1);
    }

    /**
     * The application a decision was taken on is kept as received: the runtime login (which updates
     * a case's status) and the owner could rewrite its input or reference date, which no chain covers,
     * and a recomputation would then have blamed the rules for the difference.
     */
    @Test
    void aCaseKeepsTheApplicationAsReceived() {
        JdbcTemplate owner = new JdbcTemplate(TestDatabase.owner());
        long decided = queuedCase();
        decisions.insertAutomated(List.of(decided(decided, "kept", null)));
        long queued = queuedCase();

        for (JdbcTemplate login : List.of(jdbc, owner)) {
            for (long id : List.of(decided, queued)) {
                for (String change : List.of(
                        "input = '{\"zone\": \"A\"}'",
                        "reference_date = reference_date - 1",
                        "case_type = 'city-pass'",
                        "received_at = received_at - interval '1 day'")) {
                    assertThatThrownBy(() -> login.update("update cases set " + change + " where id = ?", id))
                            .as(change)
                            .hasMessageContaining("keeps its case type, reference date, time of receipt and input");
                }
            }
        }
        assertThat(jdbc.queryForList(
                        "select input::text || ' ' || case_type || ' ' || (reference_date = current_date)"
                                + " from cases where id in (?, ?)",
                        String.class,
                        decided,
                        queued))
                .containsOnly("{} parking-permit true");

        // its status changes, and setting a column to what it holds is no change
        assertThat(jdbc.update("update cases set status = 'DECIDED', status_changed_at = now() where id = ?", decided))
                .isEqualTo(1);
        assertThat(jdbc.update("update cases set input = input, reference_date = reference_date where id = ?", queued))
                .isEqualTo(1);
    }

    @Test
    void theDatabaseKeepsACaseToOneAutomatedDecisionAndAnyNumberOfReviewers() {
        long caseId = queuedCase();
        decisions.insertAutomated(List.of(decided(caseId, "first", null)));

        // past the recorder, which would skip a case no longer queued: the index itself refuses
        assertThatThrownBy(() -> decisions.insertAutomated(List.of(decided(caseId, "second", null))))
                .hasMessageContaining("decisions_of_case");
        decisions.insertByReviewer(
                caseId, reviewTask(caseId), "reviewer", "GRANTED", LocalDate.of(2026, 12, 1), "Toegekend", Map.of());
        jdbc.update("update review_tasks set status = 'CLOSED' where case_id = ?", caseId);
        decisions.insertByReviewer(
                caseId, reviewTask(caseId), "reviewer", "REJECTED", LocalDate.of(2026, 12, 2), "Afgewezen", Map.of());

        assertThat(decisions.findFor(caseId))
                .extracting(StoredDecision::automated)
                .containsExactlyInAnyOrder(true, false, false);
    }

    @Test
    void decisionsOfNewlyStoredCasesAreRecordedOnlyInTheTransactionThatStoredThem() {
        long caseId = queuedCase();

        // outside a transaction the case would be committed as stored without its decision
        assertThatThrownBy(() -> recorder.recordNewlyStored(List.of(decided(caseId, "alone", null))))
                .isInstanceOf(IllegalTransactionStateException.class);
        assertThat(decisions.findFor(caseId)).isEmpty();

        List<RecordedDecision> recorded = new TransactionTemplate(transactions)
                .execute(status -> recorder.recordNewlyStored(List.of(decided(caseId, "together", null))));
        assertThat(recorded)
                .singleElement()
                .satisfies(one -> assertThat(one.decided().caseId()).isEqualTo(caseId));
        assertThat(decisions.findFor(caseId)).hasSize(1);
        assertThat(verifier.verify().breaks()).isEmpty();
    }

    private long queuedCase() {
        return jdbc.queryForObject(
                "insert into cases (case_type, reference_date, input) values ('parking-permit', current_date, '{}')"
                        + " returning id",
                Long.class);
    }

    private long reviewTask(long caseId) {
        return jdbc.queryForObject(
                "insert into review_tasks (case_id, reason_codes, deadline) values (?, '{}', current_date) returning id",
                Long.class,
                caseId);
    }

    /** A decision that puts the text everywhere a decision row holds text the engine wrote. */
    private static DecidedCase decided(long caseId, String text, Long runId) {
        LocalDate referenceDate = LocalDate.of(2026, 12, 1);
        Map<String, String> motivation = new LinkedHashMap<>();
        motivation.put("nl", "U krijgt " + text);
        motivation.put("en", "You get " + text);
        Map<String, BigDecimal> amounts = new LinkedHashMap<>();
        amounts.put("fee", new BigDecimal("120.00"));
        amounts.put(text.isEmpty() ? "z" : text, new BigDecimal("-0.50"));
        amounts.put("aa", new BigDecimal("1E+3"));
        Map<String, LocalDate> dates = new LinkedHashMap<>();
        dates.put("valid_until", referenceDate.plusYears(1));
        dates.put("é", referenceDate);
        DecisionOutcome outcome = new DecisionOutcome(
                "parking-permit",
                referenceDate,
                Outcome.GRANTED,
                List.of(
                        new Reason("PERMIT_GRANTED", Outcome.GRANTED, "Art. 7 " + text, motivation),
                        new Reason("NOTE", Outcome.GRANTED, null, Map.of("nl", text))),
                amounts,
                dates,
                text.isEmpty() ? null : "PARKING_PERMIT/" + text,
                "NORMS/2026",
                List.of("Art. 7 " + text, text),
                text.contains("quote") ? "an error: " + text : null,
                "rule-set-hash",
                "norm-hash");
        return new DecidedCase(caseId, outcome, null, runId, InputDigest.of("{}")); // as queuedCase() stores it
    }

    /** The digest of the case's input as stored, which a decision written by hand must carry too. */
    private String inputDigest(long caseId) {
        return jdbc.queryForObject(
                "select " + InputDigest.IN_SQL.formatted("input") + " from cases where id = ?", String.class, caseId);
    }
}
