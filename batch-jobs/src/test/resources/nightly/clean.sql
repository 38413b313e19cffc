-- As the schema's owner (V14): the application role may not truncate or change triggers.
reset role;
truncate cases, decisions, review_tasks, audit_log, nightly_runs restart identity cascade;
