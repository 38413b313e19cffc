-- A transaction's first link of a chain took its predecessor from the chain's last row, looked up
-- with a statement planned afresh on every call (a kept plan had read the whole table once it was
-- large, V31). Planning that statement under row-level security cost about a third of a
-- millisecond per transaction: with decide-now, where most transactions record one or two
-- decisions, about a sixth of the database's work per request (docs/performance.md).
--
-- The head holds the same link. chain_heads_follow moves a lane's head to the last link of every
-- statement that appends to it, in that statement's transaction, and this function locks the head
-- from the transaction's first link to its commit; so at every commit the head is the lane's last
-- link. A row can be beyond the head only if it was written with the triggers out of the way,
-- which takes the schema's owner: the next link then meets that row's position in the unique index
-- and the insert fails, rather than building on it, and the verifier names the row ("a row after
-- the chain's head"). Everything else is V31's function.
create or replace function chain_start(chain_table text, municipality_code text, transaction_id text)
    returns text[]
    language plpgsql security definer set search_path from current as $$
declare
    lanes constant smallint := 4;
    head chain_heads%rowtype;
    lane smallint;
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
    return array[transaction_id, municipality_code, lane::text, head.position::text, head.hash];
end;
$$;
