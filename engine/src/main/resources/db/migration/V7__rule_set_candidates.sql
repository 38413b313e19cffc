-- Rule-set versions uploaded by policy officers: a draft with its example-case results, approved
-- by a second officer with the date from which it applies, or withdrawn before that date. The
-- uploaded table is kept as it was, so a version can always be recompiled exactly.
create table rule_set_candidates (
    id             bigint generated always as identity primary key,
    case_type      text        not null,
    version        text        not null,
    table_resource text        not null,
    content        bytea       not null,
    author         text        not null,
    uploaded_at    timestamptz not null default now(),
    example_results jsonb      not null,
    status         text        not null default 'DRAFT' check (status in ('DRAFT', 'APPROVED', 'WITHDRAWN')),
    approver       text,
    approved_at    timestamptz,
    effective_from date,
    unique (case_type, version)
);
