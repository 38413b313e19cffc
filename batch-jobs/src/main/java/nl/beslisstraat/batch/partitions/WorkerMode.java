package nl.beslisstraat.batch.partitions;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import nl.beslisstraat.batch.liveness.BatchProcess;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.integration.channel.QueueChannel;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import sun.misc.Signal;

/**
 * {@code java -jar beslisstraat-batch.jar --worker --beslisstraat.nightly.partitions.channel=postgres
 * [--beslisstraat.nightly.workers=2]}: a process that decides the partitions of nightly runs
 * started elsewhere. It says it is alive ({@link BatchProcess}, kind WORKER), and runs {@code
 * beslisstraat.nightly.workers} consumers that each take a partition from the channel, run it and
 * take the next, until it is told to stop.
 *
 * <p>SIGTERM (or Ctrl-C): it takes no more partitions, lets the ones it runs finish, and after
 * {@code beslisstraat.nightly.worker-shutdown-grace} (default 30 s) asks them to stop at their next
 * chunk: they end STOPPED and a restart of the run continues them. Then it marks itself ended and
 * exits 0. SIGKILL: its heartbeat stops and the manager fails its partitions ({@link
 * DeadWorkerWatch}).
 */
@Component
@ConditionalOnProperty(name = WorkerMode.OPTION)
class WorkerMode implements ApplicationRunner, ExitCodeGenerator {

    static final String OPTION = "worker";

    private final ObjectProvider<QueueChannel> partitionRequests;
    private final BatchProcess process;
    private final JdbcTemplate jdbc;
    private final PlatformTransactionManager transactionManager;
    private final JobRepository jobRepository;
    private final Step slice;
    private final int consumers;
    private final Duration grace;
    private final CountDownLatch stopTaking = new CountDownLatch(1);
    private int exitCode;

    WorkerMode(
            ObjectProvider<QueueChannel> partitionRequests,
            BatchProcess process,
            JdbcTemplate jdbc,
            PlatformTransactionManager transactionManager,
            JobRepository jobRepository,
            @Qualifier("decideQueueSlice") Step slice,
            @Value("${beslisstraat.nightly.workers:2}") int consumers,
            @Value("${beslisstraat.nightly.worker-shutdown-grace:30s}") Duration grace) {
        this.partitionRequests = partitionRequests;
        this.process = process;
        this.jdbc = jdbc;
        this.transactionManager = transactionManager;
        this.jobRepository = jobRepository;
        this.slice = slice;
        this.consumers = consumers;
        this.grace = grace;
    }

    @Override
    public void run(ApplicationArguments args) throws InterruptedException {
        QueueChannel requests = partitionRequests.getIfAvailable();
        if (requests == null) {
            System.out.println("--worker takes partitions from the channel in PostgreSQL:" + " add --"
                    + PartitionChannel.PROPERTY + "=postgres (to the manager's options too)");
            exitCode = 2;
            return;
        }
        process.register(BatchProcess.Kind.WORKER);
        // Our own handlers, not the JVM's shutdown: a worker told to stop finishes its partitions,
        // marks itself ended and exits 0, rather than dying with 143 in the middle of a chunk.
        Signal.handle(new Signal("TERM"), signal -> stopTaking("SIGTERM"));
        Signal.handle(new Signal("INT"), signal -> stopTaking("SIGINT"));

        PartitionClaims claims =
                new PartitionClaims(requests, jdbc, new TransactionTemplate(transactionManager), process.id());
        Map<Long, StepExecution> inFlight = PartitionWorker.noneInFlight();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < consumers; i++) {
            Thread thread = new Thread(
                    new PartitionWorker(claims, jobRepository, slice, process.id(), stopTaking, inFlight),
                    "partition-worker-" + i);
            thread.start();
            threads.add(thread);
        }
        System.out.printf(
                "Worker %s waiting for partitions on PostgreSQL channel %s/%s with %d threads%n",
                process.id(), PartitionChannel.REGION, PartitionChannel.PARTITION_REQUESTS, consumers);

        stopTaking.await();
        long deadline = System.nanoTime() + grace.toNanos();
        for (Thread thread : threads) {
            thread.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
        }
        if (!inFlight.isEmpty()) {
            System.out.printf(
                    "Worker %s: %d partitions still running after %d s; they stop at their next chunk%n",
                    process.id(), inFlight.size(), grace.toSeconds());
            inFlight.values().forEach(StepExecution::setTerminateOnly);
        }
        for (Thread thread : threads) {
            thread.join();
        }
        process.destroy();
        System.out.printf("Worker %s stopped%n", process.id());
    }

    private void stopTaking(String signal) {
        if (stopTaking.getCount() > 0) {
            System.out.printf("Worker %s: %s, taking no more partitions%n", process.id(), signal);
            stopTaking.countDown();
        }
    }

    @Override
    public int getExitCode() {
        return exitCode;
    }
}
