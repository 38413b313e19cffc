-- V43 gave the functions that run as the owner a search path with the session's temporary schema
-- last. The triggers that check a row against other tables run as the session itself, and so
-- looked in its temporary schema first as well: a session of the runtime login could create a
-- temporary table named user_municipalities in which a reviewer is an e-service, and have the
-- database accept an API key for the reviewer; or one named cases, to have a decision name a case
-- that is not there. Every function of the schema that reads a table now searches the system
-- catalog, then the schema, and the temporary schema last. (The functions on the nightly path that
-- read no table keep no path of their own: setting one costs each call.)
do $$
declare
    f regprocedure;
begin
    for f in
        select p.oid::regprocedure from pg_proc p
        where p.pronamespace = current_schema()::regnamespace
          and p.proname in ('check_api_key', 'check_membership', 'check_platform_administrator',
                            'record_author_person', 'rows_name_their_case', 'cases_stay_while_named')
    loop
        execute format('alter function %s set search_path = pg_catalog, %I, pg_temp', f, current_schema());
    end loop;
end;
$$;
