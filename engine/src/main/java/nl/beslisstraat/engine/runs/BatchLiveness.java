package nl.beslisstraat.engine.runs;

import java.time.Duration;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Whether the batch processes are alive, read from their heartbeats ({@code batch_processes}) against
 * the database's clock (so that the clocks of the machines do not matter): a process is dead when
 * it ended or when its last heartbeat is older than {@code beslisstraat.batch.dead-after} (default
 * 15 s: seven missed beats). The one rule for the console and for the batch processes (the
 * manager's recovery, the watch on the workers).
 */
@Component
public class BatchLiveness {

    private final JdbcTemplate jdbc;
    private final Duration deadAfter;

    BatchLiveness(JdbcTemplate jdbc, @Value("${beslisstraat.batch.dead-after:15s}") Duration deadAfter) {
        this.jdbc = jdbc;
        this.deadAfter = deadAfter;
    }

    public Duration deadAfter() {
        return deadAfter;
    }

    /** Whether this batch process is alive. */
    public boolean alive(String processId) {
        Boolean alive = jdbc.query(
                "select " + ALIVE + " from batch_processes where id = ?",
                rows -> rows.next() ? rows.getBoolean(1) : Boolean.FALSE,
                seconds(),
                processId);
        return Boolean.TRUE.equals(alive);
    }

    /** The process that runs (or ran) this job execution, when a batch process of ours started it. */
    public Optional<String> processOf(long jobExecutionId) {
        return jdbc
                .queryForList(
                        "select process_id from run_executions where job_execution_id = ?",
                        String.class,
                        jobExecutionId)
                .stream()
                .findFirst();
    }

    /** Whether some manager process is alive to carry out requests and fire schedules. */
    public boolean managerAlive() {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "select exists (select 1 from batch_processes where kind = 'MANAGER' and " + ALIVE + ")",
                Boolean.class,
                seconds()));
    }

    /**
     * Whether the process that runs this job execution is dead by its heartbeat. A job execution no
     * process of ours recorded (one from before heartbeats) is not: nothing says either way, and an
     * operator recovers it on the command line ({@code --recover}).
     */
    public boolean deadFor(long jobExecutionId) {
        Boolean alive = jdbc.query(
                "select " + ALIVE + " from run_executions x join batch_processes p on p.id = x.process_id"
                        + " where x.job_execution_id = ?",
                rows -> rows.next() ? rows.getBoolean(1) : null,
                seconds(),
                jobExecutionId);
        return Boolean.FALSE.equals(alive);
    }

    /** The SQL that says a batch_processes row ({@code p}, or unqualified) is alive; one parameter. */
    static final String ALIVE = "(ended_at is null and last_beat > now() - make_interval(secs => ?))";

    double seconds() {
        return deadAfter.toMillis() / 1000.0;
    }
}
