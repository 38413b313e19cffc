package nl.beslisstraat.engine.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
import nl.beslisstraat.engine.tenancy.Municipality;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Stopping the engine while applications are being decided at once: every request is answered,
 * either with its case stored and decided or with "the engine is stopping" and nothing stored;
 * none waits for ever, and none is stored without its answer.
 */
@SpringBootTest
class ImmediateDecisionsStopIntegrationTests extends DatabaseIntegrationTest {

    private static final int REQUESTS = 60;

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
    void everyRequestIsAnsweredStoredOrRefusedWhenTheWritersStop() throws Exception {
        String municipality = TestDatabase.newMunicipality();
        ImmediateDecisions decisions = new ImmediateDecisions(
                cases,
                decisionService,
                recorder,
                transactions,
                5,
                1,
                Duration.ofMillis(2),
                Duration.ofMinutes(1),
                Duration.ofMinutes(1));
        CaseApplication application = reader.read(Http.resource("intake/parking-permit-zone-a.json"));

        // when: requests keep coming while the writers are stopped halfway
        ExecutorService senders = Executors.newFixedThreadPool(8);
        List<Future<ImmediateDecisions.Decided>> sent = new ArrayList<>();
        try {
            for (int i = 0; i < REQUESTS; i++) {
                sent.add(senders.submit(() -> {
                    try (Municipality.Scope ignored = Municipality.enter(municipality)) {
                        return decisions.decide(application);
                    }
                }));
                if (i == REQUESTS / 2) {
                    decisions.stop();
                }
            }
        } finally {
            senders.shutdown();
        }

        // then: each answered (a minute is only there to fail rather than hang), stored or refused
        List<Long> answeredStored = new ArrayList<>();
        int refused = 0;
        for (Future<ImmediateDecisions.Decided> request : sent) {
            try {
                answeredStored.add(request.get(1, TimeUnit.MINUTES).stored().id());
            } catch (ExecutionException failed) {
                assertThat(failed.getCause())
                        .isInstanceOf(ImmediateDecisions.NothingStored.class)
                        .hasMessageContaining("stopping");
                refused++;
            }
        }
        assertThat(decisions.isRunning()).isFalse();
        assertThat(refused).as("requests after the stop are refused").isPositive();
        assertThat(answeredStored.size() + refused).isEqualTo(REQUESTS);
        try (Municipality.Scope ignored = Municipality.enter(municipality)) {
            assertThat(jdbc.queryForList("select id from cases order by id", Long.class))
                    .as("exactly the cases whose requests were answered as stored, each with its decision")
                    .containsExactlyInAnyOrderElementsOf(answeredStored);
            assertThat(jdbc.queryForObject("select count(*) from decisions", Long.class))
                    .isEqualTo(answeredStored.size());
        }
        assertThatThrownBy(() -> {
                    try (Municipality.Scope ignored = Municipality.enter(municipality)) {
                        decisions.decide(application);
                    }
                })
                .isInstanceOf(ImmediateDecisions.NothingStored.class)
                .hasMessageContaining("stopping");
    }

    @Test
    void casesAreStoredDecidedOnlyInsideTheTransactionThatRecordsTheirDecisions() {
        String municipality = TestDatabase.newMunicipality();
        CaseApplication application = reader.read(Http.resource("intake/parking-permit-zone-a.json"));
        try (Municipality.Scope ignored = Municipality.enter(municipality)) {
            assertThatThrownBy(() -> cases.storeAll(List.of(new CaseStore.Submission(
                            application,
                            null,
                            DecisionRecorder.statusAfter(decisionService
                                    .decideApplication(application)
                                    .outcome())))))
                    .isInstanceOf(IllegalTransactionStateException.class);
            assertThat(jdbc.queryForObject("select count(*) from cases", Long.class))
                    .isZero();
        }
    }
}
