-- A municipality's officers version what is theirs: their own rule-set versions and their
-- choices on a shared model (format CHOICES: the values, as `name=value` lines). Each belongs to
-- one municipality, and the database keeps them apart as it does the case data. What exists
-- belongs to the default municipality.
alter table rule_set_candidates add column municipality text not null default '0344' references municipalities (cbs_code);
alter table rule_set_candidates alter column municipality set default current_setting('beslisstraat.municipality');

alter table rule_set_candidates drop constraint if exists rule_set_candidates_format_check;
alter table rule_set_candidates add constraint rule_set_candidates_format_check
    check (format in ('XLSX', 'CSV', 'DMN', 'CHOICES'));

-- Labels of rules that decide (tables, models) stay unique on the whole platform: a decision names
-- its rules by label. A version of local choices is named on a decision with its municipality
-- (PARKING_PERMIT/2026.2+0193-2026.1), so its label is unique within the municipality.
alter table rule_set_candidates drop constraint if exists rule_set_candidates_case_type_version_key;
create unique index rule_set_candidates_version_per_municipality
    on rule_set_candidates (municipality, case_type, version);

alter table rule_set_candidates enable row level security;
alter table rule_set_candidates force row level security;
create policy rule_set_candidates_own_municipality on rule_set_candidates
    using (municipality = current_setting('beslisstraat.municipality', true))
    with check (municipality = current_setting('beslisstraat.municipality', true));
