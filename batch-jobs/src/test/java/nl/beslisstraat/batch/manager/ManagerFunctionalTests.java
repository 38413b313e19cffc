package nl.beslisstraat.batch.manager;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Supplier;
import nl.beslisstraat.batch.demo.DemoSeeder;
import nl.beslisstraat.batch.nightly.NightlyDecisionsJobConfiguration;
import nl.beslisstraat.batch.nightly.NightlyRunLauncher;
import nl.beslisstraat.batch.nightly.ProgressReport;
import nl.beslisstraat.batch.nightly.RunStillMarkedRunning;
import nl.beslisstraat.batch.nightly.RunTrigger;
import nl.beslisstraat.engine.support.DatabaseIntegrationTest;
import nl.beslisstraat.engine.support.TestDatabase;
import nl.beslisstraat.engine.tenancy.Municipality;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The manager against a real PostgreSQL with the real rules: what a scheduler asks in the console
 * (start, stop, restart, recover) and what the schedule plans, carried out once, however many
 * launches or managers there are at the same moment.
 */
@SpringBootTest(properties = {"beslisstraat.command-line.enabled=false", "beslisstraat.batch.dead-after=3s"})
class ManagerFunctionalTests extends DatabaseIntegrationTest {

    private static final String UTRECHT = Municipality.DEFAULT;
    private static final String ZWOLLE = "0193";

    @Autowired
    Manager manager;

    @Autowired
    ScheduledStarts schedules;

    @Autowired
    NightlyRunLauncher launcher;

    @Autowired
    JobRepository jobRepository;

    @Autowired
    DemoSeeder demo;

    @Autowired
    ProgressReport progress;

    @Autowired
    JdbcTemplate jdbc;

    @BeforeEach
    void emptyQueue() throws IOException {
        new JdbcTemplate(TestDatabase.owner())
                .execute(new ClassPathResource("nightly/clean.sql").getContentAsString(StandardCharsets.UTF_8));
        manager.startServing();
    }

    @Test
    void fiftyLaunchesOfOneNightAtOnceMakeOneRun() throws Exception {
        // given
        demo.seed(2_000);
        LocalDate night = LocalDate.of(2026, 10, 1);
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService people = Executors.newFixedThreadPool(50);
        Set<Long> executions = ConcurrentHashMap.newKeySet();
        AtomicInteger refused = new AtomicInteger();

        // when: fifty launches of the same night at the same moment
        List<Future<?>> launches = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            String person = "planner-" + i;
            launches.add(people.submit(() -> {
                go.await();
                try {
                    executions.add(launcher.launch(UTRECHT, night, null, RunTrigger.person(person), false)
                            .getId());
                } catch (RunStillMarkedRunning running) {
                    refused.incrementAndGet();
                }
                return null;
            }));
        }
        go.countDown();
        for (Future<?> launch : launches) {
            launch.get(2, TimeUnit.MINUTES);
        }
        people.shutdown();
        JobExecution run = launcher.awaitEnd(
                jobRepository.getJobExecution(executions.iterator().next()), running -> {});

        // then: one execution of one run; the others were refused or found it done
        assertThat(executions).hasSize(1);
        assertThat(refused.get()).isLessThanOrEqualTo(49);
        assertThat(count("select count(*) from batch_job_execution where job_instance_id = "
                        + run.getJobInstance().getInstanceId()))
                .isEqualTo(1);
        assertThat(run.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertEveryCaseDecidedOnce(2_000);
    }

    @Test
    void aSchedulerStartsStopsAndRestartsARunThroughTheManager() throws Exception {
        // given: a large queue, and a scheduler's request to start tonight's run for a past date
        demo.seed(30_000);
        LocalDate night = LocalDate.of(2026, 10, 2);
        long start = request(
                UTRECHT,
                "insert into run_requests (action, run_date, requested_by)" + " values ('START', '" + night
                        + "', 'planner') returning id");

        // when: the manager takes it, and the scheduler asks it to stop while it decides
        manager.tickOnce();
        long runId = outcome(UTRECHT, start, "STARTED");
        awaitDecided(runId, 1);
        long stop = request(
                UTRECHT,
                "insert into run_requests (action, run_id, requested_by)" + " values ('STOP', " + runId
                        + ", 'planner') returning id");
        manager.tickOnce();
        outcome(UTRECHT, stop, "STOPPING");
        JobExecution stopped = awaitEnd(runId);

        // then: it stopped between chunks, whole chunks kept
        assertThat(stopped.getStatus()).isEqualTo(BatchStatus.STOPPED);
        long queuedWhenStopped = count("select count(*) from cases where status = 'QUEUED'");
        assertThat(queuedWhenStopped).as("stopped before the end").isPositive();
        assertThat(count("select count(*) from decisions where automated") + queuedWhenStopped)
                .as("every case decided or still queued, none half")
                .isEqualTo(30_000);

        // when: the scheduler restarts it
        long restart = request(
                UTRECHT,
                "insert into run_requests (action, run_id, requested_by)" + " values ('RESTART', " + runId
                        + ", 'planner') returning id");
        manager.tickOnce();
        outcome(UTRECHT, restart, "RESTARTED");
        JobExecution restarted = awaitEnd(runId);

        // then: it finished the queue, each case once, and the history says who did what
        assertThat(restarted.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertEveryCaseDecidedOnce(30_000);
        assertThat(jdbc.queryForList(
                        "select trigger || ' ' || triggered_by from run_executions where run_id = ? order by job_execution_id",
                        String.class,
                        runId))
                .containsExactly("PERSON planner", "PERSON planner");
        assertThat(count("select sum(cases) from run_progress where run_id = " + runId))
                .isEqualTo(30_000);
        assertThat(jdbc.queryForList(
                        "select action from audit_log where subject_type = 'run' and subject_id = ? order by id",
                        String.class,
                        Long.toString(runId)))
                .containsExactly("RUN_START", "RUN_STOP", "RUN_RESTART");
    }

    @Test
    void recoversARunOnlyOnceItsProcessStoppedBeating() throws Exception {
        // given: a run marked running by a manager process that still beats
        demo.seed(1_000);
        LocalDate night = LocalDate.of(2026, 10, 3);
        long runId = runMarkedRunningBy("manager-elsewhere", night);
        long tooSoon = request(
                UTRECHT,
                "insert into run_requests (action, run_id, requested_by)" + " values ('RECOVER', " + runId
                        + ", 'planner') returning id");

        // when / then: while it beats, the run is left alone
        manager.tickOnce();
        outcome(UTRECHT, tooSoon, "STILL_ALIVE");

        // when: its heartbeat is older than the limit
        new JdbcTemplate(TestDatabase.owner())
                .update("update batch_processes set last_beat = now() - interval '1 minute'"
                        + " where id = 'manager-elsewhere'");
        long recover = request(
                UTRECHT,
                "insert into run_requests (action, run_id, requested_by)" + " values ('RECOVER', " + runId
                        + ", 'planner') returning id");
        manager.tickOnce();

        // then: marked failed, restarted and finished
        outcome(UTRECHT, recover, "RECOVERED");
        assertThat(awaitEnd(runId).getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertEveryCaseDecidedOnce(1_000);
        assertThat(count("select count(*) from batch_job_execution where job_instance_id = " + runId
                        + " and status = 'FAILED'"))
                .as("the dead execution, recovered")
                .isEqualTo(1);
    }

    @Test
    void aRunNoProcessOfOursOwnsIsLeftToTheCommandLine() {
        // given: a run marked running by a version before heartbeats (no process recorded)
        LocalDate night = LocalDate.of(2026, 10, 4);
        long runId = runMarkedRunningBy("manager-elsewhere-2", night);
        new JdbcTemplate(TestDatabase.owner()).update("delete from run_executions where run_id = ?", runId);
        long recover = request(
                UTRECHT,
                "insert into run_requests (action, run_id, requested_by)" + " values ('RECOVER', " + runId
                        + ", 'planner') returning id");

        // when
        manager.tickOnce();

        // then: nothing says it is dead, so a click does not end it
        outcome(UTRECHT, recover, "STILL_ALIVE");
        assertThat(count("select count(*) from batch_job_execution where job_instance_id = " + runId))
                .isEqualTo(1);
        assertThat(jdbc.queryForObject(
                        "select status from batch_job_execution where job_instance_id = ?", String.class, runId))
                .isEqualTo("STARTED");
    }

    @Test
    void aRunWhoseJobHasNotBegunYetGivesNoProgressLineAndNoError() {
        // given: an execution just stored by a launch, its job not yet begun (no nightly_runs row)
        JobParameters identity = new JobParametersBuilder()
                .addLocalDate(NightlyDecisionsJobConfiguration.RUN_DATE, LocalDate.of(2026, 10, 5))
                .addString(NightlyDecisionsJobConfiguration.MUNICIPALITY, UTRECHT)
                .toJobParameters();
        JobInstance instance = jobRepository.createJobInstance(NightlyDecisionsJobConfiguration.JOB, identity);
        JobExecution execution = jobRepository.createJobExecution(instance, identity, new ExecutionContext());
        List<String> lines = new ArrayList<>();
        Consumer<JobExecution> report = progress.every(lines::add);

        // when: the manager (or the command line) asks for its progress right away
        report.accept(execution);
        report.accept(execution);

        // then: nothing to say yet, and nothing thrown (a manager must not die of it)
        assertThat(lines).isEmpty();
    }

    @Test
    void twoManagersOnOneScheduleStartOneRun() throws Exception {
        // given: Zwolle's schedule, every minute, set five minutes ago, and its queue of today
        demo.seedZwolleToday(500);
        Municipality.run(
                ZWOLLE,
                () -> jdbc.update("insert into nightly_schedules (cron, changed_by, changed_at)"
                        + " values ('0 * * * * *', 'planner', now() - interval '5 minutes')"));

        // when: two managers tick at the same moment, several times
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService managers = Executors.newFixedThreadPool(2);
        Set<Long> started = ConcurrentHashMap.newKeySet();
        List<Future<?>> ticks = new ArrayList<>();
        for (int m = 0; m < 2; m++) {
            ticks.add(managers.submit(() -> {
                go.await();
                for (int tick = 0; tick < 5; tick++) {
                    Municipality.run(
                            ZWOLLE,
                            () -> schedules.startIfDue(ZWOLLE).ifPresent(execution -> started.add(execution.getId())));
                }
                return null;
            }));
        }
        go.countDown();
        for (Future<?> tick : ticks) {
            tick.get(2, TimeUnit.MINUTES);
        }
        managers.shutdown();

        // then: one run of Zwolle's night, started by the schedule
        assertThat(started).hasSize(1);
        JobExecution run = launcher.awaitEnd(
                jobRepository.getJobExecution(started.iterator().next()), r -> {});
        assertThat(run.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(run.getJobParameters().getString(NightlyDecisionsJobConfiguration.MUNICIPALITY))
                .isEqualTo(ZWOLLE);
        assertThat(jdbc.queryForObject(
                        "select trigger from nightly_runs where run_id = ?",
                        String.class,
                        run.getJobInstance().getInstanceId()))
                .isEqualTo("SCHEDULE");
        Municipality.run(
                ZWOLLE,
                () -> assertThat(count("select count(*) from cases where status = 'QUEUED'"))
                        .isZero());
    }

    /** A run of Utrecht's queue whose execution a process of that id holds (its heartbeat fresh). */
    private long runMarkedRunningBy(String process, LocalDate night) {
        JobParameters identity = new JobParametersBuilder()
                .addLocalDate(NightlyDecisionsJobConfiguration.RUN_DATE, night)
                .addString(NightlyDecisionsJobConfiguration.MUNICIPALITY, UTRECHT)
                .toJobParameters();
        JobInstance instance = jobRepository.createJobInstance(NightlyDecisionsJobConfiguration.JOB, identity);
        JobExecution execution = jobRepository.createJobExecution(instance, identity, new ExecutionContext());
        execution.setStatus(BatchStatus.STARTED);
        execution.setStartTime(java.time.LocalDateTime.now());
        jobRepository.update(execution);
        JdbcTemplate owner = new JdbcTemplate(TestDatabase.owner());
        owner.update(
                "insert into batch_processes (id, kind, host, pid) values (?, 'MANAGER', 'elsewhere', 1)", process);
        owner.update(
                "insert into nightly_runs (run_id, run_date, municipality, status, trigger) values (?, ?, ?, 'STARTED', 'SCHEDULE')",
                instance.getInstanceId(),
                night,
                UTRECHT);
        owner.update(
                "insert into run_executions (job_execution_id, run_id, process_id, trigger) values (?, ?, ?, 'SCHEDULE')",
                execution.getId(),
                instance.getInstanceId(),
                process);
        return instance.getInstanceId();
    }

    private long request(String municipality, String insert) {
        return as(municipality, () -> jdbc.queryForObject(insert, Long.class));
    }

    /** Asserts what came of a request, and returns the run it concerns. */
    private long outcome(String municipality, long request, String expected) {
        return as(municipality, () -> {
            assertThat(jdbc.queryForObject("select outcome from run_requests where id = ?", String.class, request))
                    .isEqualTo(expected);
            return jdbc.queryForObject("select run_id from run_requests where id = ?", Long.class, request);
        });
    }

    private void awaitDecided(long runId, long atLeast) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (count("select coalesce(sum(cases), 0) from run_progress where run_id = " + runId) < atLeast) {
            assertThat(System.nanoTime()).as("waited too long for decisions").isLessThan(deadline);
            Thread.sleep(20);
        }
    }

    private JobExecution awaitEnd(long runId) throws InterruptedException {
        JobInstance instance = jobRepository.getJobInstance(runId);
        return launcher.awaitEnd(jobRepository.getLastJobExecution(instance), running -> {});
    }

    private void assertEveryCaseDecidedOnce(long cases) {
        assertThat(count("select count(*) from cases where status = 'QUEUED'"))
                .as("still queued")
                .isZero();
        assertThat(count("select count(*) from decisions where automated")).isEqualTo(cases);
        assertThat(count("select count(distinct case_id) from decisions")).isEqualTo(cases);
    }

    private static <T> T as(String municipality, Supplier<T> work) {
        try (Municipality.Scope ignored = Municipality.enter(municipality)) {
            return work.get();
        }
    }

    private long count(String sql) {
        return jdbc.queryForObject(sql, Long.class);
    }
}
