-- The schedulers' console and runs spread over several processes. The engine (web) and the batch
-- processes (manager, workers, command line) share nothing but this database: the console writes
-- schedules and requests, a manager carries them out, every process says it is alive here, and
-- the run's progress is counted here in the same transactions as its decisions.

-- When a municipality's nightly run starts: a Spring cron expression (second minute hour
-- day-of-month month day-of-week) read in Europe/Amsterdam. `last_planned_start` is the latest
-- planned start a manager has taken: the row lock on it makes one start out of many managers.
create table nightly_schedules (
    municipality       text primary key default current_setting('beslisstraat.municipality')
                       references municipalities (cbs_code),
    cron               text        not null check (length(cron) <= 100),
    paused             boolean     not null default false,
    last_planned_start timestamptz,
    changed_by         text        not null,
    changed_at         timestamptz not null default now()
);

-- What a scheduler asked of the night: start a run for a date, stop, restart or recover a run.
-- A manager takes a request (`taken_by`), carries it out and says what came of it: `outcome` is a
-- code the pages put in words (STARTED, ALREADY_COMPLETED, ALREADY_RUNNING, STOPPING, NOT_RUNNING,
-- RESTARTED, NOT_RESTARTABLE, RECOVERED, STILL_ALIVE, UNKNOWN_RUN, ERROR), and `run_id` the run it
-- started or acted on.
create table run_requests (
    id           bigserial primary key,
    municipality text        not null default current_setting('beslisstraat.municipality')
                 references municipalities (cbs_code),
    action       text        not null check (action in ('START', 'STOP', 'RESTART', 'RECOVER')),
    run_date     date,
    run_id       bigint,
    requested_by text        not null,
    requested_at timestamptz not null default now(),
    taken_by     text,
    taken_at     timestamptz,
    done_at      timestamptz,
    succeeded    boolean,
    outcome      text,
    -- a start names its date (and gets its run when carried out); the others name their run
    check (case when action = 'START' then run_date is not null else run_id is not null end)
);
create index run_requests_open on run_requests (requested_at) where taken_at is null;

-- Both are a municipality's own: its schedulers see and change only its schedule and requests.
do $$
declare
    t text;
begin
    foreach t in array array['nightly_schedules', 'run_requests'] loop
        execute format('alter table %I enable row level security', t);
        execute format('alter table %I force row level security', t);
        execute format('create policy %I on %I'
                || ' using (municipality = current_setting(''beslisstraat.municipality'', true))'
                || ' with check (municipality = current_setting(''beslisstraat.municipality'', true))',
                t || '_own_municipality', t);
    end loop;
end;
$$;

-- Every batch process (manager, worker, command line) writes a heartbeat here every few seconds.
-- A process whose heartbeat is older than the stated limit is dead, whatever the job repository
-- still says of its runs and partitions; `ended_at` is set by a process that stopped cleanly.
create table batch_processes (
    id         text primary key,
    kind       text        not null check (kind in ('MANAGER', 'WORKER', 'COMMAND_LINE')),
    host       text        not null,
    pid        bigint      not null,
    started_at timestamptz not null default now(),
    last_beat  timestamptz not null default now(),
    ended_at   timestamptz
);

-- Which process runs which job execution (the manager of the run), and by what it was started:
-- the schedule, a person (the console) or the command line.
create table run_executions (
    job_execution_id bigint primary key,
    run_id           bigint      not null,
    process_id       text        not null references batch_processes (id),
    trigger          text        not null check (trigger in ('SCHEDULE', 'PERSON', 'COMMAND_LINE')),
    triggered_by     text,
    started_at       timestamptz not null default now()
);
create index run_executions_run on run_executions (run_id);

-- Which process works on which partition (a step execution of the run's partitioned step).
create table partition_claims (
    step_execution_id bigint primary key,
    process_id        text        not null references batch_processes (id),
    claimed_at        timestamptz not null default now()
);

-- A run's progress, counted per partition in the transaction of each chunk's decisions, so that
-- it is exact after a crash and a restart and costs no query over the decisions to show.
-- `outcome` is GRANTED, PARTIALLY_GRANTED, REJECTED, TO_REVIEW or FAILED.
create table run_progress (
    run_id       bigint not null,
    partition    text   not null,
    municipality text   not null default current_setting('beslisstraat.municipality')
                 references municipalities (cbs_code),
    case_type    text   not null,
    outcome      text   not null,
    cases        bigint not null,
    updated_at   timestamptz not null default now(),
    primary key (run_id, partition, case_type, outcome)
);
alter table run_progress enable row level security;
alter table run_progress force row level security;
create policy run_progress_own_municipality on run_progress
    using (municipality = current_setting('beslisstraat.municipality', true))
    with check (municipality = current_setting('beslisstraat.municipality', true));

-- What the history shows of a run beyond its counts: what started it first, how many cases were
-- queued when it split the queues (for its progress bar and ETA), and why it last failed: a code
-- the pages put in words (WORKER_DIED, MANAGER_DIED, STEP_FAILED) and its particulars (the
-- process, or the error's own message).
alter table nightly_runs
    add column trigger text check (trigger in ('SCHEDULE', 'PERSON', 'COMMAND_LINE')),
    add column triggered_by text,
    add column queued_at_start bigint,
    add column error_code text,
    add column error_detail text;

-- The durable channel over which a manager hands partitions to workers (Spring Integration's JDBC
-- channel message store, PostgreSQL layout). A message holds only a partition's step name and step
-- execution id, written and read as text (never a serialized Java object).
create sequence int_message_seq start with 1 increment by 1 no cycle;
create table int_channel_message (
    message_id         char(36)     not null,
    group_key          char(36)     not null,
    created_date       bigint       not null,
    message_priority   bigint,
    message_sequence   bigint       not null default nextval('int_message_seq'),
    message_content    bytea,
    region             varchar(100) not null,
    constraint int_channel_message_pk primary key (region, group_key, created_date, message_sequence)
);
create index int_channel_msg_delete_idx on int_channel_message (region, group_key, message_id);
