-- The platform administrator creates an account with a password of the administrator's choosing.
-- For an account that works as a person (reviewer, policy officer, scheduler, auditor) the
-- administrator must not be able to go on signing in as that person: until its holder has chosen a
-- password of their own, such an account can do nothing but choose one.
alter table users add column password_chosen_by_holder boolean not null default true;
-- When the holder last chose one: a session signed in before that is over (the administrator's,
-- still open with the password it gave).
alter table users add column password_chosen_at timestamptz;

-- Until now no holder could choose: every person's account still has the password it was given,
-- and its holder chooses one at the next sign-in. (The demo's and an operator's accounts are saved
-- again with a password of the operator's, which counts as chosen.)
update users set password_chosen_by_holder = false
where exists (select from user_municipalities m
              where m.username = users.username
                and m.roles && array['REVIEWER', 'POLICY_OFFICER', 'SCHEDULER', 'AUDITOR']);
