package nl.beslisstraat.batch.manager;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.function.Consumer;
import nl.beslisstraat.batch.liveness.BatchProcess;
import nl.beslisstraat.batch.nightly.NightlyRunLauncher;
import nl.beslisstraat.batch.nightly.NightlyRuns;
import nl.beslisstraat.batch.nightly.ProgressReport;
import nl.beslisstraat.engine.tenancy.Municipality;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The manager process: every tick, for each municipality in turn (as that municipality, so that
 * row-level security shows it its own schedule and requests), it starts a run whose planned start
 * is due and carries out the open requests; it logs the progress of the runs it started. On
 * shutdown (SIGTERM) it asks its running runs to stop at their next chunk, so that they end
 * STOPPED, whole chunks committed, ready to be restarted.
 */
@Component
public class Manager implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(Manager.class);

    private final BatchProcess process;
    private final NightlyRuns runs;
    private final ScheduledStarts schedules;
    private final RequestDesk requests;
    private final NightlyRunLauncher launcher;
    private final JobRepository jobRepository;
    private final ProgressReport progress;
    private final Duration tick;
    private final Duration shutdownGrace;
    private final Map<Long, Consumer<JobExecution>> running = new ConcurrentHashMap<>();
    private final CountDownLatch stopped = new CountDownLatch(1);
    private volatile boolean serving;
    private volatile boolean looping;

    Manager(
            BatchProcess process,
            NightlyRuns runs,
            ScheduledStarts schedules,
            RequestDesk requests,
            NightlyRunLauncher launcher,
            JobRepository jobRepository,
            ProgressReport progress,
            @Value("${beslisstraat.manager.tick:1s}") Duration tick,
            @Value("${beslisstraat.manager.shutdown-grace:60s}") Duration shutdownGrace) {
        this.process = process;
        this.runs = runs;
        this.schedules = schedules;
        this.requests = requests;
        this.launcher = launcher;
        this.jobRepository = jobRepository;
        this.progress = progress;
        this.tick = tick;
        this.shutdownGrace = shutdownGrace;
    }

    /** Ticks until the process is asked to stop. */
    public void serveUntilShutdown() throws InterruptedException {
        process.register(BatchProcess.Kind.MANAGER);
        serving = true;
        looping = true;
        System.out.printf(
                "Manager %s started: it starts the runs on each municipality's schedule and carries out the"
                        + " console's requests (every %d ms)%n",
                process.id(), tick.toMillis());
        try {
            while (serving) {
                try {
                    tickOnce();
                } catch (RuntimeException e) {
                    // The database away for a moment, say: the next tick tries again.
                    log.error("Manager tick failed", e);
                }
                Thread.sleep(tick.toMillis());
            }
        } finally {
            stopped.countDown();
        }
    }

    /** One round over the municipalities; public for tests that drive a manager step by step. */
    public void tickOnce() {
        for (String municipality : runs.municipalities().keySet()) {
            if (!serving) {
                return;
            }
            try {
                Municipality.run(municipality, () -> {
                    schedules.startIfDue(municipality).ifPresent(this::watch);
                    requests.carryOutOpen(municipality, this::watch);
                });
            } catch (RuntimeException e) {
                // One municipality's trouble (a bad schedule, a database hiccup) must not stop the others'.
                log.error("Manager round for municipality {} failed", municipality, e);
            }
        }
        running.forEach((executionId, report) -> {
            try {
                JobExecution latest = jobRepository.getJobExecution(executionId);
                if (latest == null || !latest.isRunning()) {
                    running.remove(executionId);
                } else {
                    report.accept(latest);
                }
            } catch (RuntimeException e) {
                // A progress line is not worth a manager: the runs it carries go on regardless.
                log.warn("No progress line for execution {}: {}", executionId, e.toString());
            }
        });
    }

    private void watch(JobExecution execution) {
        long runId = execution.getJobInstance().getInstanceId();
        running.put(execution.getId(), progress.every(line -> log.info("Run {}:{}", runId, line)));
    }

    /** Lets a test serve without a process of its own. */
    void startServing() {
        process.register(BatchProcess.Kind.MANAGER);
        serving = true;
    }

    @Override
    public void destroy() throws InterruptedException {
        serving = false;
        if (!looping) {
            return; // never served as a process (a test drove it tick by tick)
        }
        looping = false;
        stopped.await(tick.toMillis() * 5, java.util.concurrent.TimeUnit.MILLISECONDS);
        for (Long executionId : running.keySet()) {
            JobExecution execution = jobRepository.getJobExecution(executionId);
            if (execution != null && execution.isRunning()) {
                try {
                    log.info(
                            "Manager stopping: asking run {} to stop at its next chunk",
                            execution.getJobInstance().getInstanceId());
                    launcher.stop(execution);
                } catch (Exception e) {
                    log.warn("Could not stop execution {}", executionId, e);
                }
            }
        }
        long deadline = System.nanoTime() + shutdownGrace.toNanos();
        for (Long executionId : running.keySet()) {
            JobExecution execution = jobRepository.getJobExecution(executionId);
            while (execution != null && execution.isRunning() && System.nanoTime() < deadline) {
                Thread.sleep(200);
                execution = jobRepository.getJobExecution(executionId);
            }
        }
    }
}
