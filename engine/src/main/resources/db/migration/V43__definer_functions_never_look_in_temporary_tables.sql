-- A function that runs as the owner (security definer) and names a table without its schema finds
-- it along its search path, and PostgreSQL looks in the session's temporary schema first unless
-- the path says where. The runtime login may create temporary tables (PUBLIC may, by default, and
-- V17 grants it where that was revoked), so it could have put a table of its own named like the
-- chain's heads in front of the real one, for such a function to read and write as the owner.
-- Every definer function of the schema now searches the system catalog, then the schema, and the
-- temporary schema last, where nothing it names is ever found first.
do $$
declare
    f regprocedure;
begin
    for f in
        select p.oid::regprocedure from pg_proc p
        where p.pronamespace = current_schema()::regnamespace and p.prosecdef
    loop
        execute format('alter function %s set search_path = pg_catalog, %I, pg_temp', f, current_schema());
    end loop;
end;
$$;
