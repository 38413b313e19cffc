-- Run as the schema's owner (TestDatabase.owner()): takes brake.sql's brake off.
drop trigger if exists brake_on_decisions on decisions;
drop function if exists brake_on_decisions();
