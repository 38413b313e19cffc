-- The platform administrator creates an account with a password of the administrator's choosing.
-- For an account that works as a person (reviewer, policy officer, scheduler, auditor) the
-- administrator must not be able to go on signing in as that person: until its holder has chosen a
-- password of their own, such an account can do nothing but choose one. Accounts made before this
-- (by the demo, the tests, an operator's command line) count as chosen.
alter table users add column password_chosen_by_holder boolean not null default true;
