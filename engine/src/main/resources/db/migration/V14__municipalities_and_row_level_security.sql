-- Many municipalities on one platform (issue 10): every case, decision, review task and audit
-- entry belongs to one municipality, and the database, not each query, keeps them apart.

create table municipalities (
    cbs_code text primary key check (cbs_code ~ '^[0-9]{4}$'),
    name     text not null
);
insert into municipalities (cbs_code, name) values ('0344', 'Utrecht'), ('0193', 'Zwolle');

-- Until accounts have roles per municipality, an account belongs to one; all existing ones to
-- the default municipality. Not under row-level security: signing in reads it before any
-- municipality is known.
alter table users add column municipality text not null default '0344' references municipalities (cbs_code);

-- The case data. Existing rows belong to the default municipality; a new row to the municipality
-- of the connection that writes it (`beslisstraat.municipality`, set for every connection the
-- application takes; a session that never set it cannot insert at all).
alter table cases add column municipality text not null default '0344' references municipalities (cbs_code);
alter table decisions add column municipality text not null default '0344' references municipalities (cbs_code);
alter table review_tasks add column municipality text not null default '0344' references municipalities (cbs_code);
alter table audit_log add column municipality text not null default '0344' references municipalities (cbs_code);
alter table cases alter column municipality set default current_setting('beslisstraat.municipality');
alter table decisions alter column municipality set default current_setting('beslisstraat.municipality');
alter table review_tasks alter column municipality set default current_setting('beslisstraat.municipality');
alter table audit_log alter column municipality set default current_setting('beslisstraat.municipality');

-- Row-level security on the case data: a row is seen, inserted or changed only in its own
-- municipality. FORCE subjects the tables' owner too; superusers and BYPASSRLS roles are never
-- subject, which is why the application works as `beslisstraat_app` (below). An unset or empty
-- setting matches no row.
do $$
declare
    t text;
begin
    foreach t in array array['cases', 'decisions', 'review_tasks', 'audit_log'] loop
        execute format('alter table %I enable row level security', t);
        execute format('alter table %I force row level security', t);
        execute format('create policy %I on %I'
                || ' using (municipality = current_setting(''beslisstraat.municipality'', true))'
                || ' with check (municipality = current_setting(''beslisstraat.municipality'', true))',
                t || '_own_municipality', t);
    end loop;
end;
$$;

-- The role the application works as: not a superuser, not the owner, no BYPASSRLS. Roles belong
-- to the whole server, so it may exist already (another schema or database of Beslisstraat).
-- The migrating user becomes a member, so that its connections can `set role` to it.
do $$
begin
    if not exists (select from pg_roles where rolname = 'beslisstraat_app') then
        create role beslisstraat_app nologin nosuperuser nobypassrls;
    end if;
exception
    when duplicate_object or unique_violation then null; -- created meanwhile by a parallel migration
end;
$$;
do $$
begin
    if not pg_has_role(current_user, 'beslisstraat_app', 'member') then
        execute format('grant beslisstraat_app to %I', current_user);
    end if;
    execute format('grant usage on schema %I to beslisstraat_app', current_schema());
    execute format('grant select, insert, update, delete on all tables in schema %I to beslisstraat_app', current_schema());
    execute format('grant usage, select, update on all sequences in schema %I to beslisstraat_app', current_schema());
    execute format('alter default privileges in schema %I grant select, insert, update, delete on tables to beslisstraat_app', current_schema());
    execute format('alter default privileges in schema %I grant usage, select, update on sequences to beslisstraat_app', current_schema());
end;
$$;
