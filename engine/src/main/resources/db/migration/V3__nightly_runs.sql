-- One row per nightly run (a Spring Batch job instance): its run date and, when done, the summary
-- the operator reads. Restarts of the same run update the same row.
create table nightly_runs (
    run_id      bigint      primary key,
    run_date    date        not null,
    started_at  timestamptz not null default now(),
    finished_at timestamptz,
    status      text        not null,
    summary     jsonb
);
