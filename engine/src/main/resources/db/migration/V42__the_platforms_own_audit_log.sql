-- What happens on the platform itself, rather than in a municipality: a platform administrator
-- created, disabled or choosing a password; a sign-in lock of an address, or of an account that
-- works for no municipality, set or lifted. Such events were written to the default
-- municipality's log, where that municipality's auditors read them, or only to the application's
-- log. They now have a log of their own, append-only and hash-chained like a municipality's.
--
-- Only a connection that works for the platform itself reads or writes it: one that works for no
-- municipality and says so (beslisstraat.platform = 'on', set by the application for the platform's
-- own work). A municipality's connections, and those that work for nobody (a sign-in, a
-- scheduler's thread), see no row and may add none.
create table platform_audit_log (
    id             bigint generated always as identity primary key,
    at             timestamptz not null default now(),
    actor          text        not null,
    action         text        not null,
    subject_type   text        not null,
    subject_id     text        not null,
    details        jsonb       not null default '{}',
    chain_position bigint      not null unique,
    chain_hash     text        not null
);

alter table platform_audit_log enable row level security;
alter table platform_audit_log force row level security;
create function works_for_the_platform() returns boolean
    language sql stable as $$
    select coalesce(current_setting('beslisstraat.platform', true), '') = 'on'
       and coalesce(current_setting('beslisstraat.municipality', true), '') = ''
$$;

create policy platform_only on platform_audit_log
    using (works_for_the_platform())
    with check (works_for_the_platform());

create trigger platform_audit_log_append_only before update or delete on platform_audit_log
    for each row execute function refuse_change();

-- One chain, one head: platform events are few, so the row lock on the head, which orders the
-- links, costs nothing worth spreading over lanes.
create table platform_chain_head (
    only_row boolean primary key default true check (only_row),
    position bigint  not null,
    hash     text    not null
);
insert into platform_chain_head values (true, 0, '');
-- read by the same connections only; the trigger below writes it as the owner
alter table platform_chain_head enable row level security;
create policy platform_only on platform_chain_head for select using (works_for_the_platform());

-- A link's content, as for a municipality's chain (chain_content): the row as jsonb text in UTC,
-- nulls and the link's own columns left out.
create function platform_chain_content(r platform_audit_log) returns text
    language sql stable set timezone = 'UTC' as $$
    select (jsonb_strip_nulls(to_jsonb(r)) - array['chain_position', 'chain_hash'])::text
$$;

-- Every row is linked here, whatever the insert said: its time is the transaction's, its position
-- follows the head and its hash is chain_link of the head's hash and its content, so a writer can
-- neither backdate an entry nor place it elsewhere in the chain. Runs as the owner, which alone
-- may move the head.
create function platform_chain_append() returns trigger
    language plpgsql security definer set search_path from current as $$
declare
    head platform_chain_head%rowtype;
begin
    select * into head from platform_chain_head for update;
    new.at := now();
    new.chain_position := head.position + 1;
    new.chain_hash := chain_link(head.hash, platform_chain_content(new));
    update platform_chain_head set position = new.chain_position, hash = new.chain_hash;
    return new;
end;
$$;
revoke all on function platform_chain_append() from public;

create trigger platform_audit_log_chain before insert on platform_audit_log
    for each row execute function platform_chain_append();

-- V14's default privileges gave the application every table's update and delete: taken back.
revoke update, delete, truncate on platform_audit_log from beslisstraat_app;
grant select, insert on platform_audit_log to beslisstraat_app;
revoke insert, update, delete, truncate on platform_chain_head from beslisstraat_app;
grant select on platform_chain_head to beslisstraat_app;
