-- chain_start takes a lane of a municipality's chain and holds it to the end of the transaction. It
-- runs as the owner, and the chain's row trigger calls it in the caller's rights, so every login
-- may call it; it took any municipality's lanes, so the runtime login could have held another
-- municipality's and stalled its decisions. Now a lane is taken only for the municipality the
-- session works for, or by the schema's owner. The rest is V34's definition, unchanged.
create or replace function chain_start(chain_table text, municipality_code text, transaction_id text)
    returns text[]
    language plpgsql security definer set search_path from current as $$
declare
    lanes constant smallint := 4;
    head chain_heads%rowtype;
    lane smallint;
begin
    -- a lane only for the municipality the session works for (row-level security holds every row
    -- it writes to the same), or for the schema's owner: migrations and an operator's repairs
    if municipality_code is distinct from nullif(current_setting('beslisstraat.municipality', true), '')
       and not pg_has_role(session_user,
                           (select nspowner from pg_namespace where nspname = current_schema()), 'member') then
        raise exception 'a lane of the chain of % is taken only while working for it', municipality_code;
    end if;
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
    return array[transaction_id, municipality_code, lane::text, head.position::text, head.hash];
end;
$$;
