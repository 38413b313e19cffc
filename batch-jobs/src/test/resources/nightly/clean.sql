-- Run as the schema's owner (TestDatabase.owner()): the application's runtime role may not
-- truncate or change triggers.
truncate cases, decisions, review_tasks, audit_log, nightly_runs restart identity cascade;
