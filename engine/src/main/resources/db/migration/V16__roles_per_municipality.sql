-- People work for municipalities, with roles per municipality: one account may be a reviewer in
-- Utrecht and an auditor in Zwolle. A request has the roles of the municipality it works for and
-- no others. Not under row-level security, like `users`: signing in and choosing the municipality
-- of a request read it before any municipality is known.

create table user_municipalities (
    username     text        not null references users (username),
    municipality text        not null references municipalities (cbs_code),
    -- The roles of a municipality's staff and e-services; the platform administrator's role is
    -- never one of them, so no grant in a municipality can make an account a platform administrator.
    roles        text[]      not null
        check (cardinality(roles) > 0
            and roles <@ array['POLICY_OFFICER', 'REVIEWER', 'SCHEDULER', 'AUDITOR', 'INTAKE']::text[]),
    -- The first municipality an account was given is the one it works for until it switches.
    granted_at   timestamptz not null default clock_timestamp(),
    primary key (username, municipality)
);

-- Every existing account keeps what it had: its roles, in its municipality.
insert into user_municipalities (username, municipality, roles)
select username, municipality, roles from users where cardinality(roles) > 0;

-- What is left on the account itself are the roles that belong to no municipality: the platform
-- administrator's. Anything else written there is refused, so no code can grant a municipality's
-- role everywhere at once.
update users set roles = '{}';
alter table users add constraint users_roles_platform_only check (roles <@ array['PLATFORM_ADMIN']::text[]);
alter table users drop column municipality;

-- An e-service (INTAKE) submits applications for one municipality, and a platform administrator
-- works for none (its connections carry no municipality, so row-level security shows it no case
-- data). Both are checked here, whichever way a membership or an account is written; the account
-- row is locked first, so two memberships written at once for one account are checked one after
-- the other.
create function check_membership() returns trigger language plpgsql as $$
begin
    perform 1 from users where username = new.username for update;
    if exists (select from users where username = new.username and 'PLATFORM_ADMIN' = any (roles)) then
        raise exception 'user_municipalities: % is a platform administrator, who works for no municipality', new.username;
    end if;
    if exists (select from user_municipalities m
               where m.username = new.username and m.municipality <> new.municipality
                 and ('INTAKE' = any (new.roles) or 'INTAKE' = any (m.roles))) then
        raise exception 'user_municipalities: % is an e-service (INTAKE), which works for exactly one municipality', new.username;
    end if;
    return new;
end;
$$;
create trigger user_municipalities_checked before insert or update on user_municipalities
    for each row execute function check_membership();

create function check_platform_administrator() returns trigger language plpgsql as $$
begin
    if 'PLATFORM_ADMIN' = any (new.roles) and exists (select from user_municipalities where username = new.username) then
        raise exception 'users: % works for a municipality and cannot be a platform administrator', new.username;
    end if;
    return new;
end;
$$;
create trigger users_platform_administrator_checked before insert or update of roles on users
    for each row execute function check_platform_administrator();

-- A municipality is onboarded once: the CBS code is the key already; its name is unique too,
-- whatever the capitals, so that the switch never offers two municipalities of the same name.
alter table municipalities add constraint municipalities_name_not_blank check (btrim(name) <> '');
create unique index municipalities_name_unique on municipalities (lower(name));

-- V14 set default privileges for tables created later; said here as well, so that this table is
-- the application role's whichever login migrates.
grant select, insert, update, delete on user_municipalities to beslisstraat_app;
