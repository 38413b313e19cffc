-- A CSV table becomes a workbook on upload (with the template's merged cells); that workbook is
-- what was checked, compiled, tried and approved, so it is what `content` keeps, and a later
-- template cannot change a version's rules. The CSV itself is kept beside it, as uploaded.
alter table rule_set_candidates add column original_content bytea;
