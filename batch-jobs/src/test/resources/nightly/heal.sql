drop trigger fail_on_one_case on decisions;
drop function fail_on_one_case();
