-- A review task is closed by exactly one decision, whatever two requests race.
create unique index decisions_one_per_review_task on decisions (review_task_id) where review_task_id is not null;
