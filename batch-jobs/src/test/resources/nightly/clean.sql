-- Run as the schema's owner (TestDatabase.owner()): the application's runtime role may not
-- truncate or change triggers.
-- The chains start afresh with their rows.
truncate cases, decisions, review_tasks, audit_log, chain_heads, nightly_runs restart identity cascade;
