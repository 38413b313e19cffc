-- The chain stays what V18 made it: every row a link, hashed over its predecessor's hash and its
-- own canonical content. What changes is how a row finds its predecessor. V18 locked the chain's
-- head and looked up the chain's last row for every row inserted: a nightly run writes two links
-- per case, and those lookups cost more than the rest of its writes together.
--
-- Now the first link a transaction appends to a chain locks the head and finds the last row, as
-- before; every link after it takes its predecessor from the transaction itself, where the trigger
-- leaves the link it just wrote (a setting named after the table, holding the transaction id, the
-- municipality, position and hash). The head stays locked until the transaction ends, so no other
-- transaction can append in between, and a setting made in a transaction (or savepoint) that rolls
-- back is rolled back with the rows it describes. A setting left by an earlier transaction names
-- another transaction id and is ignored.
--
-- The runtime login can set such a setting itself and so make the next link it inserts follow a
-- position and hash of its choosing. That gains it nothing: it can already only append, the unique
-- index on (municipality, position) refuses a second row at a position, and the verifier reports a
-- link that does not follow from its predecessor. What the chain is for, showing that a row written
-- earlier was changed or removed by someone who could, does not rest on the setting.

create or replace function chain_content(r anyelement) returns text
    language plpgsql stable set timezone = 'UTC' as $$
begin
    -- one removal of the four keys instead of four copies of the document; the same text
    return (jsonb_strip_nulls(to_jsonb(r)) - array['chain_position', 'chain_hash', 'rule_set_hash', 'norm_hash'])::text;
end;
$$;

create or replace function chain_append() returns trigger
    language plpgsql security definer set search_path from current as $$
declare
    carried text[] := string_to_array(current_setting('beslisstraat.chain_tail_' || tg_table_name, true), ' ');
    transaction_id text := pg_current_xact_id()::text;
    head chain_heads%rowtype;
    last_position bigint;
    last_hash text;
begin
    if carried is not null and carried[1] = transaction_id and carried[2] = new.municipality then
        last_position := carried[3]::bigint;
        last_hash := coalesce(carried[4], '');
    else
        select * into head from chain_heads
            where chain_table = tg_table_name and municipality = new.municipality for update;
        if not found then
            insert into chain_heads (chain_table, municipality, position, hash)
                values (tg_table_name, new.municipality, 0, '')
                on conflict do nothing;
            select * into head from chain_heads
                where chain_table = tg_table_name and municipality = new.municipality for update;
        end if;
        if tg_table_name = 'audit_log' then
            select chain_position, chain_hash into last_position, last_hash from audit_log
                where municipality = new.municipality order by chain_position desc limit 1;
        else
            select chain_position, chain_hash into last_position, last_hash from decisions
                where municipality = new.municipality order by chain_position desc limit 1;
        end if;
        if last_position is null or last_position < head.position then
            last_position := head.position;
            last_hash := head.hash;
        end if;
    end if;
    new.chain_position := last_position + 1;
    new.chain_hash := chain_link(last_hash, chain_content(new));
    -- not local: a local setting would be undone when this function (which has a SET clause) returns
    perform set_config('beslisstraat.chain_tail_' || tg_table_name,
        transaction_id || ' ' || new.municipality || ' ' || new.chain_position || ' ' || new.chain_hash, false);
    return new;
end;
$$;
