-- Every decision written from now on carries the digest of the input it was taken on (V47). The
-- verifier compares a digest with the case's input, but it has nothing to compare where a path of
-- the engine wrote none: such a decision would pass every check unseen. So the database refuses,
-- once per insert statement, a decision without a digest that is 64 hexadecimal digits. Rows
-- written before V47 keep their null: an update (the start-up filling of an old row's rule-set or
-- norm hash) is not an insert and is not checked.
create function decisions_link_their_input() returns trigger
    language plpgsql as $$
declare
    unlinked record;
begin
    select i.case_id into unlinked from inserted i
        where i.input_hash is null or i.input_hash !~ '^[0-9a-f]{64}$'
        limit 1;
    if found then
        raise exception using
            errcode = 'check_violation',
            constraint = 'decisions_link_their_input',
            message = format('a decision of case %s is written without the digest of the input it was taken on',
                unlinked.case_id);
    end if;
    return null;
end;
$$;
create trigger decisions_link_their_input after insert on decisions
    referencing new table as inserted
    for each statement execute function decisions_link_their_input();
