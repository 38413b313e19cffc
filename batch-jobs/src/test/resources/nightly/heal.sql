-- As the schema's owner (V14): the application role may not truncate or change triggers.
reset role;
drop trigger fail_on_one_case on decisions;
drop function fail_on_one_case();
