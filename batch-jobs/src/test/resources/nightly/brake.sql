-- Run as the schema's owner (TestDatabase.owner()). A brake on the night: every chunk's insert of
-- decisions waits 50 ms, so that a run of 100,000 cases still runs when a person presses "stop",
-- however fast the machine (one of 2026-12 decided them in 6 s). release-brake.sql takes it off.
create or replace function brake_on_decisions() returns trigger language plpgsql as $$
begin
    perform pg_sleep(0.05);
    return null;
end;
$$;
create trigger brake_on_decisions after insert on decisions
    for each statement execute function brake_on_decisions();
