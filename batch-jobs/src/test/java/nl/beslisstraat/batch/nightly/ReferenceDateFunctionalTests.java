package nl.beslisstraat.batch.nightly;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Map;
import nl.beslisstraat.batch.recompute.RecomputeCommand;
import nl.beslisstraat.engine.decision.Recomputation;
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
 * DOMAIN.md, "the law in force on the reference date applies": one nightly run, decided after
 * both changes took effect, still decides a case dated 30 June 2026 with the rules and norms of
 * then, and one dated 1 July with the new ones; and each decision recomputes identically.
 */
@SpringBootTest(properties = "beslisstraat.command-line.enabled=false")
class ReferenceDateFunctionalTests extends DatabaseIntegrationTest {

    @Autowired
    NightlyRunLauncher launcher;

    @Autowired
    Recomputation recomputation;

    @Autowired
    RecomputeCommand recompute;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void decidesEachCaseWithTheRulesAndNormsInForceOnItsReferenceDate() throws Exception {
        // given
        sqlAsOwner("nightly/clean.sql");
        sql("nightly/both-sides-of-july.sql");

        // when
        JobExecution run = launcher.run(LocalDate.of(2026, 11, 30), "both-sides-of-july", false);

        // then
        assertThat(run.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        Map<String, Object> parkingJune = decision("PARKING_PERMIT", "2026-06-30");
        assertThat(parkingJune)
                .containsEntry("rule_set_version", "PARKING_PERMIT/2026.1.1")
                .containsEntry("outcome", "GRANTED")
                .containsEntry("amounts", "{\"fee\": \"240.00\"}");
        Map<String, Object> parkingJuly = decision("PARKING_PERMIT", "2026-07-01");
        assertThat(parkingJuly)
                .containsEntry("rule_set_version", "PARKING_PERMIT/2026.2.1")
                .containsEntry("outcome", "GRANTED")
                .containsEntry("amounts", "{\"fee\": \"360.00\"}");
        assertThat((String) parkingJuly.get("reasons")).contains("DIESEL_SURCHARGE");

        // 1900 + 100 - 600 - 130 = 1270: 25.00 above the old norm 1245.00, below the new 1271.15
        Map<String, Object> remissionJune = decision("TAX_REMISSION", "2026-06-30");
        assertThat(remissionJune)
                .containsEntry("norm_version", "2026.1")
                .containsEntry("outcome", "PARTIALLY_GRANTED")
                .containsEntry("amounts", "{\"remitted\": \"110.00\", \"paymentCapacity\": \"240.00\"}");
        assertThat((String) remissionJune.get("reasons"))
                .contains("EUR 1.245,00")
                .contains("EUR 240,00");
        Map<String, Object> remissionJuly = decision("TAX_REMISSION", "2026-07-01");
        assertThat(remissionJuly)
                .containsEntry("outcome", "GRANTED")
                .containsEntry("amounts", "{\"remitted\": \"350.00\", \"paymentCapacity\": \"0.00\"}");
        assertThat((String) remissionJuly.get("reasons")).contains("EUR 1.271,15");

        long runId = run.getJobInstance().getInstanceId();
        assertThat(jdbc.queryForObject(
                        "select count(*) from decisions where run_id = ? and rule_set_hash ~ '^[0-9a-f]{64}$'"
                                + " and (norm_version is null or norm_hash ~ '^[0-9a-f]{64}$')",
                        Long.class,
                        runId))
                .as("every decision of the run records the content it was taken with")
                .isEqualTo(4);
        assertThat(jdbc.queryForList("select case_id from decisions where run_id = ?", Long.class, runId))
                .hasSize(4)
                .allSatisfy(caseId -> assertThat(
                                recomputation.ofCase(caseId).orElseThrow().identical())
                        .as("case %d recomputes identically", caseId)
                        .isTrue());
        assertThat(recompute.run(runId)).as("exit code of --recompute").isZero();

        // a decision of the run recorded with other content than its label names now
        long tampered = jdbc.queryForObject(
                "insert into cases (case_type, reference_date, input, status) select case_type, reference_date,"
                        + " input, 'DECIDED' from cases where case_type = 'PARKING_PERMIT'"
                        + " and reference_date = '2026-07-01' returning id",
                Long.class);
        jdbc.update(
                "insert into decisions (case_id, outcome, automated, decided_by, reference_date, rule_set_version,"
                        + " rule_set_hash, reasons, amounts, dates, fired_rules, run_id, input_hash) select ?, outcome,"
                        + " true, decided_by, reference_date, rule_set_version, ?, reasons, amounts, dates, fired_rules,"
                        + " run_id, input_hash from decisions where run_id = ? and rule_set_version"
                        + " = 'PARKING_PERMIT/2026.2.1'",
                tampered,
                "0".repeat(64),
                runId);
        try {
            assertThat(recompute.run(runId))
                    .as("refused by name, not counted as a difference")
                    .isEqualTo(2);
        } finally {
            // the copy gets its version's hash back (a hash is outside the chain's links): the
            // verifier rightly names it, and other tests of this municipality verify its chains
            new JdbcTemplate(TestDatabase.owner())
                    .execute("begin; set local session_replication_role = replica; update decisions set rule_set_hash ="
                            + " (select rule_set_hash from decisions where run_id = " + runId + " and case_id <> "
                            + tampered + " and rule_set_version = 'PARKING_PERMIT/2026.2.1' limit 1) where case_id = "
                            + tampered + "; commit");
        }
    }

    private Map<String, Object> decision(String caseType, String referenceDate) {
        return jdbc.queryForMap(
                "select d.outcome, d.rule_set_version, d.norm_version, d.amounts::text as amounts,"
                        + " d.reasons::text as reasons from decisions d join cases c on c.id = d.case_id"
                        + " where c.case_type = ? and c.reference_date = ?::date",
                caseType,
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
