-- Run as the schema's owner (TestDatabase.owner()): the application's runtime role may not
-- truncate or change triggers.
-- Makes recording the decision of one case (the 3,000th queued) fail, as a database fault would:
-- the chunk holding it rolls back and the run fails halfway.
create function fail_on_one_case() returns trigger language plpgsql as $$
begin
    if new.case_id = (select id from cases order by id offset 2999 limit 1) then
        raise exception 'simulated database fault while recording case %', new.case_id;
    end if;
    return new;
end;
$$;
create trigger fail_on_one_case before insert on decisions for each row execute function fail_on_one_case();
