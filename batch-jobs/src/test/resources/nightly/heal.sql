-- Run as the schema's owner (TestDatabase.owner()): the application's runtime role may not
-- truncate or change triggers.
drop trigger fail_on_one_case on decisions;
drop function fail_on_one_case();
