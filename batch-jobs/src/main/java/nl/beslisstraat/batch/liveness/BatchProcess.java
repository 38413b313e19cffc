package nl.beslisstraat.batch.liveness;

import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * This process's row in {@code batch_processes}, and the heartbeat that keeps it alive. A process
 * says what it is ({@link #register}) before it takes any run or partition; from then on a daemon
 * thread beats every {@link #BEAT}, and a clean shutdown marks the row ended. A process killed with
 * {@code kill -9} just stops beating.
 */
@Component
public class BatchProcess implements DisposableBean {

    /** How often a live process writes its heartbeat. */
    public static final Duration BEAT = Duration.ofSeconds(2);

    public enum Kind {
        MANAGER,
        WORKER,
        COMMAND_LINE
    }

    private static final Logger log = LoggerFactory.getLogger(BatchProcess.class);

    private final JdbcTemplate jdbc;
    private final String id;
    private volatile ScheduledExecutorService heart;

    BatchProcess(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.id = host() + ":" + ProcessHandle.current().pid() + ":"
                + UUID.randomUUID().toString().substring(0, 8);
    }

    /** The id other processes know this one by: host, pid and a random part. */
    public String id() {
        return id;
    }

    /** Writes this process's row (once) and starts the heartbeat. */
    public synchronized void register(Kind kind) {
        if (heart != null) {
            return;
        }
        jdbc.update(
                "insert into batch_processes (id, kind, host, pid) values (?, ?, ?, ?)",
                id,
                kind.name(),
                host(),
                ProcessHandle.current().pid());
        heart = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "heartbeat");
            thread.setDaemon(true);
            return thread;
        });
        heart.scheduleWithFixedDelay(this::beat, BEAT.toMillis(), BEAT.toMillis(), TimeUnit.MILLISECONDS);
        log.info("Batch process {} ({}) started; heartbeat every {} s", id, kind, BEAT.toSeconds());
    }

    private void beat() {
        try {
            jdbc.update("update batch_processes set last_beat = now() where id = ?", id);
        } catch (DataAccessException e) {
            // A database that is away for a moment must not kill the heartbeat thread.
            log.warn("Heartbeat of {} not written: {}", id, e.getMessage());
        }
    }

    @Override
    public synchronized void destroy() {
        if (heart == null) {
            return;
        }
        heart.shutdownNow();
        try {
            jdbc.update("update batch_processes set ended_at = now(), last_beat = now() where id = ?", id);
        } catch (DataAccessException e) {
            log.warn("End of {} not written: {}", id, e.getMessage());
        }
    }

    private static String host() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return ManagementFactory.getRuntimeMXBean().getName();
        }
    }
}
