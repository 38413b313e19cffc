-- Norm table versions take the same road as rule-set versions: an officer's CSV is a draft with
-- its example-case results; a second officer approves it with the date from which it applies
-- (only then is it a norm version), or it is withdrawn. The CSV is kept exactly as uploaded.
create table norm_candidates (
    id              bigint generated always as identity primary key,
    version         text        not null unique,
    note            text,
    content         text        not null,
    author          text        not null,
    uploaded_at     timestamptz not null default now(),
    example_results jsonb       not null,
    status          text        not null default 'DRAFT' check (status in ('DRAFT', 'APPROVED', 'WITHDRAWN')),
    approver        text,
    approved_at     timestamptz,
    effective_from  date
);

-- A norm version approved for a future date can be withdrawn before it takes effect. The version
-- itself stays (never changed, never deleted); its withdrawal is a fact of its own, insert-only.
create table norm_withdrawals (
    version      text        primary key references norm_versions (version),
    withdrawn_by text        not null,
    withdrawn_at timestamptz not null default now()
);

create trigger norm_withdrawals_immutable before update or delete on norm_withdrawals
    for each row execute function refuse_change();

-- A withdrawn version keeps its effective date; the next version may take the same date.
-- Which version is in force on a date is decided by the catalog among versions not withdrawn.
alter table norm_versions drop constraint norm_versions_effective_from_key;
alter table norm_versions add column approved_by text;
