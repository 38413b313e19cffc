package nl.beslisstraat.batch.nightly;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import nl.beslisstraat.engine.authoring.Candidate;
import nl.beslisstraat.engine.authoring.RuleSetCandidates;
import nl.beslisstraat.engine.regulation.DecisionDeadline;
import nl.beslisstraat.engine.support.DatabaseIntegrationTest;
import nl.beslisstraat.engine.support.TestDatabase;
import nl.beslisstraat.engine.support.TestUsers;
import nl.beslisstraat.engine.tenancy.Municipality;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Two municipalities on one installation, as their officers and the night would have it: each
 * sets its own parking fee on the shared model (drafted by one officer, approved by a colleague),
 * and one nightly run decides both queues, each with its own fee; the diesel surcharge of the model
 * comes on top of each. No query in the application's role sees a case without a municipality.
 */
@SpringBootTest(properties = "beslisstraat.command-line.enabled=false")
class SharedModelFunctionalTests extends DatabaseIntegrationTest {

    private static final String UTRECHT = Municipality.DEFAULT;
    private static final String ZWOLLE = TestUsers.ZWOLLE;

    @Autowired
    NightlyRunLauncher launcher;

    @Autowired
    RuleSetCandidates candidates;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void eachMunicipalitySetsItsOwnParkingFeeAndTheNightDecidesBothQueuesWithIt() throws Exception {
        // given: both municipalities' officers set zone A's fee, each approved by a colleague
        sqlAsOwner("nightly/clean.sql");
        TestUsers.ensureZwolle(accounts, jdbc);
        LocalDate today = LocalDate.now(DecisionDeadline.NETHERLANDS);
        String version = "night-" + System.nanoTime() % 1_000_000;
        Municipality.run(
                UTRECHT,
                () -> approveFee(version, "250.00", TestUsers.POLICY_OFFICER, TestUsers.SECOND_POLICY_OFFICER, today));
        Municipality.run(
                ZWOLLE,
                () -> approveFee(
                        version,
                        "180.00",
                        TestUsers.ZWOLLE_POLICY_OFFICER,
                        TestUsers.ZWOLLE_SECOND_POLICY_OFFICER,
                        today));
        Municipality.run(UTRECHT, () -> queue(today, 3));
        Municipality.run(ZWOLLE, () -> queue(today, 2));

        // when
        JobExecution run = launcher.run(today, "shared-model-" + version, false);

        // then: each queue is decided with its own municipality's fee
        assertThat(run.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(Municipality.call(UTRECHT, () -> fees("PETROL")))
                .containsOnly("250.00")
                .hasSize(3);
        assertThat(Municipality.call(UTRECHT, () -> fees("DIESEL")))
                .containsOnly("375.00")
                .hasSize(3);
        assertThat(Municipality.call(ZWOLLE, () -> fees("PETROL")))
                .containsOnly("180.00")
                .hasSize(2);
        assertThat(Municipality.call(ZWOLLE, () -> fees("DIESEL")))
                .containsOnly("270.00")
                .hasSize(2);
        assertThat(Municipality.call(ZWOLLE, () -> versions())).allMatch(label -> label.endsWith("+0193-" + version));
        assertThat(Municipality.call(UTRECHT, () -> versions())).allMatch(label -> label.endsWith("+0344-" + version));

        // and the application's role without a municipality (this test thread works for Utrecht
        // until it leaves) sees none of it
        try (Municipality.Scope none = Municipality.enter(null)) {
            assertThat(Municipality.current()).isEmpty();
            assertThat(jdbc.queryForObject("select count(*) from cases", Long.class))
                    .isZero();
            assertThat(jdbc.queryForObject("select count(*) from decisions", Long.class))
                    .isZero();
            assertThat(jdbc.queryForObject("select count(*) from rule_set_candidates", Long.class))
                    .isZero();
        }
    }

    private void approveFee(String version, String fee, String author, String colleague, LocalDate from) {
        Candidate draft = candidates.uploadChoices("PARKING_PERMIT", version, Map.of("feeZoneA", fee), null, author);
        candidates.approve(draft.id(), colleague, from);
    }

    /** {@code count} petrol and {@code count} diesel (Euro 4) applications in zone A, dated today. */
    private void queue(LocalDate referenceDate, int count) {
        for (int i = 0; i < count; i++) {
            for (String fuel : List.of("PETROL", "DIESEL")) {
                jdbc.update(
                        "insert into cases (case_type, reference_date, input) values ('PARKING_PERMIT', ?, ?::jsonb)",
                        referenceDate,
                        "{\"caseType\": \"PARKING_PERMIT\", \"referenceDate\": \"" + referenceDate
                                + "\", \"zone\": \"A\","
                                + " \"vehicleHolderIsApplicant\": true, \"leaseOrCompanyCar\": false,"
                                + " \"vehicleLength\": \"4.50\", \"vehicleHeight\": \"1.60\", \"fuel\": \"" + fuel
                                + "\", \"euroClass\": 4, \"permitsAtAddress\": 0, \"ownParkingSpace\": false}");
            }
        }
    }

    private List<String> fees(String fuel) {
        return jdbc.queryForList(
                "select d.amounts->>'fee' from decisions d join cases c on c.id = d.case_id"
                        + " where c.input->>'fuel' = ? and d.automated",
                String.class,
                fuel);
    }

    private List<String> versions() {
        return jdbc.queryForList("select rule_set_version from decisions where automated", String.class);
    }

    private static void sqlAsOwner(String script) throws IOException {
        new JdbcTemplate(TestDatabase.owner())
                .execute(new ClassPathResource(script).getContentAsString(StandardCharsets.UTF_8));
    }
}
