-- Versions are immutable and identified by content. A rule-set version label, once used by a
-- shipped, drafted, approved or withdrawn version of a regulation, is never used for other
-- content: `rule_set_labels` holds every label ever used, shipped ones (recorded at start-up from
-- the classpath) and uploaded ones (reserved on upload, in the upload's transaction) alike.
create table rule_set_labels (
    case_type    text        not null,
    version      text        not null,
    origin       text        not null check (origin in ('SHIPPED', 'UPLOADED')),
    -- SHA-256 (hex) of the rule resources the version compiles; filled at start-up for shipped
    -- labels recorded here by this migration
    content_hash text,
    recorded_at  timestamptz not null default now(),
    primary key (case_type, version)
);

-- The labels this release ships (rules/.../regulation.json). Recorded first, so that an upload
-- that took one of them before this migration (the attack this closes) is not its owner.
insert into rule_set_labels (case_type, version, origin) values
    ('CITY_PASS', '2026.1', 'SHIPPED'),
    ('EVENT_NOTIFICATION', '2026.1', 'SHIPPED'),
    ('PARKING_PERMIT', '2026.1', 'SHIPPED'),
    ('PARKING_PERMIT', '2026.2', 'SHIPPED'),
    ('TAX_REMISSION', '2026.1', 'SHIPPED');
insert into rule_set_labels (case_type, version, origin)
    select case_type, version, 'UPLOADED' from rule_set_candidates
    on conflict do nothing;

create trigger rule_set_labels_immutable before delete on rule_set_labels
    for each row execute function refuse_change();

-- The hash of what a version compiles (rule sets) or of its amounts (norms). Existing rows are
-- filled at start-up, from the content itself (see RuleSetCandidates, NormTable).
alter table rule_set_candidates add column content_hash text;
alter table norm_candidates add column content_hash text;
alter table norm_versions add column content_hash text;

-- Every decision records the content it was taken with beside the labels. Decisions taken before
-- this migration get the hash of the version they name at the first start-up (its content is
-- on the classpath or in rule_set_candidates); where the label is ambiguous the hash stays null
-- and recomputation refuses that decision by name.
alter table decisions add column rule_set_hash text;
alter table decisions add column norm_hash text;
create index decisions_without_hash on decisions (rule_set_version)
    where rule_set_hash is null and rule_set_version is not null;
create index decisions_without_norm_hash on decisions (norm_version)
    where norm_hash is null and norm_version is not null;

-- Immutable rows, save that a hash column may be filled once where it is still null: the
-- start-up backfill of rows written before the hashes existed. Anything else is refused.
create function refuse_change_but_fill_hash() returns trigger language plpgsql as $$
declare
    col text;
    before_row jsonb;
    after_row jsonb;
begin
    if tg_op = 'UPDATE' then
        before_row := to_jsonb(old);
        after_row := to_jsonb(new);
        foreach col in array tg_argv loop
            if before_row -> col <> 'null'::jsonb and before_row -> col is distinct from after_row -> col then
                raise exception '% rows are immutable: % of % refused', tg_table_name, tg_op, col;
            end if;
            before_row := before_row - col;
            after_row := after_row - col;
        end loop;
        if before_row = after_row then
            return new;
        end if;
    end if;
    raise exception '% rows are immutable: % refused', tg_table_name, tg_op;
end;
$$;

drop trigger decisions_immutable on decisions;
create trigger decisions_immutable before update or delete on decisions
    for each row execute function refuse_change_but_fill_hash('rule_set_hash', 'norm_hash');
drop trigger norm_versions_immutable on norm_versions;
create trigger norm_versions_immutable before update or delete on norm_versions
    for each row execute function refuse_change_but_fill_hash('content_hash');
create trigger rule_set_labels_hash_once before update on rule_set_labels
    for each row execute function refuse_change_but_fill_hash('content_hash');
