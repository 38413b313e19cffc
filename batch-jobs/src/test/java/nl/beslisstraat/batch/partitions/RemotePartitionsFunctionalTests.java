package nl.beslisstraat.batch.partitions;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import nl.beslisstraat.batch.NightlyDecisionsApplication;
import nl.beslisstraat.batch.demo.DemoSeeder;
import nl.beslisstraat.batch.nightly.NightlyRunLauncher;
import nl.beslisstraat.engine.support.DatabaseIntegrationTest;
import nl.beslisstraat.engine.support.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The nightly run spread over worker processes, each a JVM of its own, with this test's JVM as the
 * manager: a run stopped before any worker came ends STOPPED, and workers skip its requests; a
 * worker killed (SIGKILL) while it decides fails the run within the stated time, naming
 * the worker, and the restarted run finishes; a worker told to stop (SIGTERM) finishes or stops its
 * partitions at a chunk boundary and exits 0. Whatever happens, every queued case is decided exactly
 * once.
 */
@SpringBootTest(
        properties = {
            "beslisstraat.command-line.enabled=false",
            "beslisstraat.nightly.partitions.channel=postgres",
        })
// The first test needs a channel without workers; the workers it starts then serve the others.
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RemotePartitionsFunctionalTests extends DatabaseIntegrationTest {

    private static final int CASES = 20_000;

    /** dead-after 15 s + the watch every 2 s + the manager's poll every 1 s, and some slack. */
    private static final Duration NOTICED_WITHIN = Duration.ofSeconds(30);

    @Autowired
    NightlyRunLauncher launcher;

    @Autowired
    DemoSeeder demo;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    JobRepository jobRepository;

    /** The worker JVMs, shared by the tests: starting one costs more than a test's run. */
    private static final List<Worker> workers = new ArrayList<>();

    private static final AtomicInteger started = new AtomicInteger();

    @BeforeEach
    void emptyQueueAndChannel() throws IOException {
        new JdbcTemplate(TestDatabase.owner())
                .execute(new ClassPathResource("nightly/clean.sql").getContentAsString(StandardCharsets.UTF_8));
        new JdbcTemplate(TestDatabase.owner()).execute("truncate int_channel_message");
    }

    @AfterAll
    static void stopWorkers() throws InterruptedException {
        for (Worker worker : workers) {
            worker.process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
    }

    @Test
    @Order(1)
    void aRunStoppedBeforeAWorkerTookItsPartitionsEndsStoppedAndWorkersSkipTheStaleRequests() throws Exception {
        // given: a run whose partitions wait in the channel, with no worker running yet
        assertThat(workers).as("no workers before this test").isEmpty();
        demo.seed(2_000);
        LocalDate night = LocalDate.of(2026, 10, 3);
        CompletableFuture<JobExecution> run = runInBackground(night);
        long jobExecutionId = awaitEveryPartitionInTheChannel(run);

        // when
        launcher.stop(jobRepository.getJobExecution(jobExecutionId));
        JobExecution stopped = run.get(1, TimeUnit.MINUTES);

        // then: the manager did not wait for workers that never came
        assertThat(stopped.getStatus()).isEqualTo(BatchStatus.STOPPED);
        assertThat(jdbc.queryForList(
                        "select distinct status from batch_step_execution where job_execution_id = ?"
                                + " and step_name like 'decide-queue-slice:%'",
                        String.class, jobExecutionId))
                .containsExactly("STOPPED");
        assertThat(count("select count(*) from decisions")).isZero();

        // when: workers come, and find the stopped run's requests first; then the run is restarted
        List<Worker> three = workers(3);
        awaitEmptyChannel();
        JobExecution restarted = launcher.run(night, false);

        // then
        assertThat(three).anyMatch(worker -> worker.output().contains("skipped partition"));
        assertThat(restarted.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertEveryCaseDecidedExactlyOnce(2_000);
    }

    @Test
    @Order(3)
    void aWorkerKilledWhileItDecidesFailsTheRunNamingItAndTheRestartDecidesEveryCaseOnce() throws Exception {
        // given: three workers, and a run of 20,000 cases that the manager (this JVM) hands them
        demo.seed(CASES);
        LocalDate night = LocalDate.of(2026, 10, 1);
        List<Worker> three = workers(3);
        CompletableFuture<JobExecution> run = runInBackground(night);

        // when: one of them is killed while a partition it claimed is halfway
        Worker killed = awaitWorkerDecidingAPartition(three, run);
        String killedId = processId(killed);
        killed.process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        long killedAt = System.nanoTime();
        while (count("select count(*) from batch_step_execution se join partition_claims c"
                        + " on c.step_execution_id = se.step_execution_id"
                        + " where c.process_id = '" + killedId + "' and se.status = 'FAILED'")
                == 0) {
            assertThat(Duration.ofNanos(System.nanoTime() - killedAt))
                    .as("the manager noticed the dead worker within the stated time")
                    .isLessThan(NOTICED_WITHIN);
            Thread.sleep(100);
        }
        JobExecution failed = run.get(3, TimeUnit.MINUTES);

        // then: the run failed because of that worker
        assertThat(failed.getStatus()).isEqualTo(BatchStatus.FAILED);
        long runId = failed.getJobInstance().getInstanceId();
        assertThat(jdbc.queryForMap("select error_code, error_detail from nightly_runs where run_id = ?", runId))
                .containsEntry("error_code", "WORKER_DIED")
                .containsEntry("error_detail", killedId);
        assertThat(jdbc.queryForList(
                        "select se.exit_message from batch_step_execution se"
                                + " join partition_claims c on c.step_execution_id = se.step_execution_id"
                                + " where c.process_id = ? and se.status = 'FAILED'",
                        String.class,
                        killedId))
                .isNotEmpty()
                .allMatch(message -> message.contains("Worker " + killedId + " died"));
        assertThat(count("select count(*) from cases where status = 'QUEUED'"))
                .as("the killed worker's cases still queued")
                .isPositive();

        // when: the run is restarted; the two workers left take what did not complete
        JobExecution restarted = launcher.run(night, false);

        // then
        assertThat(restarted.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(restarted.getJobInstance().getInstanceId()).isEqualTo(runId);
        assertThat(count("select count(*) from batch_step_execution where job_execution_id = " + restarted.getId()
                        + " and step_name like 'decide-queue-slice:%'"))
                .as("partitions sent again: only those that did not complete")
                .isBetween(1L, 2L);
        assertEveryCaseDecidedExactlyOnce(CASES);
        assertThat(killed.output()).contains("waiting for partitions on PostgreSQL channel", "took partition");
    }

    @Test
    @Order(2)
    void aWorkerToldToStopExitsCleanlyAndTheRunStillDecidesEveryCaseOnce() throws Exception {
        // given: three workers that stop their partitions at the next chunk 3 s after SIGTERM
        demo.seed(CASES);
        LocalDate night = LocalDate.of(2026, 10, 2);
        List<Worker> three = workers(3);
        CompletableFuture<JobExecution> run = runInBackground(night);

        // when: one of them gets SIGTERM while a partition it claimed is halfway
        Worker stopped = awaitWorkerDecidingAPartition(three, run);
        String stoppedId = processId(stopped);
        stopped.process.destroy();

        // then: it exits 0 within its grace (and one chunk), marked ended
        assertThat(stopped.process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(stopped.process.exitValue()).as(stopped.output()).isZero();
        assertThat(jdbc.queryForObject(
                        "select ended_at is not null from batch_processes where id = ?", Boolean.class, stoppedId))
                .isTrue();
        assertThat(stopped.output()).contains("SIGTERM, taking no more partitions", "stopped");

        // and: its partitions ended COMPLETED or STOPPED, never failed, and the run finishes
        JobExecution first = run.get(3, TimeUnit.MINUTES);
        assertThat(jdbc.queryForList(
                        "select se.status from batch_step_execution se"
                                + " join partition_claims c on c.step_execution_id = se.step_execution_id"
                                + " where c.process_id = ?",
                        String.class,
                        stoppedId))
                .isNotEmpty()
                .allMatch(status -> status.equals("COMPLETED") || status.equals("STOPPED"));
        JobExecution last = first;
        if (first.getStatus() != BatchStatus.COMPLETED) {
            assertThat(first.getStatus())
                    .as("a partition stopped at a chunk boundary")
                    .isEqualTo(BatchStatus.STOPPED);
            last = launcher.run(night, false);
        }
        assertThat(last.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertEveryCaseDecidedExactlyOnce(CASES);
    }

    /** {@code count} live workers waiting for partitions: those still alive, and new ones. */
    private static List<Worker> workers(int count) throws Exception {
        workers.removeIf(worker -> !worker.process.isAlive());
        while (workers.size() < count) {
            workers.add(Worker.start("worker-" + ProcessHandle.current().pid() + "-" + started.incrementAndGet()));
        }
        long deadline = System.nanoTime() + Duration.ofMinutes(4).toNanos();
        for (Worker worker : workers) {
            while (!worker.output().contains("waiting for partitions")) {
                assertThat(worker.process.isAlive()).as(worker.output()).isTrue();
                assertThat(System.nanoTime()).as("worker start").isLessThan(deadline);
                Thread.sleep(100);
            }
        }
        return List.copyOf(workers);
    }

    private CompletableFuture<JobExecution> runInBackground(LocalDate night) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return launcher.run(night, false);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }

    /** One of our workers with a claimed partition that wrote some of its chunks but not all. */
    private Worker awaitWorkerDecidingAPartition(List<Worker> workers, CompletableFuture<JobExecution> run)
            throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
        while (true) {
            assertThat(run)
                    .as("the run ended before a worker was caught deciding")
                    .isNotDone();
            assertThat(System.nanoTime()).as("no worker seen deciding").isLessThan(deadline);
            List<Long> pids = jdbc.queryForList(
                    "select b.pid from partition_claims c join batch_processes b on b.id = c.process_id"
                            + " join batch_step_execution se on se.step_execution_id = c.step_execution_id"
                            + " where se.status = 'STARTED' and se.write_count > 0",
                    Long.class);
            Optional<Worker> deciding = workers.stream()
                    .filter(worker -> worker.process.isAlive() && pids.contains(worker.process.pid()))
                    .findFirst();
            if (deciding.isPresent()) {
                return deciding.get();
            }
            Thread.sleep(10);
        }
    }

    /** The id of the run's job execution, once the manager sent every one of its partitions. */
    private long awaitEveryPartitionInTheChannel(CompletableFuture<JobExecution> run) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
        while (true) {
            assertThat(run).as("the run ended without workers").isNotDone();
            assertThat(System.nanoTime()).as("partitions sent").isLessThan(deadline);
            List<Long> running = jdbc.queryForList(
                    "select job_execution_id from batch_job_execution where status = 'STARTED'", Long.class);
            if (running.size() == 1) {
                long partitions = count("select count(*) from batch_step_execution where job_execution_id = "
                        + running.get(0) + " and step_name like 'decide-queue-slice:%'");
                if (partitions > 0 && count("select count(*) from int_channel_message") == partitions) {
                    return running.get(0);
                }
            }
            Thread.sleep(50);
        }
    }

    private void awaitEmptyChannel() throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
        while (count("select count(*) from int_channel_message") > 0) {
            assertThat(System.nanoTime()).as("stale requests taken").isLessThan(deadline);
            Thread.sleep(100);
        }
    }

    private String processId(Worker worker) {
        return jdbc.queryForObject(
                "select id from batch_processes where kind = 'WORKER' and pid = ?", String.class, worker.process.pid());
    }

    private void assertEveryCaseDecidedExactlyOnce(long cases) {
        assertThat(count("select count(*) from cases")).isEqualTo(cases);
        assertThat(count("select count(*) from cases where status = 'QUEUED'"))
                .as("still queued")
                .isZero();
        assertThat(count("select count(*) from decisions where automated")).isEqualTo(cases);
        assertThat(jdbc.queryForList(
                        "select c.id from cases c left join decisions d on d.case_id = c.id and d.automated"
                                + " group by c.id having count(d.case_id) <> 1",
                        Long.class))
                .as("cases not decided exactly once")
                .isEmpty();
    }

    private long count(String sql) {
        return jdbc.queryForObject(sql, Long.class);
    }

    /** A worker JVM and its output. */
    private record Worker(Process process, Path log) {

        static Worker start(String name) throws IOException {
            Path log = Files.createDirectories(Path.of("target")).resolve(name + ".log");
            List<String> command = new ArrayList<>(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx256m",
                    // A short-lived JVM: quick to start matters more than top speed.
                    "-XX:TieredStopAtLevel=1",
                    "-cp",
                    System.getProperty("java.class.path"),
                    NightlyDecisionsApplication.class.getName(),
                    "--worker",
                    "--spring.datasource.url=" + TestDatabase.jdbcUrl(),
                    "--beslisstraat.nightly.partitions.channel=postgres",
                    "--beslisstraat.nightly.workers=2",
                    "--beslisstraat.nightly.chunk-size=100",
                    "--beslisstraat.nightly.worker-shutdown-grace=3s"));
            Process process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
            return new Worker(process, log);
        }

        String output() {
            try {
                return Files.readString(log);
            } catch (IOException e) {
                return "(no output: " + e.getMessage() + ")";
            }
        }
    }
}
