truncate cases, decisions, review_tasks, audit_log, nightly_runs restart identity cascade;
