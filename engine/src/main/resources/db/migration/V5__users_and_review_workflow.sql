-- Who may do what (users with roles, passwords hashed), and the review workflow: a task is
-- claimed by one reviewer at a time and closed by a decision; an objection reopens a case.

create table users (
    username      text        primary key,
    display_name  text        not null,
    password_hash text        not null,
    roles         text[]      not null,
    enabled       boolean     not null default true,
    created_at    timestamptz not null default now()
);

alter table review_tasks add column kind text not null default 'ESCALATION'
    check (kind in ('ESCALATION', 'OBJECTION'));
alter table review_tasks add column note text;
alter table review_tasks add column claimed_by text;
alter table review_tasks add column claimed_at timestamptz;
alter table review_tasks add column closed_by text;
alter table review_tasks add column closed_at timestamptz;

-- A human decision refers to the review task it closed.
alter table decisions add column review_task_id bigint references review_tasks (id);
