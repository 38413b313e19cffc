package nl.beslisstraat.engine.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import nl.beslisstraat.engine.cases.CaseApplication;
import nl.beslisstraat.engine.cases.CaseStore;
import nl.beslisstraat.engine.decision.DecisionRecorder;
import nl.beslisstraat.engine.decision.DecisionService;
import nl.beslisstraat.engine.support.DatabaseIntegrationTest;
import nl.beslisstraat.engine.support.Http;
import nl.beslisstraat.engine.support.TestDatabase;
import nl.beslisstraat.engine.support.TestUsers;
import nl.beslisstraat.engine.tenancy.Municipality;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Deciding at once while the database cannot store: a request waits a bounded time, and is told
 * "nothing stored" only when nothing was, whether its application was still waiting for the writer
 * or the writer's transaction was ended for taking too long.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "beslisstraat.intake.decide-now.answer-within=300ms",
            "beslisstraat.intake.decide-now.store-within=1s"
        })
class ImmediateDecisionsSlowDatabaseIntegrationTests extends DatabaseIntegrationTest {

    @LocalServerPort
    int port;

    @Autowired
    CaseStore cases;

    @Autowired
    DecisionService decisionService;

    @Autowired
    DecisionRecorder recorder;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    ApplicationReader reader;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aRequestThatCannotBeStoredInTimeIsToldNothingWasStoredAndNothingIs() throws Exception {
        String municipality = TestDatabase.newMunicipality();
        // one writer, one application a batch: the second request waits behind the first
        ImmediateDecisions decisions = oneWriter(1, Duration.ofMillis(500), Duration.ofSeconds(2));
        CaseApplication application = reader.read(Http.resource("intake/parking-permit-zone-a.json"));
        long before = decide(decisions, municipality, application).stored().id();

        ExecutorService senders = Executors.newFixedThreadPool(2);
        // given: another transaction holds every lane of the municipality's chain of decisions
        try (Connection holder = holdEveryLane(municipality)) {
            // when: two requests come, the first taken by the writer, the second waiting for it
            Future<ImmediateDecisions.Decided> taken =
                    senders.submit(() -> decide(decisions, municipality, application));
            Thread.sleep(100);
            Future<ImmediateDecisions.Decided> waiting =
                    senders.submit(() -> decide(decisions, municipality, application));

            // then: both are told that nothing was stored (a minute is only there to fail rather than hang)
            assertThat(failureOf(waiting))
                    .as("taken back from the queue after half a second")
                    .isInstanceOf(ImmediateDecisions.NothingStored.class);
            assertThat(failureOf(taken))
                    .as("its transaction ended after two seconds")
                    .isInstanceOf(ImmediateDecisions.NothingStored.class)
                    .hasMessageContaining("nothing was stored");
            holder.rollback();
        } finally {
            senders.shutdown();
        }

        // and: nothing of them is stored, and the next request is stored as usual
        long after = decide(decisions, municipality, application).stored().id();
        try (Municipality.Scope ignored = Municipality.enter(municipality)) {
            assertThat(jdbc.queryForList("select id from cases order by id", Long.class))
                    .containsExactly(before, after);
            assertThat(jdbc.queryForList("select case_id from decisions order by case_id", Long.class))
                    .containsExactly(before, after);
        }
    }

    @Test
    void anApplicationTheDatabaseRefusesFailsAloneAndTheRestOfItsBatchIsStored() throws Exception {
        String municipality = TestDatabase.newMunicipality();
        ImmediateDecisions decisions = oneWriter(8, Duration.ofSeconds(30), Duration.ofSeconds(30));
        CaseApplication application = reader.read(Http.resource("intake/parking-permit-zone-a.json"));
        // six applications of one client, the fourth and the sixth with the same key
        List<String> keys = List.of("once-0", "once-1", "once-2", "twice", "once-4", "twice");
        ExecutorService senders = Executors.newFixedThreadPool(7);
        List<Future<ImmediateDecisions.Decided>> sent = new ArrayList<>();
        try {
            // given: the writer is held by a first application while the six wait, so they go in one batch
            try (Connection holder = holdEveryLane(municipality)) {
                senders.submit(() -> decideAsClient(decisions, municipality, application, "first"));
                Thread.sleep(300);
                for (String key : keys) {
                    sent.add(senders.submit(() -> decideAsClient(decisions, municipality, application, key)));
                }
                Thread.sleep(300);
                holder.rollback();
            }

            // then: the database refuses the batch for the second "twice" alone; the five others are stored
            List<Throwable> failures = new ArrayList<>();
            for (Future<ImmediateDecisions.Decided> request : sent) {
                Throwable failure = failureOf(request);
                if (failure != null) {
                    failures.add(failure);
                }
            }
            assertThat(failures).hasSize(1);
            assertThat(failures.get(0)).isInstanceOf(org.springframework.dao.DuplicateKeyException.class);
        } finally {
            senders.shutdown();
        }
        try (Municipality.Scope ignored = Municipality.enter(municipality)) {
            assertThat(jdbc.queryForList(
                            "select idempotency_key from cases where submitted_by = 'eloket' order by idempotency_key",
                            String.class))
                    .containsExactly("first", "once-0", "once-1", "once-2", "once-4", "twice");
            assertThat(jdbc.queryForObject("select count(*) from decisions", Long.class))
                    .isEqualTo(6);
        }
    }

    private static ImmediateDecisions.Decided decideAsClient(
            ImmediateDecisions decisions, String municipality, CaseApplication application, String key) {
        SecurityContextHolder.getContext()
                .setAuthentication(UsernamePasswordAuthenticationToken.authenticated("eloket", null, List.of()));
        try (Municipality.Scope ignored = Municipality.enter(municipality)) {
            return decisions.decide(application, key);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    @Test
    void overHttpTheClientGets503WithRetryAfterAndNothingIsStored() throws Exception {
        String body = Http.resource("intake/parking-permit-zone-a.json");
        long casesBefore = jdbc.queryForObject("select count(*) from cases", Long.class);
        HttpResponse<String> refused;
        try (Connection holder = holdEveryLane(Municipality.DEFAULT)) {
            refused = new Http(port).as(TestUsers.INTAKE).post("/api/cases/decide-now", "application/json", body);
            holder.rollback();
        }

        assertThat(refused.statusCode()).isEqualTo(503);
        assertThat(refused.headers().firstValue("Retry-After")).hasValue("5");
        assertThat(refused.body()).contains("Not stored in time").contains("nothing was stored");
        assertThat(jdbc.queryForObject("select count(*) from cases", Long.class))
                .isEqualTo(casesBefore);
        assertThat(new Http(port)
                        .as(TestUsers.INTAKE)
                        .post("/api/cases/decide-now", "application/json", body)
                        .statusCode())
                .isEqualTo(201);
    }

    @Test
    void aCommitThatHangsIsAnsweredAsUnknownAndTheSameKeyLaterGivesTheCaseItStored() throws Exception {
        String body = Http.resource("intake/parking-permit-zone-a.json");
        String key = "slow-commit-" + java.util.UUID.randomUUID();
        HttpResponse<String> unknown;
        // given: the commit of a case sent with this key waits four seconds, where no statement
        // limit reaches (a deferred check runs in the commit itself)
        try (Connection owner = TestDatabase.owner().getConnection();
                java.sql.Statement ddl = owner.createStatement()) {
            ddl.execute("drop trigger if exists slow_commit on cases"); // of a run that was killed
            ddl.execute("""
                    create or replace function slow_commit() returns trigger language plpgsql as $$
                    begin perform pg_sleep(4); return null; end $$""");
            ddl.execute("""
                    create constraint trigger slow_commit after insert on cases deferrable initially deferred
                    for each row when (new.idempotency_key like 'slow-commit-%') execute function slow_commit()""");
            try {
                // when: it is decided at once
                unknown = new Http(port)
                        .as(TestUsers.INTAKE)
                        .post("/api/cases/decide-now", "application/json", body, "Idempotency-Key", key);
            } finally {
                ddl.execute("drop trigger slow_commit on cases");
                ddl.execute("drop function slow_commit()");
            }
        }

        // then: after twice store-within the client hears that the outcome is not known, not "not stored"
        assertThat(unknown.statusCode()).isEqualTo(500);
        assertThat(unknown.body()).contains("Outcome unknown").contains("same Idempotency-Key");
        // and: the commit went through after all, so sending the same key again gives that case
        Long stored = waitForCaseSentWith(key);
        HttpResponse<String> again = new Http(port)
                .as(TestUsers.INTAKE)
                .post("/api/cases/decide-now", "application/json", body, "Idempotency-Key", key);
        assertThat(again.statusCode()).as(again.body()).isEqualTo(201);
        assertThat(again.headers().firstValue("Location")).hasValue("/api/cases/" + stored);
        try (Municipality.Scope ignored = Municipality.enter(Municipality.DEFAULT)) {
            assertThat(jdbc.queryForObject("select count(*) from decisions where case_id = ?", Long.class, stored))
                    .isEqualTo(1);
        }
    }

    /** The case stored with the key, once its commit is through (a minute is only there to fail rather than hang). */
    private Long waitForCaseSentWith(String key) throws InterruptedException {
        long until = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
        try (Municipality.Scope ignored = Municipality.enter(Municipality.DEFAULT)) {
            while (System.nanoTime() < until) {
                List<Long> ids = jdbc.queryForList("select id from cases where idempotency_key = ?", Long.class, key);
                if (!ids.isEmpty()) {
                    return ids.get(0);
                }
                Thread.sleep(100);
            }
        }
        throw new AssertionError("No case was stored with key " + key);
    }

    /** Decides at once with one writer, batches of at most {@code maxBatch} and these time limits. */
    private ImmediateDecisions oneWriter(int maxBatch, Duration answerWithin, Duration storeWithin) {
        return new ImmediateDecisions(
                cases,
                decisionService,
                recorder,
                transactions,
                maxBatch,
                1,
                Duration.ofMillis(2),
                answerWithin,
                storeWithin);
    }

    /** Another transaction, holding every lane of the municipality's chain of decisions until it ends. */
    private static Connection holdEveryLane(String municipality) throws SQLException {
        Connection holder = TestDatabase.owner().getConnection();
        holder.setAutoCommit(false);
        try (PreparedStatement lanes = holder.prepareStatement("""
                insert into chain_heads (chain_table, municipality, position, hash)
                select chain_head_name('decisions', lane::smallint), ?, 0, ''
                from generate_series(0, 3) lane
                on conflict do nothing""")) {
            lanes.setString(1, municipality);
            lanes.executeUpdate();
        }
        try (PreparedStatement lock =
                holder.prepareStatement("select 1 from chain_heads where municipality = ? for update")) {
            lock.setString(1, municipality);
            lock.executeQuery().close();
        }
        return holder;
    }

    private static ImmediateDecisions.Decided decide(
            ImmediateDecisions decisions, String municipality, CaseApplication application) {
        try (Municipality.Scope ignored = Municipality.enter(municipality)) {
            return decisions.decide(application);
        }
    }

    private static Throwable failureOf(Future<?> request) throws Exception {
        try {
            request.get(1, TimeUnit.MINUTES);
            return null;
        } catch (ExecutionException failed) {
            return failed.getCause();
        }
    }
}
