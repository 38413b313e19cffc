-- Two logins: the one that runs these migrations owns the schema; the application's own
-- connections log in as `beslisstraat_runtime`, a role that is only a member of `beslisstraat_app`.
-- A superuser connection that merely `set role`s to the application role can `reset role` again
-- (one injected statement away from bypassing row-level security); a login that never was more
-- than the application role cannot.

-- Roles belong to the whole server and several schemas or databases may migrate at once (the test
-- JVMs do): one of them at a time decides whether the role is there.
select pg_advisory_xact_lock(hashtext('beslisstraat: runtime login role'));

-- Created without a password: the embedded PostgreSQL and a CI server with `trust` on loopback let
-- it log in as it is; in production the operator creates it beforehand with a password (or gives it
-- one), docs/operations.md. A schema owner that may not create roles leaves that to the operator.
do $$
begin
    if not exists (select from pg_roles where rolname = 'beslisstraat_runtime') then
        create role beslisstraat_runtime login inherit
            nosuperuser nocreatedb nocreaterole noreplication nobypassrls;
    end if;
exception
    when insufficient_privilege then
        raise notice 'beslisstraat_runtime does not exist and % may not create it: the operator creates it (docs/operations.md)', current_user;
end;
$$;

-- Its rights come only from the application role (INHERIT: no `set role` needed). An operator who
-- created the login may already have granted this; one who named the login otherwise grants it
-- to that login.
do $$
begin
    if exists (select from pg_roles where rolname = 'beslisstraat_runtime')
            and not pg_has_role('beslisstraat_runtime', 'beslisstraat_app', 'member') then
        grant beslisstraat_app to beslisstraat_runtime;
    end if;
exception
    when insufficient_privilege then
        raise notice '% may not grant beslisstraat_app to beslisstraat_runtime: the operator grants it (docs/operations.md)', current_user;
end;
$$;

-- COPY goes through a temporary staging table (CopyIn), so the application role needs TEMPORARY on
-- the database. PUBLIC has it by default; a hardened database that revoked it grants it here when
-- the owner may, else the operator does.
do $$
begin
    if not has_database_privilege('beslisstraat_app', current_database(), 'temporary') then
        execute format('grant temporary on database %I to beslisstraat_app', current_database());
    end if;
exception
    when insufficient_privilege then
        raise notice '% may not grant temporary on database % to beslisstraat_app: the operator grants it (docs/operations.md)', current_user, current_database();
end;
$$;

-- A municipality may have a nightly run of its own (`--municipality=0193`); a run without one
-- takes every municipality's queue, as before (null).
alter table nightly_runs add column municipality text references municipalities (cbs_code);
