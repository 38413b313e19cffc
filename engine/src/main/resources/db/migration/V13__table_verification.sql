-- What the verification of a rule-set version's decision table found at upload (gaps,
-- overlaps, dead rows), shown to officers and read at approval: a conflicting overlap blocks it.
alter table rule_set_candidates add column verification jsonb;
