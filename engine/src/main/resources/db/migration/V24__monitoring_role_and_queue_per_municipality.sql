-- A municipality's Prometheus signs in with an account of its own that holds only MONITORING: it
-- reads that municipality's operations metrics and nothing of its cases, decisions or audit log.
-- It is a role in a municipality like the others, given by the platform administrator.
alter table user_municipalities drop constraint user_municipalities_roles_check;
alter table user_municipalities add constraint user_municipalities_roles_check
    check (cardinality(roles) > 0
        and roles <@ array['POLICY_OFFICER', 'REVIEWER', 'SCHEDULER', 'AUDITOR', 'INTAKE', 'MONITORING']::text[]);

-- The operations metrics count a municipality's queue and open review tasks every few seconds,
-- under row-level security: with these, each count reads that municipality's entries only, not
-- every municipality's queue. Partial, like the indexes they complement: a case leaves the index
-- when it is decided, so the nightly run's updates add no entries to them.
create index cases_queue_per_municipality on cases (municipality, id) where status = 'QUEUED';
create index review_tasks_open_per_municipality on review_tasks (municipality, deadline) where status = 'OPEN';
