-- The auditor reads an automated decision in the audit trail as a CASE_DECIDED entry with its
-- versions and their hashes; it now also shows the digest of the input the decision was taken on
-- (V47), so an auditor can compare it with the case's input by hand, as the verifier does.
--
-- The view is the one of V31 with that one key more. V31 fixed, in the view's definition, the
-- last decision that already had an audit entry of its own; that boundary must stay the same, so
-- it is read back from the definition, and the migration stops if it cannot be found. The server
-- writes it back as `decisions.id > 42`, or without the table's name, and a number beyond 2^31 as
-- `'3000000000'::bigint`.
do $$
declare
    boundary text;
begin
    boundary := substring(pg_get_viewdef('audit_trail'::regclass) from '[( ](?:decisions\.)?id > ''?(\d+)');
    if boundary is null then
        raise exception 'the audit trail view has no boundary between decisions with and without an entry of their own';
    end if;
    execute format($view$
        create or replace view audit_trail %s as
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
                       'inputHash', input_hash,
                       'runId', run_id,
                       'error', error)),
                   chain_lane, chain_position, case_id, run_id
            from decisions
            where automated and id > %s and municipality = current_setting('beslisstraat.municipality', true)
        $view$,
        case when current_setting('server_version_num')::int >= 150000 then 'with (security_invoker = true)' else '' end,
        boundary);
end;
$$;
