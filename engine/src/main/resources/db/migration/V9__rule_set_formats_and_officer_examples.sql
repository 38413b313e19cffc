-- A rule-set version can be uploaded as an XLSX or CSV decision table or as a DMN model, and may
-- bring example cases of the officer's own beside the regulation's; both are kept as uploaded.
alter table rule_set_candidates add column format text not null default 'XLSX'
    check (format in ('XLSX', 'CSV', 'DMN'));
alter table rule_set_candidates add column officer_examples text;
