-- The norm table: versions (never changed, only added), each with its rows and the reference
-- date from which it is in force; and on every decision the norm version it used.

create table norm_versions (
    version        text        primary key,
    effective_from date        not null unique,
    note           text,
    created_by     text        not null,
    created_at     timestamptz not null default now()
);

create table norm_amounts (
    id          bigint generated always as identity primary key,
    version     text          not null references norm_versions (version),
    norm        text          not null,
    -- Key columns and values, such as {"householdType": "SINGLE", "pensionAge": "false"}.
    keys        jsonb         not null,
    valid_from  date          not null,
    valid_until date,
    amount      numeric(14, 2) not null
);

create index norm_amounts_by_version on norm_amounts (version);

create trigger norm_versions_immutable before update or delete on norm_versions
    for each row execute function refuse_change();
create trigger norm_amounts_immutable before update or delete on norm_amounts
    for each row execute function refuse_change();

alter table decisions add column norm_version text;
alter table decisions add column dates jsonb not null default '{}';
