-- Two costs of recording a decision, measured with the nightly benchmark (docs/performance.md):
-- the trigger that makes every row a link of the hash chain, and a second chained row per
-- automated decision, its audit entry, which repeated what the decision row itself says.

-- 1. The link. V27's trigger ran every row as the definer with its own search path, and rendered
-- the row's content through a function that sets the time zone: each of those settings is saved
-- and restored per call (about a fifth of the trigger's time, docs/performance.md). Now only finding where a
-- transaction's links start (the first link of a table per transaction, which needs the heads)
-- runs as the definer; every link after it is computed in the caller's own rights, and the
-- content is rendered inline when the session already speaks UTC (the engine's connections do
-- when its JVM's time zone is UTC), else through chain_content as before. The link's definition is unchanged, so the verifier
-- and every link made before read the same.
create or replace function chain_start(chain_table text, municipality_code text, transaction_id text)
    returns text[]
    language plpgsql security definer set search_path from current as $$
declare
    lanes constant smallint := 4;
    head chain_heads%rowtype;
    lane smallint;
    last_position bigint;
    last_hash text;
begin
    if chain_table not in ('audit_log', 'decisions') then
        raise exception 'no hash chain over %', chain_table;
    end if;
    -- the first lane nobody holds; a lane that does not exist yet is made and taken
    for candidate in 0 .. lanes - 1 loop
        select * into head from chain_heads h
            where h.chain_table = chain_head_name(chain_start.chain_table, candidate::smallint)
              and h.municipality = municipality_code
            for update skip locked;
        if found then
            lane := candidate;
            exit;
        end if;
        if not exists (select from chain_heads h
                       where h.chain_table = chain_head_name(chain_start.chain_table, candidate::smallint)
                         and h.municipality = municipality_code) then
            insert into chain_heads (chain_table, municipality, position, hash)
                values (chain_head_name(chain_start.chain_table, candidate::smallint), municipality_code, 0, '')
                on conflict do nothing;
            select * into head from chain_heads h
                where h.chain_table = chain_head_name(chain_start.chain_table, candidate::smallint)
                  and h.municipality = municipality_code
                for update;
            lane := candidate;
            exit;
        end if;
    end loop;
    if lane is null then
        -- every lane is held: wait for one, spread over them
        lane := (transaction_id::bigint % lanes)::smallint;
        select * into head from chain_heads h
            where h.chain_table = chain_head_name(chain_start.chain_table, lane)
              and h.municipality = municipality_code
            for update;
    end if;
    -- planned afresh on every call: a plan kept from when the table was small reads all of it
    -- once it is large (nothing re-plans a kept plan while the table grows unless it is analysed)
    execute format('select chain_position, chain_hash from %I where municipality = $1 and chain_lane = $2'
                   ' order by chain_position desc limit 1', chain_table)
        into last_position, last_hash
        using municipality_code, lane;
    if last_position is null or last_position < head.position then
        last_position := head.position;
        last_hash := head.hash;
    end if;
    return array[transaction_id, municipality_code, lane::text, last_position::text, coalesce(last_hash, '')];
end;
$$;

-- The caller's rights are enough here: the trigger writes only the row being inserted and the
-- transaction's own setting. A caller that fakes the setting or its search path can at most make
-- its own new rows carry links that do not follow, which the verifier reports (see V27).
create or replace function chain_append() returns trigger
    language plpgsql as $$
declare
    setting constant text := 'beslisstraat.chain_tail_' || tg_table_name;
    transaction_id constant text := pg_current_xact_id()::text;
    tail text[] := string_to_array(current_setting(setting, true), ' ');
    content text;
begin
    if tail is null or tail[1] <> transaction_id or tail[2] <> new.municipality then
        tail := chain_start(tg_table_name, new.municipality, transaction_id);
    end if;
    if current_setting('TimeZone') in ('UTC', 'Etc/UTC') then
        -- chain_content's own expression, without its time-zone setting
        content := (jsonb_strip_nulls(to_jsonb(new))
            - array['chain_position', 'chain_hash', 'chain_lane', 'rule_set_hash', 'norm_hash'])::text;
    else
        content := chain_content(new);
    end if;
    new.chain_lane := tail[3]::smallint;
    new.chain_position := tail[4]::bigint + 1;
    new.chain_hash := chain_link(tail[5], content);
    -- not local: a local setting would be undone when this function returns
    perform set_config(setting,
        transaction_id || ' ' || new.municipality || ' ' || new.chain_lane || ' ' || new.chain_position || ' ' || new.chain_hash,
        false);
    return new;
end;
$$;

-- 2. One record per automated decision. Its decision row is a link of the decisions chain and
-- holds everything its audit entry held (outcome, reasons, versions and their hashes, the run),
-- so the engine no longer writes that entry: the audit trail the auditor reads is the audit log
-- together with the automated decisions, shown as the CASE_DECIDED entries they used to have.
-- Decisions taken by a reviewer keep their own audit entry, which names the task and the person.
-- case_id and run_id are there so a search for a case or a run can use the decisions' indexes.
-- Automated decisions recorded before this version have their audit entry already; the view
-- shows the decision rows after them only, so none appears twice. The boundary is read from the
-- identity's sequence, which row-level security does not hide from the migration's owner.
-- Each part names the municipality as the tables' policies do: a view reads its tables in its
-- owner's rights, and before PostgreSQL 15 (security_invoker) an owner that is a superuser would
-- pass the policies by.
do $$
declare
    last_id bigint;
begin
    execute format('select case when is_called then last_value else 0 end from %s',
                   pg_get_serial_sequence('decisions', 'id')) into last_id;
    execute format($view$
        create view audit_trail %s as
            select 'audit_log'::text as chain_table, id, at, actor, action, subject_type, subject_id, details,
                   chain_lane, chain_position, null::bigint as case_id, null::bigint as run_id
            from audit_log
            where municipality = current_setting('beslisstraat.municipality', true)
            union all
            select 'decisions', id, decided_at, decided_by, 'CASE_DECIDED', 'case', case_id::text,
                   jsonb_strip_nulls(jsonb_build_object(
                       'outcome', outcome,
                       'reasons', (select coalesce(jsonb_agg(reason->'code'), '[]')
                                   from jsonb_array_elements(reasons) reason),
                       'ruleSetVersion', rule_set_version,
                       'ruleSetHash', rule_set_hash,
                       'normVersion', norm_version,
                       'normHash', norm_hash,
                       'runId', run_id,
                       'error', error)),
                   chain_lane, chain_position, case_id, run_id
            from decisions
            where automated and id > %s and municipality = current_setting('beslisstraat.municipality', true)
        $view$,
        case when current_setting('server_version_num')::int >= 150000 then 'with (security_invoker = true)' else '' end,
        last_id);
end;
$$;

revoke all on audit_trail from beslisstraat_app;
grant select on audit_trail to beslisstraat_app;
