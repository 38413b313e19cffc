-- Linking a decision row took the row trigger more than half of the time the row's insert took
-- (rendering the row as jsonb text, SHA-256, the session setting that carries the link;
-- docs/performance.md). The engine now computes the same link itself for the decisions it records
-- in bulk: it reserves the rows' ids, time and chain positions here, renders each row's content
-- exactly as chain_content does, hashes it onto its predecessor and inserts the rows with their
-- link. The definition of a link is unchanged, so the verifier, which recomputes every link from
-- the stored row, reads old and new rows alike and names any row whose link does not hold.
--
-- What the database still guarantees for every statement, however its rows were linked: its links
-- continue their lane's head without a gap or an overlap, and the head follows them. A row given
-- without a link is linked by the trigger as before.

-- The ids, the time and the lane's head for the next `rows` decisions of the connection's
-- municipality, in the caller's transaction: the lane's head stays locked until it commits, as
-- with the trigger's own first link.
create function chain_reserve(chain_table text, rows integer)
    returns table (lane smallint, head_position bigint, head_hash text, at timestamptz, ids bigint[])
    language plpgsql security definer set search_path from current as $$
declare
    municipality_code constant text := current_setting('beslisstraat.municipality', true);
    -- looked up once: per id it would cost six times the id itself
    id_sequence constant regclass := pg_get_serial_sequence('decisions', 'id')::regclass;
    start text[];
begin
    if chain_table <> 'decisions' then
        raise exception 'no links are reserved on %', chain_table;
    end if;
    if municipality_code is null or municipality_code = '' then
        raise exception 'reserving links needs a municipality';
    end if;
    if rows is null or rows < 1 or rows > 100000 then
        raise exception 'between 1 and 100000 links can be reserved at once, not %', rows;
    end if;
    start := chain_start(chain_table, municipality_code, pg_current_xact_id()::text);
    lane := start[3]::smallint;
    head_position := start[4]::bigint;
    head_hash := coalesce(start[5], '');
    at := now();
    ids := array(select nextval(id_sequence) from generate_series(1, rows));
    return next;
end;
$$;

revoke all on function chain_reserve(text, integer) from public;
grant execute on function chain_reserve(text, integer) to beslisstraat_app;

-- Once per statement: each lane the statement added to must continue from its head, position by
-- position, and the head moves to its last link. The transaction's setting names that link, so a
-- row linked by the trigger later in the transaction follows it.
create or replace function chain_heads_follow() returns trigger
    language plpgsql security definer set search_path from current as $$
declare
    added record;
    head chain_heads%rowtype;
begin
    for added in
        select municipality, chain_lane, min(chain_position) as first_position,
               max(chain_position) as last_position, count(*) as links
        from inserted group by municipality, chain_lane
    loop
        select * into head from chain_heads h
            where h.chain_table = chain_head_name(tg_table_name, added.chain_lane)
              and h.municipality = added.municipality
            for update;
        if not found then
            raise exception 'links in lane % of % for %, which has no head', added.chain_lane, tg_table_name, added.municipality;
        end if;
        if added.first_position <> head.position + 1 or added.last_position - added.first_position + 1 <> added.links then
            raise exception 'links at positions % to % of lane % of % do not continue its head at %',
                added.first_position, added.last_position, added.chain_lane, tg_table_name, head.position;
        end if;
        select chain_hash into head.hash from inserted
            where municipality = added.municipality and chain_lane = added.chain_lane
              and chain_position = added.last_position;
        update chain_heads h set position = added.last_position, hash = head.hash
            where h.chain_table = head.chain_table and h.municipality = head.municipality;
        perform set_config('beslisstraat.chain_tail_' || tg_table_name,
            pg_current_xact_id()::text || ' ' || added.municipality || ' ' || added.chain_lane || ' '
                || added.last_position || ' ' || head.hash,
            false);
    end loop;
    return null;
end;
$$;

-- A decision that arrives with its link keeps it; one without gets it from the trigger.
drop trigger zz_decisions_chain on decisions;
create trigger zz_decisions_chain before insert on decisions
    for each row when (new.chain_hash is null) execute function chain_append();
