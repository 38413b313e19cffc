-- Tamper evidence: every audit entry and every decision is a link of a hash chain, one chain per
-- table and municipality (row-level security keeps municipalities apart, so a chain that crossed
-- them could not be verified by either). A link's hash is SHA-256 over the previous link's hash
-- and the row's canonical content, computed by a trigger in the transaction that inserts the row.
-- Triggers and privileges stop the runtime login from changing a row; the chain is what shows
-- that someone who could (the owner, a superuser) did.

-- The canonical content: the row as jsonb (keys sorted, numbers and strings normalised), with
-- timestamps always in UTC whatever the session's time zone, minus the chain's own columns and
-- minus the two rule and norm content hashes, which the start-up backfill may fill once into
-- decisions written before they existed (V12). Nulls are left out, so a column added later
-- without a default does not change the content of rows written before it.
create function chain_content(r anyelement) returns text
    language plpgsql stable set timezone = 'UTC' as $$
begin
    return (jsonb_strip_nulls(to_jsonb(r)) - 'chain_position' - 'chain_hash' - 'rule_set_hash' - 'norm_hash')::text;
end;
$$;

create function chain_link(previous_hash text, content text) returns text
    language sql immutable as $$
    select encode(sha256(convert_to(previous_hash || '|' || content, 'UTF8')), 'hex')
$$;

-- The head of each chain: its last position and hash. Only the trigger (as the owner) writes it;
-- the row lock on it orders the links of one chain while concurrent transactions of other
-- municipalities go on undisturbed.
create table chain_heads (
    chain_table  text   not null,
    municipality text   not null references municipalities (cbs_code),
    position     bigint not null,
    hash         text   not null,
    primary key (chain_table, municipality)
);

alter table audit_log add column chain_position bigint;
alter table audit_log add column chain_hash text;
alter table decisions add column chain_position bigint;
alter table decisions add column chain_hash text;

-- The previous link is the chain's last row, found through the index on (municipality,
-- position); rows inserted earlier by the same statement are visible here. The head row in
-- chain_heads is locked for the rest of the transaction, which orders the links of one chain, and
-- moved once per statement (below), not per row: a row updated a thousand times in one
-- transaction leaves a thousand versions to step over. Should the last rows have been deleted,
-- the head is ahead of the table, and the chain goes on from the head, leaving the gap visible.
create function chain_append() returns trigger
    language plpgsql security definer set search_path from current as $$
declare
    head chain_heads%rowtype;
    last_position bigint;
    last_hash text;
begin
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
    new.chain_position := last_position + 1;
    new.chain_hash := chain_link(last_hash, chain_content(new));
    return new;
end;
$$;

-- Once per statement: each chain the statement added to gets its new head.
create function chain_heads_follow() returns trigger
    language plpgsql security definer set search_path from current as $$
begin
    update chain_heads h set position = last.chain_position, hash = last.chain_hash
        from (select distinct on (municipality) municipality, chain_position, chain_hash
              from inserted order by municipality, chain_position desc) last
        where h.chain_table = tg_table_name and h.municipality = last.municipality
          and h.position < last.chain_position;
    return null;
end;
$$;

-- The rows written before the chain existed become its first links, in id order.
alter table audit_log disable trigger audit_log_append_only;
alter table decisions disable trigger decisions_immutable;
alter table audit_log no force row level security;
alter table decisions no force row level security;
do $$
declare
    t text;
    m text;
    r record;
    previous text;
    n bigint;
begin
    foreach t in array array['audit_log', 'decisions'] loop
        for m in select cbs_code from municipalities order by cbs_code loop
            previous := '';
            n := 0;
            for r in execute format('select id, chain_content(x) as content from %I x where municipality = $1 order by id', t) using m loop
                n := n + 1;
                previous := chain_link(previous, r.content);
                execute format('update %I set chain_position = $1, chain_hash = $2 where id = $3', t) using n, previous, r.id;
            end loop;
            if n > 0 then
                insert into chain_heads values (t, m, n, previous);
            end if;
        end loop;
    end loop;
end;
$$;
alter table audit_log force row level security;
alter table decisions force row level security;
alter table audit_log enable trigger audit_log_append_only;
alter table decisions enable trigger decisions_immutable;

alter table audit_log alter column chain_position set not null;
alter table audit_log alter column chain_hash set not null;
alter table decisions alter column chain_position set not null;
alter table decisions alter column chain_hash set not null;
create unique index audit_log_chain on audit_log (municipality, chain_position);
create unique index decisions_chain on decisions (municipality, chain_position);

-- Named so that they run after any other before-insert trigger has settled the row.
create trigger zz_audit_log_chain before insert on audit_log for each row execute function chain_append();
create trigger zz_decisions_chain before insert on decisions for each row execute function chain_append();
create trigger audit_log_chain_head after insert on audit_log referencing new table as inserted
    for each statement execute function chain_heads_follow();
create trigger decisions_chain_head after insert on decisions referencing new table as inserted
    for each statement execute function chain_heads_follow();

-- The application reads the heads (to write them outside the database) but never writes them.
revoke insert, update, delete, truncate on chain_heads from beslisstraat_app;
grant select on chain_heads to beslisstraat_app;
