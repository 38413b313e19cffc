package nl.beslisstraat.engine.operations;

import nl.beslisstraat.engine.security.Role;
import nl.beslisstraat.engine.security.UserAccounts;
import nl.beslisstraat.engine.support.TestDatabase;
import nl.beslisstraat.engine.support.TestUsers;
import nl.beslisstraat.engine.tenancy.Municipality;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Rows as the batch processes and the intake write them, written with SQL as the schema's owner
 * (who is not subject to row-level security, so every row names its municipality): a municipality
 * of the operations tests' own, Deventer, whose figures no other test changes.
 */
final class RunRows {

    static final String DEVENTER = "0150";
    static final String DEVENTER_SCHEDULER = "scheduler-deventer";
    static final String DEVENTER_MONITOR = "monitor-deventer";
    static final String ZWOLLE_SCHEDULER = "scheduler-zwolle";

    final JdbcTemplate owner = new JdbcTemplate(TestDatabase.owner());

    /** Deventer with a scheduler and a monitoring account, and a scheduler of Zwolle; Deventer's rows emptied. */
    void freshDeventer(UserAccounts accounts) {
        owner.update(
                "insert into municipalities (cbs_code, name) values (?, 'Deventer') on conflict do nothing", DEVENTER);
        Municipality.run(DEVENTER, () -> {
            accounts.save(
                    DEVENTER_SCHEDULER,
                    "600001",
                    "Dirk Deventer",
                    TestUsers.password(DEVENTER_SCHEDULER),
                    java.util.Set.of(Role.SCHEDULER),
                    "test");
            accounts.save(
                    DEVENTER_MONITOR,
                    "PROMETHEUS-DEVENTER",
                    "Prometheus Deventer",
                    TestUsers.password(DEVENTER_MONITOR),
                    java.util.Set.of(Role.MONITORING),
                    "test");
        });
        Municipality.run(
                TestUsers.ZWOLLE,
                () -> accounts.save(
                        ZWOLLE_SCHEDULER,
                        "500009",
                        "Zara Zwolle",
                        TestUsers.password(ZWOLLE_SCHEDULER),
                        java.util.Set.of(Role.SCHEDULER),
                        "test"));
        owner.update("delete from review_tasks where municipality = ?", DEVENTER);
        owner.update("delete from cases where municipality = ?", DEVENTER);
        owner.update("delete from run_progress where municipality = ?", DEVENTER);
    }

    void queuedCase(String municipality, String status, String receivedAgo) {
        owner.update(
                "insert into cases (case_type, reference_date, input, status, received_at, municipality)"
                        + " values ('PARKING_PERMIT', current_date, '{}'::jsonb, ?, now() - ?::interval, ?)",
                status,
                receivedAgo,
                municipality);
    }

    /** A review task on a new case of the municipality, its deadline this many days from today. */
    void reviewTask(String municipality, String status, int deadlineInDays) {
        queuedCase(municipality, "IN_REVIEW", "1 day");
        owner.update(
                "insert into review_tasks (case_id, reason_codes, deadline, status, municipality)"
                        + " values ((select max(id) from cases where municipality = ?), '{R1}', current_date + ?, ?, ?)",
                municipality,
                deadlineInDays,
                status,
                municipality);
    }

    /** A run of the municipality (null: of every municipality) that started and maybe finished. */
    void run(long runId, String municipality, String startedAgo, String finishedAfter) {
        owner.update("delete from nightly_runs where run_id = ?", runId);
        owner.update(
                "insert into nightly_runs (run_id, run_date, municipality, status, started_at, finished_at)"
                        + " values (?, current_date, ?, ?, now() - ?::interval, now() - ?::interval + ?::interval)",
                runId,
                municipality,
                finishedAfter == null ? "STARTED" : "COMPLETED",
                startedAgo,
                startedAgo,
                finishedAfter);
    }

    void progress(long runId, String municipality, String partition, String outcome, long cases, String updatedAgo) {
        owner.update(
                "insert into run_progress (run_id, partition, municipality, case_type, outcome, cases, updated_at)"
                        + " values (?, ?, ?, 'PARKING_PERMIT', ?, ?, now() - ?::interval)"
                        + " on conflict (run_id, partition, case_type, outcome)"
                        + " do update set cases = excluded.cases, updated_at = excluded.updated_at",
                runId,
                partition,
                municipality,
                outcome,
                cases,
                updatedAgo);
    }

    /**
     * The job repository's rows of a running execution of the run (job instance id = run id), its
     * execution and its one partition last changed {@code lastChangeAgo} ago, in the batch
     * process's local time as Spring Batch writes them.
     */
    void runningExecution(long runId, String lastChangeAgo) {
        owner.update(
                "insert into batch_job_instance (job_instance_id, version, job_name, job_key)"
                        + " values (?, 0, 'nightly-decisions', md5(?::text)) on conflict do nothing",
                runId,
                runId);
        owner.update(
                "insert into batch_job_execution (job_execution_id, version, job_instance_id, create_time,"
                        + " start_time, status, last_updated) values (?, 1, ?, localtimestamp - interval '1 hour',"
                        + " localtimestamp - ?::interval, 'STARTED', localtimestamp - ?::interval)"
                        + " on conflict (job_execution_id) do update set status = 'STARTED',"
                        + " create_time = excluded.create_time, start_time = excluded.start_time,"
                        + " last_updated = excluded.last_updated",
                runId,
                runId,
                lastChangeAgo,
                lastChangeAgo);
        owner.update(
                "insert into batch_step_execution (step_execution_id, version, step_name, job_execution_id,"
                        + " create_time, start_time, status, last_updated)"
                        + " values (?, 1, 'decide-queue-slice:0150-slice-0', ?, localtimestamp - interval '1 hour',"
                        + " localtimestamp - ?::interval, 'STARTED', localtimestamp - ?::interval)"
                        + " on conflict (step_execution_id) do update set last_updated = excluded.last_updated,"
                        + " start_time = excluded.start_time",
                runId,
                runId,
                lastChangeAgo,
                lastChangeAgo);
    }

    /** The execution ended: no other test sees a running run. */
    void ended(long runId) {
        owner.update(
                "update batch_job_execution set status = 'COMPLETED', end_time = localtimestamp where job_execution_id = ?",
                runId);
        owner.update(
                "update batch_step_execution set status = 'COMPLETED', end_time = localtimestamp where step_execution_id = ?",
                runId);
    }
}
