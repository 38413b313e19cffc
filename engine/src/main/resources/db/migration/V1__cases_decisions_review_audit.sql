-- Beslisstraat core schema: a case flows QUEUED -> DECIDED or IN_REVIEW; its decisions are
-- immutable; exceptions become review tasks; every change leaves an audit entry.

create table cases (
    id                bigint generated always as identity primary key,
    case_type         text        not null,
    reference_date    date        not null,
    received_at       timestamptz not null default now(),
    input             jsonb       not null,
    status            text        not null default 'QUEUED'
                      check (status in ('QUEUED', 'DECIDED', 'IN_REVIEW')),
    status_changed_at timestamptz not null default now()
);

-- The nightly run reads the queue in id order; this index holds only what is still to do.
create index cases_queue on cases (id) where status = 'QUEUED';

create table decisions (
    id               bigint generated always as identity primary key,
    case_id          bigint      not null references cases (id),
    outcome          text        not null
                     check (outcome in ('GRANTED', 'PARTIALLY_GRANTED', 'NEEDS_REVIEW', 'REJECTED')),
    automated        boolean     not null,
    decided_by       text        not null,
    decided_at       timestamptz not null default now(),
    reference_date   date        not null,
    rule_set_version text,
    reasons          jsonb       not null,
    amounts          jsonb       not null,
    fired_rules      jsonb       not null,
    error            text,
    -- The nightly run (Spring Batch job instance) that decided it; null when decided on request.
    run_id           bigint
);

-- Exactly once: a case has at most one automated decision, whatever crashes and restarts happen.
create unique index decisions_one_automated_per_case on decisions (case_id) where automated;
create index decisions_by_case on decisions (case_id);
create index decisions_by_run on decisions (run_id) where run_id is not null;

create table review_tasks (
    id           bigint generated always as identity primary key,
    case_id      bigint      not null references cases (id),
    reason_codes text[]      not null,
    error        text,
    created_at   timestamptz not null default now(),
    -- The legal decision deadline (beslistermijn), from the received date and the regulation.
    deadline     date        not null,
    status       text        not null default 'OPEN' check (status in ('OPEN', 'CLOSED'))
);

create unique index review_tasks_one_open_per_case on review_tasks (case_id) where status = 'OPEN';
create index review_tasks_open_by_deadline on review_tasks (deadline) where status = 'OPEN';

create table audit_log (
    id           bigint generated always as identity primary key,
    at           timestamptz not null default now(),
    actor        text        not null,
    action       text        not null,
    subject_type text        not null,
    subject_id   text        not null,
    details      jsonb       not null default '{}'
);

create index audit_log_by_subject on audit_log (subject_type, subject_id);

-- Decisions and the audit log are written once and never changed. A correction is a new row.
create function refuse_change() returns trigger language plpgsql as $$
begin
    raise exception '% rows are immutable: % refused', tg_table_name, tg_op;
end;
$$;

create trigger decisions_immutable before update or delete on decisions
    for each row execute function refuse_change();
create trigger audit_log_append_only before update or delete on audit_log
    for each row execute function refuse_change();
