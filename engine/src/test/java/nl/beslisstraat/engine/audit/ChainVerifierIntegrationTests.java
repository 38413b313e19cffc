package nl.beslisstraat.engine.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.IntStream;
import nl.beslisstraat.engine.audit.ChainBreak.Kind;
import nl.beslisstraat.engine.cases.InputDigest;
import nl.beslisstraat.engine.support.DatabaseIntegrationTest;
import nl.beslisstraat.engine.support.TestDatabase;
import nl.beslisstraat.engine.tenancy.Municipality;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Tampering as the database's superuser would, with the triggers out of the way: each time the
 * verifier names exactly the first entry that no longer holds. Every test works in a municipality
 * of its own, so its chain is its own.
 */
@SpringBootTest
class ChainVerifierIntegrationTests extends DatabaseIntegrationTest {

    @Autowired
    AuditLog auditLog;

    @Autowired
    ChainVerifier verifier;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    PlatformTransactionManager transactions;

    private final JdbcTemplate owner = new JdbcTemplate(TestDatabase.owner());
    private String municipality;
    private Municipality.Scope scope;
    private List<Long> entries;
    private List<Long> decisions;

    @BeforeEach
    void chainOfItsOwn() {
        municipality = TestDatabase.newMunicipality();
        scope = Municipality.enter(municipality);
        auditLog.appendAll(IntStream.rangeClosed(1, 5)
                .mapToObj(i ->
                        new AuditEntry("reviewer" + i, "REVIEWED", "case", "c" + i, "{\"motivation\":\"m" + i + "\"}"))
                .toList());
        entries = jdbc.queryForList("select id from audit_log order by chain_position", Long.class);
        Long caseId = jdbc.queryForObject(
                "insert into cases (case_type, reference_date, input) values ('parking-permit', current_date, '{}')"
                        + " returning id",
                Long.class);
        for (String outcome : List.of("GRANTED", "REJECTED", "GRANTED")) {
            jdbc.update(
                    "insert into decisions (case_id, outcome, automated, decided_by, reference_date, reasons, amounts,"
                            + " fired_rules, input_hash) values (?, ?, false, 'reviewer1', current_date, '[]', '{}', '[]',"
                            + " ?)",
                    caseId,
                    outcome,
                    InputDigest.of("{}"));
        }
        decisions = jdbc.queryForList("select id from decisions order by chain_position", Long.class);
    }

    @AfterEach
    void leave() {
        scope.close();
    }

    @Test
    void linksAppendedByManyStatementsOfOneTransactionWithARolledBackSavepointFormOneUnbrokenChain() {
        TransactionTemplate transaction = new TransactionTemplate(transactions);
        TransactionTemplate savepoint = new TransactionTemplate(transactions);
        savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);

        transaction.executeWithoutResult(status -> {
            auditLog.appendAll(List.of(entry("first"), entry("second")));
            try {
                savepoint.executeWithoutResult(inner -> {
                    auditLog.appendAll(List.of(entry("undone")));
                    throw new IllegalStateException("rolled back to the savepoint");
                });
            } catch (IllegalStateException expected) {
                // the savepoint's link is gone, and with it the link it left for the next one
            }
            auditLog.appendAll(List.of(entry("third")));
        });
        auditLog.appendAll(List.of(entry("next transaction")));

        assertThat(verifier.verify().intact()).isTrue();
        assertThat(jdbc.queryForList("select chain_position from audit_log order by chain_position", Long.class))
                .containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L);
        assertThat(jdbc.queryForList(
                        "select actor from audit_log where chain_position > 5 order by chain_position", String.class))
                .containsExactly("first", "second", "third", "next transaction");
    }

    @Test
    void aConnectionWhoseFirstLinkWasRolledBackAppendsTheNextLink() throws Exception {
        // a pooled connection's first transaction that appends a link may roll back (a batch of
        // decide-now requests that fails is tried again request by request, on the same connection);
        // a new connection, so that no earlier transaction left a setting behind
        try (java.sql.Connection connection = TestDatabase.owner().getConnection()) {
            connection.setAutoCommit(false);
            String insert = "insert into audit_log (actor, action, subject_type, subject_id, details)"
                    + " values (?, 'REVIEWED', 'case', 'c', '{}')";
            for (String actor : List.of("rolled back", "kept")) {
                // in the transaction, as the application sets it: a rollback undoes it too
                try (var setting =
                        connection.prepareStatement("select set_config('beslisstraat.municipality', ?, false)")) {
                    setting.setString(1, municipality);
                    setting.execute();
                }
                try (var statement = connection.prepareStatement(insert)) {
                    statement.setString(1, actor);
                    statement.executeUpdate();
                }
                if (actor.equals("rolled back")) {
                    connection.rollback();
                } else {
                    connection.commit();
                }
            }
        }

        assertThat(verifier.verify().intact()).isTrue();
        assertThat(jdbc.queryForList(
                        "select actor from audit_log where chain_position > 5 order by chain_position", String.class))
                .containsExactly("kept");
    }

    @Test
    void twoTransactionsAppendingAtOnceTakeTwoLanesAndEachLaneHolds() throws Exception {
        TransactionTemplate transaction = new TransactionTemplate(transactions);
        java.util.concurrent.CountDownLatch firstAppended = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch secondDone = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.ExecutorService other = java.util.concurrent.Executors.newSingleThreadExecutor();
        try {
            java.util.concurrent.Future<?> first = other.submit(() -> Municipality.run(
                    municipality,
                    () -> transaction.executeWithoutResult(status -> {
                        auditLog.appendAll(List.of(entry("holds lane 0")));
                        firstAppended.countDown();
                        await(secondDone); // the first lane's head stays locked until this commits
                        auditLog.appendAll(List.of(entry("still lane 0")));
                    })));
            await(firstAppended);

            transaction.executeWithoutResult(status -> auditLog.appendAll(List.of(entry("takes lane 1"))));
            secondDone.countDown();
            first.get(60, java.util.concurrent.TimeUnit.SECONDS);
        } finally {
            other.shutdownNow();
        }

        ChainVerification verification = verifier.verify();
        assertThat(verification.intact()).as("%s", verification.breaks()).isTrue();
        assertThat(jdbc.queryForList(
                        "select actor || ' ' || chain_lane || ':' || chain_position from audit_log"
                                + " where chain_position > 5 or chain_lane > 0 order by chain_lane, chain_position",
                        String.class))
                .containsExactly("holds lane 0 0:6", "still lane 0 0:7", "takes lane 1 1:1");
        assertThat(verification.heads())
                .extracting(ChainHead::table, ChainHead::position)
                .contains(
                        org.assertj.core.groups.Tuple.tuple("audit_log", 7L),
                        org.assertj.core.groups.Tuple.tuple("audit_log#1", 1L));
    }

    private static void await(java.util.concurrent.CountDownLatch latch) {
        try {
            if (!latch.await(60, java.util.concurrent.TimeUnit.SECONDS)) {
                throw new IllegalStateException("the other transaction did not get on");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static AuditEntry entry(String actor) {
        return new AuditEntry(actor, "REVIEWED", "case", "c-" + actor, "{}");
    }

    @Test
    void anUntouchedChainIsIntactAndItsHeadsAreTheLastLinks() {
        ChainVerification verification = verifier.verify();

        assertThat(verification.intact()).as("%s", verification.breaks()).isTrue();
        assertThat(verification.heads())
                .extracting(ChainHead::table, ChainHead::position)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("audit_log", 5L),
                        org.assertj.core.groups.Tuple.tuple("decisions", 3L));
        assertThat(verification.heads()).isEqualTo(verifier.heads());
    }

    @Test
    void namesTheEntryWhoseActorWasRewritten() {
        tamper("update audit_log set actor = 'someone-else' where id = " + entries.get(2));

        assertThat(onlyBreak())
                .extracting(ChainBreak::table, ChainBreak::id, ChainBreak::position, ChainBreak::kind)
                .containsExactly("audit_log", entries.get(2), 3L, Kind.CONTENT_CHANGED);
    }

    @Test
    void namesTheEntryWhoseMotivationWasRewritten() {
        tamper("update audit_log set details = '{\"motivation\":\"other\"}' where id = " + entries.get(0));

        assertThat(onlyBreak())
                .extracting(ChainBreak::id, ChainBreak::kind)
                .containsExactly(entries.get(0), Kind.CONTENT_CHANGED);
    }

    @Test
    void namesTheDeletedEntrysPlace() {
        tamper("delete from audit_log where id = " + entries.get(1));

        ChainBreak broken = onlyBreak();
        assertThat(broken)
                .extracting(ChainBreak::table, ChainBreak::position, ChainBreak::kind)
                .containsExactly("audit_log", 2L, Kind.MISSING);
        assertThat(broken.detail()).contains("id " + entries.get(2));
    }

    @Test
    void noticesTheLastEntriesDeleted() {
        tamper("delete from audit_log where id = " + entries.get(4));

        assertThat(onlyBreak())
                .extracting(ChainBreak::position, ChainBreak::kind)
                .containsExactly(5L, Kind.MISSING);
    }

    @Test
    void namesAForgedEntryInsertedBetweenTwo() {
        tamper("update audit_log set chain_position = -chain_position where chain_position >= 3 and municipality = '"
                + municipality
                + "'; update audit_log set chain_position = 1 - chain_position where chain_position < 0");
        tamper("insert into audit_log (actor, action, subject_type, subject_id, details, municipality, chain_position,"
                + " chain_hash) values ('forger', 'REVIEWED', 'case', 'c9', '{}', '" + municipality + "', 3, 'f00d')");
        Long forged = owner.queryForObject(
                "select id from audit_log where actor = 'forger' and municipality = ?", Long.class, municipality);

        assertThat(onlyBreak())
                .extracting(ChainBreak::id, ChainBreak::position, ChainBreak::kind)
                .containsExactly(forged, 3L, Kind.INSERTED);
    }

    @Test
    void namesAForgedEntryAppendedAfterTheHead() {
        tamper("insert into audit_log (actor, action, subject_type, subject_id, details, municipality, chain_position,"
                + " chain_hash) values ('forger', 'REVIEWED', 'case', 'c9', '{}', '" + municipality + "', 6, 'f00d')");
        Long forged = owner.queryForObject(
                "select id from audit_log where actor = 'forger' and municipality = ?", Long.class, municipality);

        assertThat(onlyBreak())
                .extracting(ChainBreak::id, ChainBreak::position, ChainBreak::kind)
                .containsExactly(forged, 6L, Kind.INSERTED);
    }

    @Test
    void theNextLinkDoesNotBuildOnAForgedEntryAfterTheHead() {
        tamper("insert into audit_log (actor, action, subject_type, subject_id, details, municipality, chain_position,"
                + " chain_hash) values ('forger', 'REVIEWED', 'case', 'c9', '{}', '" + municipality + "', 6, 'f00d')");

        // the next link takes the head's place, which the forged entry holds: refused, nothing stored
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> auditLog.appendAll(List.of(entry("next"))))
                .isInstanceOf(org.springframework.dao.DataIntegrityViolationException.class);
        assertThat(jdbc.queryForList("select actor from audit_log where chain_position > 5", String.class))
                .containsExactly("forger");
        assertThat(onlyBreak().kind()).isEqualTo(Kind.INSERTED);
    }

    @Test
    void namesTheFirstOfTwoEntriesSwapped() {
        tamper("update audit_log set chain_position = -chain_position where id in (" + entries.get(1) + ", "
                + entries.get(2) + "); update audit_log set chain_position = case id when " + entries.get(1)
                + " then 3 else 2 end where id in (" + entries.get(1) + ", " + entries.get(2) + ")");

        assertThat(onlyBreak())
                .extracting(ChainBreak::id, ChainBreak::position, ChainBreak::kind)
                .containsExactly(entries.get(2), 2L, Kind.REORDERED);
    }

    @Test
    void namesTheDecisionTurnedFromRejectedIntoGranted() {
        tamper("update decisions set outcome = 'GRANTED' where id = " + decisions.get(1));

        assertThat(onlyBreak())
                .extracting(ChainBreak::table, ChainBreak::id, ChainBreak::position, ChainBreak::kind)
                .containsExactly("decisions", decisions.get(1), 2L, Kind.CONTENT_CHANGED);
    }

    @Test
    void aRewriteOfTheWholeChainIsCaughtAgainstAnEarlierHead() {
        List<ChainHead> earlier = verifier.heads();
        // a rewrite as a careful attacker would make it: every hash recomputed, the head moved along
        tamper("update audit_log set actor = 'someone-else' where id = " + entries.get(0));
        owner.execute("set session_replication_role = replica");
        String previous = "";
        for (Long id : entries) {
            String content =
                    owner.queryForObject("select chain_content(x) from audit_log x where id = ?", String.class, id);
            previous = ChainReservation.link(previous, content);
            tamper("update audit_log set chain_hash = '" + previous + "' where id = " + id);
        }
        tamper("update chain_heads set hash = '" + previous + "' where chain_table = 'audit_log' and municipality = '"
                + municipality + "'");
        assertThat(verifier.verify().intact()).as("consistent in itself").isTrue();

        ChainVerification verification = verifier.verify(earlier);

        assertThat(verification.breaks())
                .singleElement()
                .extracting(ChainBreak::table, ChainBreak::id, ChainBreak::position, ChainBreak::kind)
                .containsExactly("audit_log", entries.get(4), 5L, Kind.REWRITTEN);
    }

    @Test
    void theRuntimeLoginCannotMoveTheHead() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> jdbc.update("update chain_heads set position = 0"))
                .rootCause()
                .hasMessageContaining("permission denied");
    }

    private ChainBreak onlyBreak() {
        ChainVerification verification = verifier.verify();
        assertThat(verification.breaks()).hasSize(1);
        return verification.breaks().get(0);
    }

    /** As the superuser, with every trigger off for the statement. */
    private void tamper(String sql) {
        owner.execute("begin; set local session_replication_role = replica; " + sql + "; commit");
    }
}
