-- API keys of the e-services: a machine client (an account with the role INTAKE in one
-- municipality) signs its requests with a key instead of a password, so a request costs one
-- SHA-256 instead of a bcrypt hash. The key is shown once when it is issued; stored is only the
-- SHA-256 of its secret part, which is enough for a secret of 256 random bits (nothing to guess,
-- so no slow hash is needed), and a key id that is no secret, by which it is found.
--
-- Not under row-level security, like users and user_municipalities: a key is read before the
-- request's municipality is known, and the key itself says which municipality that is.
create table api_keys (
    key_id        text        primary key check (key_id ~ '^[0-9a-f]{16}$'),
    username      text        not null references users (username),
    municipality  text        not null references municipalities (cbs_code),
    secret_sha256 bytea       not null check (octet_length(secret_sha256) = 32),
    issued_at     timestamptz not null default clock_timestamp(),
    issued_by     text        not null,
    revoked_at    timestamptz,
    revoked_by    text,
    check ((revoked_at is null) = (revoked_by is null))
);
create index api_keys_per_account on api_keys (username, municipality);

-- A key is issued to an e-service of the municipality it is bound to, whichever way it is written.
create function check_api_key() returns trigger language plpgsql as $$
begin
    if not exists (select from user_municipalities um join users u on u.username = um.username
                   where um.username = new.username and um.municipality = new.municipality
                     and 'INTAKE' = any (um.roles) and u.enabled) then
        raise exception 'api_keys: % is no enabled e-service (INTAKE) of municipality %', new.username, new.municipality;
    end if;
    return new;
end;
$$;
create trigger api_keys_checked before insert on api_keys for each row execute function check_api_key();

-- The application issues and revokes keys; it never deletes one (the audit log names it) and never
-- changes what a key is: of a stored key only its revocation can be written. The default privileges
-- of V14 gave the application role every table's update and delete; taken back here.
revoke update, delete, truncate on api_keys from beslisstraat_app;
grant select, insert on api_keys to beslisstraat_app;
grant update (revoked_at, revoked_by) on api_keys to beslisstraat_app;
