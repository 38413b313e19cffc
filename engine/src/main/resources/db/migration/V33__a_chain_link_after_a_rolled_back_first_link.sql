-- A connection whose first transaction to append a link rolled back could append no link again.
-- The trigger carries a transaction's last link in a session setting; once a session has had the
-- setting, rolling back the transaction that set it leaves it empty rather than absent, and the
-- trigger took the empty setting for one naming this transaction, so the next link had no
-- predecessor and its insert failed (chain_position may not be null). A pooled connection meets
-- this when a batch of decide-now requests fails and each request is tried again on its own.
-- Only the test that decides whether the setting names this transaction changes: it now also
-- fails for a setting that is empty or names nothing.
create or replace function chain_append() returns trigger
    language plpgsql as $$
declare
    setting constant text := 'beslisstraat.chain_tail_' || tg_table_name;
    transaction_id constant text := pg_current_xact_id()::text;
    tail text[] := string_to_array(current_setting(setting, true), ' ');
    content text;
begin
    if coalesce(cardinality(tail), 0) < 5 or tail[1] is distinct from transaction_id
       or tail[2] is distinct from new.municipality then
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
    new.chain_hash := chain_link(coalesce(tail[5], ''), content);
    -- not local: a local setting would be undone when this function returns
    perform set_config(setting,
        transaction_id || ' ' || new.municipality || ' ' || new.chain_lane || ' ' || new.chain_position || ' ' || new.chain_hash,
        false);
    return new;
end;
$$;
