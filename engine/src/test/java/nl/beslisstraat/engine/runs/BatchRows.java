package nl.beslisstraat.engine.runs;

import java.time.LocalDate;
import java.util.concurrent.atomic.AtomicLong;
import nl.beslisstraat.engine.support.TestDatabase;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The rows the batch processes write, written here as they would: a run (its Spring Batch job
 * instance and {@code nightly_runs}), its attempts (job executions with {@code run_executions}),
 * processes with a fresh or stale heartbeat, partitions (step executions and claims) and progress.
 * Written as the schema's owner, so that a test can write for any municipality.
 */
final class BatchRows {

    /** Ids of their own, far from what the sequences hand out to other tests in the same schema. */
    private static final AtomicLong IDS = new AtomicLong(700_000_000L + (System.nanoTime() % 1_000_000) * 100);

    final JdbcTemplate owner = new JdbcTemplate(TestDatabase.owner());

    long id() {
        return IDS.incrementAndGet();
    }

    /** A run for one municipality, or for all (municipality null), with its job instance. */
    long run(LocalDate runDate, String municipality, String status, Long queuedAtStart) {
        long runId = id();
        owner.update(
                "insert into batch_job_instance (job_instance_id, version, job_name, job_key)"
                        + " values (?, 0, 'nightly-decisions', md5(?::text))",
                runId,
                runId);
        owner.update(
                "insert into nightly_runs (run_id, run_date, municipality, status, trigger, triggered_by, queued_at_start)"
                        + " values (?, ?, ?, ?, 'PERSON', 'scheduler', ?)",
                runId,
                runDate,
                municipality,
                status,
                queuedAtStart);
        return runId;
    }

    /** A batch process; alive when its heartbeat is fresh. */
    String process(String kind, boolean alive) {
        String id = kind.toLowerCase() + "-" + id();
        owner.update(
                "insert into batch_processes (id, kind, host, pid, last_beat) values (?, ?, 'batch-host', ?,"
                        + " now() - make_interval(secs => ?))",
                id,
                kind,
                id() % 100_000,
                alive ? 0.0 : 600.0);
        return id;
    }

    /** An attempt of the run by the process, with the job execution's status. */
    long execution(long runId, String status, String processId) {
        long executionId = id();
        owner.update(
                "insert into batch_job_execution (job_execution_id, version, job_instance_id, create_time, start_time,"
                        + " status, exit_code, last_updated) values (?, 1, ?, localtimestamp, localtimestamp, ?, ?, localtimestamp)",
                executionId,
                runId,
                status,
                status.equals("STARTED") ? "EXECUTING" : status);
        owner.update(
                "insert into run_executions (job_execution_id, run_id, process_id, trigger, triggered_by, started_at)"
                        + " values (?, ?, ?, 'PERSON', 'scheduler', now() - interval '10 seconds')",
                executionId,
                runId,
                processId);
        return executionId;
    }

    /** A partition of the attempt, claimed by a worker (or by none). */
    long partition(long executionId, String partition, String status, long read, String workerId, String exit) {
        long stepId = id();
        owner.update(
                "insert into batch_step_execution (step_execution_id, version, step_name, job_execution_id, create_time,"
                        + " start_time, status, read_count, write_count, commit_count, filter_count, read_skip_count,"
                        + " write_skip_count, process_skip_count, rollback_count, exit_code, exit_message, last_updated)"
                        + " values (?, 1, ?, ?, localtimestamp, localtimestamp, ?, ?, ?, 0, 0, 0, 0, 0, 0, ?, ?, localtimestamp)",
                stepId,
                "decide-queue-slice:" + partition,
                executionId,
                status,
                read,
                read,
                status,
                exit);
        if (workerId != null) {
            owner.update(
                    "insert into partition_claims (step_execution_id, process_id) values (?, ?)", stepId, workerId);
        }
        return stepId;
    }

    /** Adds decided cases to the run's progress of a partition. */
    void progress(long runId, String municipality, String partition, String caseType, String outcome, long cases) {
        owner.update(
                "insert into run_progress (run_id, partition, municipality, case_type, outcome, cases)"
                        + " values (?, ?, ?, ?, ?, ?) on conflict (run_id, partition, case_type, outcome)"
                        + " do update set cases = run_progress.cases + excluded.cases, updated_at = now()",
                runId,
                partition,
                municipality,
                caseType,
                outcome,
                cases);
    }

    /** Ends the run as the manager would, with its summary. */
    void finished(long runId, String status, String summaryJson, String errorCode, String errorDetail) {
        owner.update(
                "update nightly_runs set status = ?, finished_at = started_at + interval '100 seconds',"
                        + " summary = ?::jsonb, error_code = ?, error_detail = ? where run_id = ?",
                status,
                summaryJson,
                errorCode,
                errorDetail,
                runId);
    }
}
