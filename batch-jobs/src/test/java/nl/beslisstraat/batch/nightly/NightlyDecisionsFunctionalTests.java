package nl.beslisstraat.batch.nightly;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import nl.beslisstraat.batch.NightlyDecisionsApplication;
import nl.beslisstraat.batch.demo.DemoSeeder;
import nl.beslisstraat.engine.support.DatabaseIntegrationTest;
import nl.beslisstraat.engine.support.TestDatabase;
import nl.beslisstraat.engine.tenancy.Municipality;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.InvalidJobParametersException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The nightly-decisions job end to end, on a real PostgreSQL with the real rules: thousands of
 * queued cases, bad cases among them, a run that fails halfway and a run whose process is killed.
 * Whatever happens, every queued case ends decided or in review, exactly once.
 */
@SpringBootTest(properties = {"beslisstraat.command-line.enabled=false", "beslisstraat.batch.dead-after=3s"})
class NightlyDecisionsFunctionalTests extends DatabaseIntegrationTest {

    private static final Duration DEAD_AFTER = Duration.ofSeconds(3);

    private static final String UTRECHT = Municipality.DEFAULT;
    private static final String ZWOLLE = "0193";

    @Autowired
    NightlyRunLauncher launcher;

    @Autowired
    NightlyRuns runs;

    @Autowired
    DemoSeeder demo;

    @Autowired
    JdbcTemplate jdbc;

    /** The output of each nightly run process, by its process id. */
    private final Map<Long, Path> logs = new HashMap<>();

    @BeforeEach
    void emptyQueue() throws IOException {
        sqlAsOwner("nightly/clean.sql");
    }

    /** A run process a test started and did not see end must not decide the next test's cases. */
    @AfterEach
    void stopRunProcesses() throws InterruptedException {
        for (Long pid : logs.keySet()) {
            ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
        }
        for (Long pid : logs.keySet()) {
            ProcessHandle.of(pid).ifPresent(process -> process.onExit().join());
        }
        logs.clear();
    }

    @Test
    void decidesTenThousandQueuedCasesAndTheCountsAddUp() throws Exception {
        // given
        demo.seed(10_000);
        sql("nightly/bad-cases.sql");

        // when
        JobExecution execution = launcher.run(LocalDate.of(2026, 9, 1), false);

        // then
        assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        RunSummary summary =
                runs.find(execution.getJobInstance().getInstanceId()).orElseThrow();
        RunCounts total = summary.total();
        assertThat(total.read()).isEqualTo(10_003);
        assertThat(total.granted() + total.partiallyGranted() + total.rejected() + total.toReview() + total.failed())
                .isEqualTo(total.read());
        assertThat(total.failed()).as("unknown case type and no rules in force").isEqualTo(2);
        assertThat(summary.byCaseType().get("DOG_LICENCE").failed()).isEqualTo(1);
        assertThat(summary.stillQueued()).isZero();
        assertThat((double) (total.granted() + total.partiallyGranted()) / total.read())
                .as("share granted")
                .isBetween(0.67, 0.73);
        assertThat(summary.byCaseType())
                .containsKeys("PARKING_PERMIT", "TAX_REMISSION", "CITY_PASS", "EVENT_NOTIFICATION");
        assertThat((double) total.rejected() / total.read())
                .as("share rejected")
                .isBetween(0.13, 0.17);
        assertEveryCaseDecidedExactlyOnce(10_003);
        assertThat(count("select count(*) from review_tasks where status = 'OPEN'"))
                .isEqualTo(total.toReview() + total.failed())
                .isEqualTo(count("select count(*) from cases where status = 'IN_REVIEW'"));
        assertThat(count("select count(*) from review_tasks where error like '%DOG_LICENCE%'"))
                .isEqualTo(1);
        assertThat(
                        count(
                                "select count(*) from decisions d join cases c on c.id = d.case_id"
                                        + " where c.input->>'vehicleLength' = 'long' and d.reasons @> '[{\"code\": \"INCOMPLETE_DATA\"}]'"))
                .isEqualTo(1);
    }

    @Test
    void decidesTheQueuesOfEveryMunicipalityInOneRunEachInItsOwnMunicipality() throws Exception {
        // given
        Municipality.run(UTRECHT, () -> demo.seed(500));
        Municipality.run(ZWOLLE, () -> demo.seed(300));

        // when
        JobExecution execution = launcher.run(LocalDate.of(2026, 9, 4), false);

        // then
        assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        Municipality.run(UTRECHT, () -> assertEveryCaseDecidedExactlyOnceIn(UTRECHT, 500));
        Municipality.run(ZWOLLE, () -> assertEveryCaseDecidedExactlyOnceIn(ZWOLLE, 300));
        RunSummary summary =
                runs.find(execution.getJobInstance().getInstanceId()).orElseThrow();
        assertThat(summary.total().read()).isEqualTo(800);
        assertThat(summary.stillQueued()).isZero();
        assertThat(summary.byMunicipality()).containsOnlyKeys(ZWOLLE, UTRECHT);
        assertThat(summary.byMunicipality().get(UTRECHT).counts().read()).isEqualTo(500);
        assertThat(summary.byMunicipality().get(ZWOLLE).counts().read()).isEqualTo(300);
        assertThat(summary.byMunicipality().get(ZWOLLE).stillQueued()).isZero();
        assertThat(summary.report().lines())
                .anyMatch(line -> line.startsWith("0344 Utrecht") && line.contains(" 500 "))
                .anyMatch(line -> line.startsWith("0193 Zwolle") && line.contains(" 300 "))
                .anyMatch(line -> line.startsWith("total") && line.contains(" 800 "))
                .contains("Still queued: 0");
    }

    @Test
    void aRunForOneMunicipalityDecidesOnlyItsQueueAndARunForAllDecidesTheRest() throws Exception {
        // given
        Municipality.run(UTRECHT, () -> demo.seed(400));
        Municipality.run(ZWOLLE, () -> demo.seed(300));
        LocalDate night = LocalDate.of(2026, 9, 5);

        // when: Zwolle's own schedule runs first
        JobExecution zwolle = launcher.runFor(ZWOLLE, night, false);

        // then: Zwolle's queue is decided, Utrecht's waits
        assertThat(zwolle.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        Municipality.run(ZWOLLE, () -> assertEveryCaseDecidedExactlyOnceIn(ZWOLLE, 300));
        assertThat(count("select count(*) from cases where status = 'QUEUED'")).isEqualTo(400);
        assertThat(count("select count(*) from decisions")).isZero();
        RunSummary ofZwolle = runs.find(zwolle.getJobInstance().getInstanceId()).orElseThrow();
        assertThat(ofZwolle.municipality()).isEqualTo(ZWOLLE);
        assertThat(ofZwolle.byMunicipality()).containsOnlyKeys(ZWOLLE);
        assertThat(ofZwolle.total().read()).isEqualTo(300);
        assertThat(ofZwolle.stillQueued()).as("Zwolle's queue").isZero();
        assertThat(ofZwolle.report().lines())
                .first()
                .asString()
                .startsWith("Nightly run 2026-09-05 for 0193 Zwolle (run ");
        assertThat(ofZwolle.report().lines())
                .anyMatch(line -> line.startsWith("0193 Zwolle") && line.contains(" 300 "))
                .noneMatch(line -> line.startsWith("0344 Utrecht"));

        // when: the run of every municipality, the same night
        JobExecution all = launcher.run(night, false);

        // then: it is a run of its own, and decides Utrecht's queue and nothing of Zwolle's again
        assertThat(all.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(all.getJobInstance().getInstanceId())
                .isNotEqualTo(zwolle.getJobInstance().getInstanceId());
        Municipality.run(UTRECHT, () -> assertEveryCaseDecidedExactlyOnceIn(UTRECHT, 400));
        Municipality.run(ZWOLLE, () -> assertEveryCaseDecidedExactlyOnceIn(ZWOLLE, 300));
        RunSummary ofAll = runs.find(all.getJobInstance().getInstanceId()).orElseThrow();
        assertThat(ofAll.municipality()).isNull();
        assertThat(ofAll.byMunicipality()).containsOnlyKeys(UTRECHT, ZWOLLE);
        assertThat(ofAll.byMunicipality().get(UTRECHT).counts().read()).isEqualTo(400);
        assertThat(ofAll.byMunicipality().get(ZWOLLE).counts().read()).isZero();
        assertThat(ofAll.stillQueued()).isZero();
        assertThat(ofAll.report().lines().findFirst().orElseThrow()).startsWith("Nightly run 2026-09-05 (run ");
        assertThat(jdbc.queryForList(
                        "select coalesce(municipality, 'all') from nightly_runs where run_date = ? order by run_id",
                        String.class,
                        night))
                .containsExactly(ZWOLLE, "all");

        // and Zwolle's run of that night, started again, is the completed one
        assertThat(launcher.runFor(ZWOLLE, night, false).getId()).isEqualTo(zwolle.getId());
    }

    @Test
    void restartsAFailedRunOfOneMunicipalityApartFromTheOthers() throws Exception {
        // given: Zwolle's run fails halfway (its 3,000th case), Utrecht's run of that night completes
        Municipality.run(UTRECHT, () -> demo.seed(500));
        Municipality.run(ZWOLLE, () -> demo.seed(4_000));
        sqlAsOwner("nightly/fail-on-one-case.sql");
        LocalDate night = LocalDate.of(2026, 9, 6);
        JobExecution failed = launcher.runFor(ZWOLLE, night, false);
        JobExecution utrecht = launcher.runFor(UTRECHT, night, false);
        sqlAsOwner("nightly/heal.sql");

        // when
        JobExecution restarted = launcher.runFor(ZWOLLE, night, false);

        // then
        assertThat(failed.getStatus()).isEqualTo(BatchStatus.FAILED);
        assertThat(utrecht.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(restarted.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(restarted.getJobInstance().getInstanceId())
                .isEqualTo(failed.getJobInstance().getInstanceId())
                .isNotEqualTo(utrecht.getJobInstance().getInstanceId());
        Municipality.run(UTRECHT, () -> assertEveryCaseDecidedExactlyOnceIn(UTRECHT, 500));
        Municipality.run(ZWOLLE, () -> assertEveryCaseDecidedExactlyOnceIn(ZWOLLE, 4_000));
        assertThat(runs.find(restarted.getJobInstance().getInstanceId())
                        .orElseThrow()
                        .total()
                        .read())
                .as("the restarted run counts each of Zwolle's cases once")
                .isEqualTo(4_000);
        assertThat(jdbc.queryForList(
                        "select c.short_context from batch_step_execution_context c join batch_step_execution s"
                                + " on s.step_execution_id = c.step_execution_id where s.job_execution_id = ?",
                        String.class,
                        restarted.getId()))
                .as("the slices' contexts, read back for the restart, are JSON and no serialized Java object")
                .isNotEmpty()
                .allMatch(context -> context.startsWith("{"))
                .anyMatch(context -> context.contains(ZWOLLE));
    }

    @Test
    void refusesARunForAnUnknownMunicipalityNamingItBeforeAnythingRuns() throws Exception {
        // given
        demo.seed(50);
        long instances = count("select count(*) from batch_job_instance");

        // when, then
        assertThatThrownBy(() -> launcher.runFor("9999", LocalDate.of(2026, 9, 7), false))
                .isInstanceOf(InvalidJobParametersException.class)
                .hasMessageContaining("Unknown municipality '9999'")
                .hasMessageContaining("0193 Zwolle");
        assertThat(count("select count(*) from batch_job_instance")).isEqualTo(instances);
        assertThat(count("select count(*) from nightly_runs")).isZero();
        assertThat(count("select count(*) from cases where status = 'QUEUED'")).isEqualTo(50);
    }

    @Test
    void theCommandLineRunsOneMunicipalityAndRefusesAnUnknownOne() throws Exception {
        // given
        Municipality.run(UTRECHT, () -> demo.seed(100));
        Municipality.run(ZWOLLE, () -> demo.seed(60));
        LocalDate night = LocalDate.of(2026, 9, 8);

        // when
        Process unknown = startNightlyRunProcess(night, "--municipality=9999");
        Process zwolle = startNightlyRunProcess(night, "--municipality=" + ZWOLLE);

        // then
        assertThat(unknown.waitFor(2, TimeUnit.MINUTES)).isTrue();
        assertThat(unknown.exitValue()).isEqualTo(2);
        assertThat(output(unknown)).contains("Unknown municipality '9999'");
        assertThat(zwolle.waitFor(2, TimeUnit.MINUTES)).isTrue();
        assertThat(zwolle.exitValue()).as(output(zwolle)).isZero();
        assertThat(output(zwolle)).contains("Nightly run 2026-09-08 for 0193 Zwolle");
        Municipality.run(ZWOLLE, () -> assertEveryCaseDecidedExactlyOnceIn(ZWOLLE, 60));
        assertThat(count("select count(*) from cases where status = 'QUEUED'"))
                .as("Utrecht's queue")
                .isEqualTo(100);
    }

    @Test
    void restartsARunThatFailedHalfwayAndDecidesEveryCaseExactlyOnce() throws Exception {
        // given
        demo.seed(5_000);
        sqlAsOwner("nightly/fail-on-one-case.sql");
        LocalDate night = LocalDate.of(2026, 9, 2);

        // when
        JobExecution failed = launcher.run(night, false);
        long decidedBeforeRestart = count("select count(*) from decisions");
        sqlAsOwner("nightly/heal.sql");
        JobExecution restarted = launcher.run(night, false);

        // then
        assertThat(failed.getStatus()).isEqualTo(BatchStatus.FAILED);
        assertThat(decidedBeforeRestart).isBetween(1L, 4_999L);
        assertThat(restarted.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(restarted.getJobInstance().getInstanceId())
                .isEqualTo(failed.getJobInstance().getInstanceId());
        assertEveryCaseDecidedExactlyOnce(5_000);
        RunSummary summary =
                runs.find(restarted.getJobInstance().getInstanceId()).orElseThrow();
        assertThat(summary.total().read())
                .as("a restarted run counts each case once")
                .isEqualTo(5_000);
    }

    @Test
    void recoversARunWhoseProcessStoppedBeatingAndFinishesIt() throws Exception {
        // given: a run in another JVM, killed (SIGKILL) while it is deciding
        demo.seed(30_000);
        LocalDate night = LocalDate.of(2026, 9, 3);
        Process nightlyRun = startNightlyRunProcess(night);
        awaitDecisions(nightlyRun, 1_000);
        nightlyRun.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        long decidedWhenKilled = count("select count(*) from decisions");
        assertThat(decidedWhenKilled).as("killed halfway").isBetween(1_000L, 29_999L);

        // when: launched again while its last heartbeat is fresh, and once it is older than the limit
        assertThatThrownBy(() -> launcher.run(night, false))
                .isInstanceOf(RunStillMarkedRunning.class)
                .hasMessageContaining("is alive (it writes its heartbeat)");
        Thread.sleep(DEAD_AFTER.plusSeconds(1).toMillis());
        JobExecution recovered = launcher.run(night, false);

        // then: nobody had to say the process was gone
        assertThat(recovered.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertEveryCaseDecidedExactlyOnce(30_000);
        long runId = recovered.getJobInstance().getInstanceId();
        assertThat(runs.find(runId).orElseThrow().total().read()).isEqualTo(30_000);
        assertThat(count("select coalesce(sum(cases), 0) from run_progress where run_id = " + runId))
                .as("progress counted in the decisions' transactions, over both executions")
                .isEqualTo(30_000);
        assertThat(count("select count(distinct process_id) from run_executions where run_id = " + runId))
                .as("the killed process and this one")
                .isEqualTo(2);
    }

    /** As {@code municipality}: its cases, and its decisions by their own municipality column. */
    private void assertEveryCaseDecidedExactlyOnceIn(String municipality, long cases) {
        assertEveryCaseDecidedExactlyOnce(cases);
        assertThat(count("select count(*) from cases where municipality = '" + municipality + "'"))
                .isEqualTo(cases);
        assertThat(count("select count(*) from decisions d join cases c on c.id = d.case_id"
                        + " where d.automated and d.municipality = c.municipality and c.municipality = '"
                        + municipality + "'"))
                .as("decisions in their case's municipality")
                .isEqualTo(cases);
    }

    private void assertEveryCaseDecidedExactlyOnce(long cases) {
        assertThat(count("select count(*) from cases")).isEqualTo(cases);
        assertThat(count("select count(*) from cases where status = 'QUEUED'"))
                .as("still queued")
                .isZero();
        assertThat(count("select count(*) from decisions where automated"))
                .as("decisions")
                .isEqualTo(cases);
        assertThat(count("select count(distinct case_id) from decisions"))
                .as("cases decided")
                .isEqualTo(cases);
        assertThat(count("select count(*) from audit_trail where action = 'CASE_DECIDED'"))
                .as("audit")
                .isEqualTo(cases);
        assertThat(count("select count(*) from cases c where (c.status = 'IN_REVIEW') <>"
                        + " exists (select 1 from review_tasks t where t.case_id = c.id and t.status = 'OPEN')"))
                .as("cases in review without a task, or with a task but not in review")
                .isZero();
    }

    private Process startNightlyRunProcess(LocalDate night, String... options) throws Exception {
        Path log = Files.createDirectories(Path.of("target"))
                .resolve(
                        options.length == 0
                                ? "killed-run.log"
                                : "run" + String.join("", options).replaceAll("[^0-9A-Za-z]+", "-") + ".log");
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                NightlyDecisionsApplication.class.getName(),
                "--run-date=" + night,
                "--spring.datasource.url=" + TestDatabase.jdbcUrl(),
                "--beslisstraat.nightly.chunk-size=100"));
        command.addAll(List.of(options));
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        logs.put(process.pid(), log);
        return process;
    }

    private String output(Process process) throws IOException {
        return Files.readString(logs.get(process.pid()));
    }

    private void awaitDecisions(Process nightlyRun, long atLeast) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (count("select count(*) from decisions") < atLeast) {
            assertThat(nightlyRun.isAlive())
                    .as("nightly run process (see target/killed-run.log)")
                    .isTrue();
            assertThat(System.nanoTime())
                    .as("waited too long for the run to start deciding")
                    .isLessThan(deadline);
            Thread.sleep(20);
        }
    }

    private long count(String sql) {
        return jdbc.queryForObject(sql, Long.class);
    }

    /** Runs a script from src/test/resources whole; the driver splits it, minding $$ bodies. */
    private void sql(String script) throws IOException {
        jdbc.execute(new ClassPathResource(script).getContentAsString(StandardCharsets.UTF_8));
    }

    /** Runs a script that only the schema's owner may (truncating, changing triggers). */
    private static void sqlAsOwner(String script) throws IOException {
        new JdbcTemplate(TestDatabase.owner())
                .execute(new ClassPathResource(script).getContentAsString(StandardCharsets.UTF_8));
    }
}
