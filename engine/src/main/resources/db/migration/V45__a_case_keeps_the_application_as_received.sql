-- A case is the application as received: its case type, reference date, time of receipt and input
-- are what its decisions were taken on and what a recomputation years later starts from. Only the
-- hash chain's rows (decisions, audit_log) were protected, and the runtime login, which must update
-- a case's status, could rewrite its input or reference date as well: the decision still verified,
-- and a recomputation then blamed the rules for the difference. The status (and when it changed),
-- the client that sent it and its idempotency key stay as they were: the application itself is
-- kept as received, for the runtime login, the owner and a superuser with triggers on alike.
create function cases_keep_the_application() returns trigger
    language plpgsql as $$
begin
    raise exception using
        errcode = 'integrity_constraint_violation',
        message = format('case %s keeps its case type, reference date, time of receipt and input as received',
            old.id);
end;
$$;

create trigger cases_keep_the_application before update of case_type, reference_date, received_at, input on cases
    for each row
    when (new.case_type is distinct from old.case_type
          or new.reference_date is distinct from old.reference_date
          or new.received_at is distinct from old.received_at
          or new.input is distinct from old.input)
    execute function cases_keep_the_application();
