-- A municipality's Prometheus signs in with an account of its own that holds only MONITORING: it
-- reads that municipality's operations metrics and nothing of its cases, decisions or audit log.
-- It is a role in a municipality like the others, given by the platform administrator.
alter table user_municipalities drop constraint user_municipalities_roles_check;
alter table user_municipalities add constraint user_municipalities_roles_check
    check (cardinality(roles) > 0
        and roles <@ array['POLICY_OFFICER', 'REVIEWER', 'SCHEDULER', 'AUDITOR', 'INTAKE', 'MONITORING']::text[]);
