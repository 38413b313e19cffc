-- A municipality's officers version what is theirs: their own rule-set versions, their choices
-- on a shared model (format CHOICES: the values, as `name=value` lines) and their own norm
-- versions. Each belongs to one municipality, and the database keeps the uploads apart as it does
-- the case data. What exists belongs to the default municipality.
alter table rule_set_candidates add column municipality text not null default '0344' references municipalities (cbs_code);
alter table rule_set_candidates alter column municipality set default current_setting('beslisstraat.municipality');
alter table norm_candidates add column municipality text not null default '0344' references municipalities (cbs_code);
alter table norm_candidates alter column municipality set default current_setting('beslisstraat.municipality');

-- A norm version approved by a municipality's officers is that municipality's; the bundled
-- (national) norms belong to none: they are the platform's, in force for every municipality
-- until one approves a version of its own. The versions are immutable, so the trigger that
-- guards them is lifted for the one statement that says whose the approved ones were.
alter table norm_versions add column municipality text references municipalities (cbs_code);
alter table norm_versions disable trigger norm_versions_immutable;
update norm_versions set municipality = '0344' where approved_by is not null;
alter table norm_versions enable trigger norm_versions_immutable;

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
alter table norm_candidates enable row level security;
alter table norm_candidates force row level security;
create policy norm_candidates_own_municipality on norm_candidates
    using (municipality = current_setting('beslisstraat.municipality', true))
    with check (municipality = current_setting('beslisstraat.municipality', true));

-- A norm label names one content on the whole platform (a decision names its norms by label); two
-- municipalities may each have a version in force from the same date.
