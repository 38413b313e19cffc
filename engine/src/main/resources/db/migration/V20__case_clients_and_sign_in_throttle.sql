-- The e-service account that submitted a case. An INTAKE client reads only the cases it submitted;
-- cases from before this column (and those queued by the demo or a bulk load) have none, which
-- no client owns, so no INTAKE client reads them. Reviewers, auditors and officers are unaffected.
alter table cases add column submitted_by text;

-- Failed sign-ins, per account and per source address, kept in the database so that a lock
-- survives a restart and holds for every engine process behind a load balancer. Not under
-- row-level security: it is read before anybody is signed in, so before a municipality is known,
-- as users is. A row holds no password, only a name or an address, a count and times.
create table sign_in_throttle (
    kind text not null check (kind in ('ACCOUNT', 'ADDRESS')),
    key text not null,
    failures integer not null,
    first_failure_at timestamptz not null,
    not_before timestamptz not null,
    locked_until timestamptz,
    primary key (kind, key)
);
