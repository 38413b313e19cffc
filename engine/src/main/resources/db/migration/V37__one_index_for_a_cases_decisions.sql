-- A case's decisions were found through two indexes on case_id: decisions_by_case for look-ups,
-- and the partial unique decisions_one_automated_per_case that keeps a case to one automated
-- decision (exactly once, whatever crashes and restarts happen). Every automated decision went
-- into both.
--
-- One index does both. Its second column, (automated or null), is true for an automated decision
-- and null for a reviewer's; nulls never clash in a unique index. So a case still has at most one
-- automated decision and any number of reviewers' decisions, and a look-up by case reads the
-- index's first column.
create unique index decisions_of_case on decisions (case_id, (automated or null));
drop index decisions_one_automated_per_case;
drop index decisions_by_case;
