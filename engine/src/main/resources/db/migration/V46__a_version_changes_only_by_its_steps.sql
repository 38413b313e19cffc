-- An uploaded version of rules or norms changes only by the steps of four eyes: a draft is approved
-- once (approver, person, time and date of effect), a draft or a version not yet in force is
-- withdrawn, and a hash or the version a reactivated draft came from is filled in once. The runtime
-- login held UPDATE and DELETE on both tables with nothing else in the way: it could rewrite an
-- approved decision table (a municipality's fees, say) or its approver after the colleague had
-- approved it, and the engine decided with the rewritten table from its next start while the hash
-- chain stayed intact (its approval entry names only the date of effect). Rule versions are never
-- overwritten; now the database keeps them so, for every login with triggers on. Rows are never
-- deleted: a version's history is what its decisions and approvals refer to.
create function versions_change_only_by_their_steps() returns trigger
    language plpgsql as $$
declare
    approval constant text[] := array['status', 'approver', 'approver_person', 'approved_at', 'effective_from'];
    filled_once constant text[] := array['content_hash', 'reactivated_from', 'origin_author', 'origin_author_person'];
    before_row jsonb;
    after_row jsonb;
    col text;
begin
    if tg_op = 'DELETE' then
        raise exception using
            errcode = 'integrity_constraint_violation',
            message = format('%s rows are kept: delete of version %s refused', tg_table_name, old.version);
    end if;
    before_row := to_jsonb(old);
    after_row := to_jsonb(new);
    foreach col in array filled_once loop
        if coalesce(before_row -> col, 'null'::jsonb) = 'null'::jsonb then
            before_row := before_row - col;
            after_row := after_row - col;
        end if;
    end loop;
    if old.status = 'DRAFT' and new.status = 'APPROVED'
            and old.approver is null and old.approver_person is null
            and old.approved_at is null and old.effective_from is null then
        before_row := before_row - approval;
        after_row := after_row - approval;
    elsif old.status in ('DRAFT', 'APPROVED') and new.status = 'WITHDRAWN' then
        before_row := before_row - 'status';
        after_row := after_row - 'status';
    end if;
    if before_row is distinct from after_row then
        raise exception using
            errcode = 'integrity_constraint_violation',
            message = format('%s rows change only by approval, withdrawal or a hash filled in once:'
                ' change of version %s refused', tg_table_name, old.version);
    end if;
    return new;
end;
$$;

create trigger rule_set_candidates_change_by_steps before update or delete on rule_set_candidates
    for each row execute function versions_change_only_by_their_steps();

create trigger norm_candidates_change_by_steps before update or delete on norm_candidates
    for each row execute function versions_change_only_by_their_steps();
