-- The chain stays what V18 made it: every row a link, hashed over its predecessor's hash and its
-- own canonical content. What changes is how a row finds its predecessor. V18 locked the chain's
-- head and looked up the chain's last row for every row inserted: a nightly run writes two links
-- per case, and those lookups cost more than the rest of its writes together.
--
-- Now the first link a transaction appends to a chain locks the head and finds the last row, as
-- before; every link after it takes its predecessor from the transaction itself, where the trigger
-- leaves the link it just wrote (a setting named after the table, holding the transaction id, the
-- municipality, lane, position and hash). The head stays locked until the transaction ends, so no other
-- transaction can append in between, and a setting made in a transaction (or savepoint) that rolls
-- back is rolled back with the rows it describes. A setting left by an earlier transaction names
-- another transaction id and is ignored.
--
-- The runtime login can set such a setting itself and so make the next link it inserts follow a
-- position and hash of its choosing. That gains it nothing: it can already only append, the unique
-- index on (municipality, lane, position) refuses a second row at a position, and the verifier reports a
-- link that does not follow from its predecessor. What the chain is for, showing that a row written
-- earlier was changed or removed by someone who could, does not rest on the setting.

-- Lanes: a municipality's chain of a table is a few chains side by side. With one chain, the
-- head's lock made every writer of a municipality wait for the one before it to commit: a nightly
-- run's two workers wrote one after the other, whatever the cores. A transaction now takes the
-- first lane whose head nobody holds (waiting only when all are held), appends all its links of
-- that table there, and the next transaction may take another lane. Lane 0 is the chain as it was;
-- lane n's head is kept as chain_table 'audit_log#n' (or 'decisions#n'), so heads written outside
-- the database keep their form. Every lane is verified on its own.
alter table audit_log add column chain_lane smallint not null default 0;
alter table decisions add column chain_lane smallint not null default 0;
create unique index audit_log_chain_lanes on audit_log (municipality, chain_lane, chain_position);
create unique index decisions_chain_lanes on decisions (municipality, chain_lane, chain_position);
drop index audit_log_chain;
drop index decisions_chain;

-- The lane is where a row is kept, not what it says: left out of the content, so the rows hashed
-- before lanes existed hash the same. A row moved to another lane breaks both lanes' chains.
create or replace function chain_content(r anyelement) returns text
    language plpgsql stable set timezone = 'UTC' as $$
begin
    return (jsonb_strip_nulls(to_jsonb(r))
        - array['chain_position', 'chain_hash', 'chain_lane', 'rule_set_hash', 'norm_hash'])::text;
end;
$$;

create or replace function chain_head_name(chain_table text, lane smallint) returns text
    language sql immutable as $$
    select case when lane = 0 then chain_table else chain_table || '#' || lane end
$$;

create or replace function chain_append() returns trigger
    language plpgsql security definer set search_path from current as $$
declare
    lanes constant smallint := 4;
    carried text[] := string_to_array(current_setting('beslisstraat.chain_tail_' || tg_table_name, true), ' ');
    transaction_id text := pg_current_xact_id()::text;
    head chain_heads%rowtype;
    lane smallint;
    last_position bigint;
    last_hash text;
begin
    if carried is not null and carried[1] = transaction_id and carried[2] = new.municipality then
        lane := carried[3]::smallint;
        last_position := carried[4]::bigint;
        last_hash := coalesce(carried[5], '');
    else
        -- the first lane nobody holds; a lane that does not exist yet is made and taken
        for candidate in 0 .. lanes - 1 loop
            select * into head from chain_heads
                where chain_table = chain_head_name(tg_table_name, candidate::smallint)
                  and municipality = new.municipality
                for update skip locked;
            if found then
                lane := candidate;
                exit;
            end if;
            if not exists (select from chain_heads
                           where chain_table = chain_head_name(tg_table_name, candidate::smallint)
                             and municipality = new.municipality) then
                insert into chain_heads (chain_table, municipality, position, hash)
                    values (chain_head_name(tg_table_name, candidate::smallint), new.municipality, 0, '')
                    on conflict do nothing;
                select * into head from chain_heads
                    where chain_table = chain_head_name(tg_table_name, candidate::smallint)
                      and municipality = new.municipality
                    for update;
                lane := candidate;
                exit;
            end if;
        end loop;
        if lane is null then
            -- every lane is held: wait for one, spread over them
            lane := (transaction_id::bigint % lanes)::smallint;
            select * into head from chain_heads
                where chain_table = chain_head_name(tg_table_name, lane) and municipality = new.municipality
                for update;
        end if;
        if tg_table_name = 'audit_log' then
            select chain_position, chain_hash into last_position, last_hash from audit_log
                where municipality = new.municipality and chain_lane = lane
                order by chain_position desc limit 1;
        else
            select chain_position, chain_hash into last_position, last_hash from decisions
                where municipality = new.municipality and chain_lane = lane
                order by chain_position desc limit 1;
        end if;
        if last_position is null or last_position < head.position then
            last_position := head.position;
            last_hash := head.hash;
        end if;
    end if;
    new.chain_lane := lane;
    new.chain_position := last_position + 1;
    new.chain_hash := chain_link(last_hash, chain_content(new));
    -- not local: a local setting would be undone when this function (which has a SET clause) returns
    perform set_config('beslisstraat.chain_tail_' || tg_table_name,
        transaction_id || ' ' || new.municipality || ' ' || lane || ' ' || new.chain_position || ' ' || new.chain_hash,
        false);
    return new;
end;
$$;

-- Once per statement: each lane the statement added to gets its new head.
create or replace function chain_heads_follow() returns trigger
    language plpgsql security definer set search_path from current as $$
begin
    update chain_heads h set position = last.chain_position, hash = last.chain_hash
        from (select distinct on (municipality, chain_lane) municipality, chain_lane, chain_position, chain_hash
              from inserted order by municipality, chain_lane, chain_position desc) last
        where h.chain_table = chain_head_name(tg_table_name, last.chain_lane) and h.municipality = last.municipality
          and h.position < last.chain_position;
    return null;
end;
$$;
