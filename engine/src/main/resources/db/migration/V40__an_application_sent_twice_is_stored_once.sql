-- An e-service that did not hear the answer to an application (a lost connection, its own time-out)
-- sends it again with the same Idempotency-Key; the key makes the second the first, not a second
-- case. A key is the client's own: unique per municipality and client, never shared between them.
alter table cases add column idempotency_key text
    check (idempotency_key ~ '^[A-Za-z0-9._:-]{1,64}$');

create unique index cases_sent_once on cases (municipality, submitted_by, idempotency_key)
    where idempotency_key is not null;
