-- A decision and a review task name their case in its municipality (V36). The foreign keys that
-- said so checked each inserted row on its own: a query per row, and a lock on the case's row that
-- is written to the WAL. That was about 7.5 µs a row, an eighth of what the database spends on a
-- case in the nightly run (docs/performance.md). The same rule now holds once per statement, over
-- all the rows the statement inserted.
--
-- What the keys also guaranteed, that a named case stays as it is, the cases now guarantee
-- themselves:
--   - a case keeps its id and its municipality;
--   - a case that a decision or review task names is not deleted. The check on delete runs after
--     the delete has locked the case's row, so it also sees a decision committed meanwhile by a
--     transaction that held that row. Every path that decides a case changes its status in the
--     same transaction, and an objection's task names a case that already has a decision.
--
-- The check runs with the inserting connection's row-level security. A row of another
-- municipality's case does not see that case, so it is refused, as it was by the key.

create function rows_name_their_case() returns trigger
    language plpgsql set search_path from current as $$
declare
    orphan record;
begin
    -- a look-up by primary key per row, whatever the number of rows: as an anti-join the plan,
    -- made once per connection, could scan all cases for each statement of a few rows
    select i.case_id, i.municipality into orphan from inserted i
        where (select c.municipality from cases c where c.id = i.case_id) is distinct from i.municipality
        limit 1;
    if found then
        raise exception using
            errcode = 'foreign_key_violation',
            constraint = tg_argv[0],
            message = format('insert into %s violates %s: municipality %s has no case %s',
                tg_table_name, tg_argv[0], orphan.municipality, orphan.case_id);
    end if;
    return null;
end;
$$;

alter table decisions drop constraint decisions_case_in_municipality;
create trigger decisions_case_in_municipality after insert on decisions
    referencing new table as inserted
    for each statement execute function rows_name_their_case('decisions_case_in_municipality');

alter table review_tasks drop constraint review_tasks_case_in_municipality;
create trigger review_tasks_case_in_municipality after insert on review_tasks
    referencing new table as inserted
    for each statement execute function rows_name_their_case('review_tasks_case_in_municipality');

-- The unique index on cases (id, municipality) was there only for the keys to refer to. Moving a
-- case out of the queue wrote an entry into it for every case; the primary key finds a case alone.
drop index cases_in_municipality;

create function cases_stay_while_named() returns trigger
    language plpgsql set search_path from current as $$
begin
    if tg_op = 'UPDATE' then
        if new.id is distinct from old.id or new.municipality is distinct from old.municipality then
            raise exception using
                errcode = 'foreign_key_violation',
                message = format('case %s keeps its id and municipality %s', old.id, old.municipality);
        end if;
        return new;
    end if;
    if exists (select from decisions d where d.case_id = old.id and d.municipality = old.municipality)
            or exists (select from review_tasks t where t.case_id = old.id and t.municipality = old.municipality) then
        raise exception using
            errcode = 'foreign_key_violation',
            message = format('case %s of municipality %s is named by a decision or review task and stays',
                old.id, old.municipality);
    end if;
    return old;
end;
$$;

create trigger cases_stay_while_named before delete or update of id, municipality on cases
    for each row execute function cases_stay_while_named();
