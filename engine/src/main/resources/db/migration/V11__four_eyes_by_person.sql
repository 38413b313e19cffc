-- Four eyes by person, not by account: one person may hold more than one account (a second
-- account for another role, a renamed colleague), and none of them may approve that person's
-- own draft. Every account names the person it belongs to (an employee number); a draft records
-- the person of its author, an approval the person of its approver, both looked up from the
-- accounts at that moment.

-- Accounts made before this migration each stand for a person of their own, which is what
-- four eyes assumed until now. A wrong guess is corrected by disabling the account and giving
-- the person a new one: an account never changes person (below).
alter table users add column person_id text;
update users set person_id = username;
alter table users alter column person_id set not null;
-- no colon: 'system:...' marks drafts without an account (below) and must never be a person
alter table users add constraint users_person_id_not_blank check (btrim(person_id) <> '' and position(':' in person_id) = 0);

-- An account is disabled (enabled = false), never deleted and never renamed or given to another
-- person: drafts, approvals, decisions and the audit log name accounts, and each of those names
-- must keep pointing at the same person for as long as the records are kept.
create function refuse_account_deletion_or_rename() returns trigger language plpgsql as $$
begin
    if tg_op = 'DELETE' or tg_op = 'TRUNCATE' then
        raise exception 'users: an account is never deleted; disable it (enabled = false)';
    end if;
    if new.username is distinct from old.username or new.person_id is distinct from old.person_id then
        raise exception 'users: an account keeps its name and its person; disable it and create a new one';
    end if;
    return new;
end;
$$;
create trigger users_never_deleted_or_renamed before update or delete on users
    for each row execute function refuse_account_deletion_or_rename();
create trigger users_never_truncated before truncate on users
    for each statement execute function refuse_account_deletion_or_rename();

-- The author's person is recorded by the database on every insert of a draft, whichever way it
-- is made (upload, reactivation), from the account that made it: it cannot be left out or
-- supplied by the caller. A draft the product makes itself (the simulation command uploads and
-- withdraws one) has no account; it gets 'system:' and its actor, which no person id can equal.
create function record_author_person() returns trigger language plpgsql as $$
begin
    new.author_person := coalesce((select person_id from users where username = new.author), 'system:' || new.author);
    return new;
end;
$$;

alter table rule_set_candidates add column author_person text;
alter table rule_set_candidates add column approver_person text;
-- A reactivation is a new draft of an earlier version's table: its author is the officer who
-- brought it back; the earlier version and the person who wrote it are kept beside it, and that
-- person may not approve the reactivation either.
alter table rule_set_candidates add column reactivated_from text;
alter table rule_set_candidates add column origin_author text;
alter table rule_set_candidates add column origin_author_person text;
alter table norm_candidates add column author_person text;
alter table norm_candidates add column approver_person text;

-- Drafts from before this migration: the person of the account, or the account name itself
-- when no such account exists (in line with the accounts above).
update rule_set_candidates c set author_person = coalesce((select person_id from users u where u.username = c.author), c.author);
update rule_set_candidates c set approver_person = coalesce((select person_id from users u where u.username = c.approver), c.approver)
    where c.approver is not null;
update norm_candidates c set author_person = coalesce((select person_id from users u where u.username = c.author), c.author);
update norm_candidates c set approver_person = coalesce((select person_id from users u where u.username = c.approver), c.approver)
    where c.approver is not null;
alter table rule_set_candidates alter column author_person set not null;
alter table norm_candidates alter column author_person set not null;
alter table rule_set_candidates add constraint rule_set_candidates_approved_by_person
    check (status <> 'APPROVED' or approver_person is not null);
alter table norm_candidates add constraint norm_candidates_approved_by_person
    check (status <> 'APPROVED' or approver_person is not null);

create trigger rule_set_candidates_author_person before insert on rule_set_candidates
    for each row execute function record_author_person();
create trigger norm_candidates_author_person before insert on norm_candidates
    for each row execute function record_author_person();
