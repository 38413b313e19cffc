-- A decision and a review task each had two foreign keys: to their case, and to their municipality.
-- The second locked the municipality's single row (for key share) for every row inserted; with two
-- workers recording at once that lock is shared by two transactions, which PostgreSQL keeps as a
-- multixact that every later check has to read. Measured in the nightly run's own inserts, that
-- one check cost about 15 µs a decision, half the decision row (docs/performance.md).
--
-- Both now refer to their case *in its municipality*: one foreign key over (case_id, municipality).
-- It says what was only implied before, that a decision or task belongs to the municipality of its
-- case (a row could name another municipality's case, since a key check does not pass through
-- row-level security), and the case's own key still says that municipality exists.
create unique index cases_in_municipality on cases (id, municipality);

alter table decisions
    add constraint decisions_case_in_municipality
        foreign key (case_id, municipality) references cases (id, municipality),
    drop constraint decisions_case_id_fkey,
    drop constraint decisions_municipality_fkey;

alter table review_tasks
    add constraint review_tasks_case_in_municipality
        foreign key (case_id, municipality) references cases (id, municipality),
    drop constraint review_tasks_case_id_fkey,
    drop constraint review_tasks_municipality_fkey;
