-- Run as the schema's owner (TestDatabase.owner()): the application's runtime role may not
-- truncate or change triggers.
-- The chains start afresh with their rows. The batch processes stay: the test JVM's own heartbeat
-- row is referenced by every run it starts.
truncate cases, decisions, review_tasks, audit_log, chain_heads, nightly_runs, run_progress, run_executions,
    partition_claims, run_requests, nightly_schedules restart identity cascade;
