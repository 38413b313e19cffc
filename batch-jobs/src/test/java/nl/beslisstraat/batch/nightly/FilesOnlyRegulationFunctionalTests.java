package nl.beslisstraat.batch.nightly;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Map;
import nl.beslisstraat.engine.support.DatabaseIntegrationTest;
import nl.beslisstraat.engine.support.TestDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Issue 10, item 7: the nightly run decides a regulation that was added as files only. Remission
 * of dog tax lives in the engine's test resources (with the engine tests that take it through
 * intake, review and upload: {@code FilesOnlyRegulationIntegrationTests}); neither the engine nor
 * this job has code for it.
 */
@SpringBootTest(properties = "beslisstraat.command-line.enabled=false")
class FilesOnlyRegulationFunctionalTests extends DatabaseIntegrationTest {

    @Autowired
    NightlyRunLauncher launcher;

    @Autowired
    NightlyRuns runs;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void theNightlyRunDecidesARegulationAddedAsFiles() throws Exception {
        // given
        sqlAsOwner("nightly/clean.sql");
        sql("nightly/dog-tax-remission.sql");

        // when
        JobExecution run = launcher.run(LocalDate.of(2026, 10, 5), "dog-tax-remission", false);

        // then
        assertThat(run.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        RunCounts counts = runs.find(run.getJobInstance().getInstanceId())
                .orElseThrow()
                .byCaseType()
                .get("DOG_TAX_REMISSION");
        assertThat(counts.read()).isEqualTo(3);
        assertThat(counts.granted()).isEqualTo(1);
        assertThat(counts.rejected()).isEqualTo(1);
        assertThat(counts.toReview()).isEqualTo(1);
        assertThat(counts.failed()).isZero();
        assertThat(decision("2026-03-01"))
                .containsEntry("outcome", "GRANTED")
                .containsEntry("rule_set_version", "DOG_TAX_REMISSION/2026.1")
                .containsEntry("amounts", "{\"remittedDogTax\": \"160.00\"}");
        assertThat(decision("2026-03-02")).containsEntry("outcome", "REJECTED");
        assertThat(decision("2026-03-03")).containsEntry("outcome", "NEEDS_REVIEW");
        assertThat(jdbc.queryForObject(
                        "select count(*) from review_tasks t join cases c on c.id = t.case_id"
                                + " where c.case_type = 'DOG_TAX_REMISSION' and t.status = 'OPEN'",
                        Long.class))
                .isEqualTo(1);
    }

    private Map<String, Object> decision(String referenceDate) {
        return jdbc.queryForMap(
                "select d.outcome, d.rule_set_version, d.amounts::text as amounts from decisions d"
                        + " join cases c on c.id = d.case_id"
                        + " where c.case_type = 'DOG_TAX_REMISSION' and c.reference_date = ?::date",
                referenceDate);
    }

    private void sql(String script) throws IOException {
        jdbc.execute(new ClassPathResource(script).getContentAsString(StandardCharsets.UTF_8));
    }

    /** Runs a script that only the schema's owner may (truncating, changing triggers). */
    private static void sqlAsOwner(String script) throws IOException {
        new JdbcTemplate(TestDatabase.owner())
                .execute(new ClassPathResource(script).getContentAsString(StandardCharsets.UTF_8));
    }
}
