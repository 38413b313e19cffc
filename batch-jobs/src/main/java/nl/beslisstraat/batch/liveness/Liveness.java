package nl.beslisstraat.batch.liveness;

import java.time.Duration;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Whether a batch process is alive, read from its heartbeat against the database's clock (so that
 * the clocks of the machines do not matter). A process is dead when it ended, or when its last
 * heartbeat is older than {@code beslisstraat.batch.dead-after} (default 15 s: seven missed beats).
 */
@Component
public class Liveness {

    private final JdbcTemplate jdbc;
    private final Duration deadAfter;

    Liveness(JdbcTemplate jdbc, @Value("${beslisstraat.batch.dead-after:15s}") Duration deadAfter) {
        this.jdbc = jdbc;
        this.deadAfter = deadAfter;
    }

    public Duration deadAfter() {
        return deadAfter;
    }

    public boolean alive(String processId) {
        Boolean alive = jdbc.query(
                "select ended_at is null and last_beat > now() - make_interval(secs => ?)"
                        + " from batch_processes where id = ?",
                rs -> rs.next() ? rs.getBoolean(1) : Boolean.FALSE,
                (double) deadAfter.toMillis() / 1000,
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
}
