package nl.beslisstraat.engine.security;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import nl.beslisstraat.engine.audit.AuditEntry;
import nl.beslisstraat.engine.audit.AuditLog;
import nl.beslisstraat.engine.audit.JsonbText;
import nl.beslisstraat.engine.audit.PlatformAuditLog;
import nl.beslisstraat.engine.database.WrittenText;
import nl.beslisstraat.engine.regulation.Phrase;
import nl.beslisstraat.engine.tenancy.Municipality;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The users table and the municipalities each account works for: sign-in lookups, creating or
 * resetting an account, giving it roles in a municipality, disabling it (all audited).
 *
 * <p>An account belongs to one person ({@code person_id}, an employee number); one person may hold
 * several accounts. Accounts are disabled, never deleted, renamed or given to another person (the
 * database refuses it), so every name in drafts, approvals and the audit log keeps its person.
 *
 * <p>Roles are held per municipality ({@code user_municipalities}): the methods that give roles
 * give them in the municipality the current thread works for ({@link Municipality}), and write
 * their audit entry in that municipality's log. An e-service (INTAKE) works for exactly one
 * municipality; the platform administrator for none. Signing in gives an account only its platform
 * roles; the roles of a municipality are added per request by {@code MunicipalityFilter}.
 */
@Service
public class UserAccounts implements UserDetailsService {

    /** An employee number or another identifier of the person, without characters that need escaping. */
    private static final String PERSON_ID = "[0-9A-Za-z][0-9A-Za-z._-]{0,39}";

    /** A new account's name: no spaces, nothing that needs escaping in a URL, a log or a header. */
    private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{1,39}");

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(UserAccounts.class);

    private final JdbcTemplate jdbc;
    private final PasswordEncoder passwords;
    private final AuditLog audit;
    private final PlatformAuditLog platformAudit;
    private final TransactionTemplate transaction;

    UserAccounts(
            JdbcTemplate jdbc,
            PasswordEncoder passwords,
            AuditLog audit,
            PlatformAuditLog platformAudit,
            PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.passwords = passwords;
        this.audit = audit;
        this.platformAudit = platformAudit;
        this.transaction = new TransactionTemplate(transactions);
    }

    /** An account as the platform administrator sees it in one municipality. */
    public record Member(String username, String displayName, List<String> roles, boolean enabled) {}

    /**
     * The account with its platform roles only: what it may do in a municipality is decided per
     * request, for the municipality that request works for. An account that {@link SignInThrottle}
     * has locked is loaded as locked, so that every way of signing in refuses it.
     */
    @Override
    public UserDetails loadUserByUsername(String username) {
        List<UserDetails> found = jdbc.query(
                "select username, password_hash, roles, enabled, exists (select from sign_in_throttle t"
                        + " where t.kind = 'ACCOUNT' and t.key = users.username and t.locked_until > now()) as locked,"
                        + PASSWORD_TO_CHOOSE + " as password_to_choose from users where username = ?",
                (row, n) -> User.withUsername(row.getString("username"))
                        .password(row.getString("password_hash"))
                        .authorities(authorities(
                                (String[]) row.getArray("roles").getArray(), row.getBoolean("password_to_choose")))
                        .disabled(!row.getBoolean("enabled"))
                        // Spring refuses a locked account before its password is checked (LockedException)
                        .accountLocked(row.getBoolean("locked"))
                        .build(),
                PERSON_ROLES,
                username);
        if (found.isEmpty()) {
            throw new UsernameNotFoundException("No user " + username);
        }
        return found.get(0);
    }

    /**
     * Whether a row of {@code users} has a password its holder must still choose: one they did not
     * choose, on an account that acts as a person: a platform administrator, or an account with a
     * person's role somewhere ({@link #PERSON_ROLES}, the parameter).
     */
    private static final String PASSWORD_TO_CHOOSE = "(not password_chosen_by_holder and ('PLATFORM_ADMIN' ="
            + " any (users.roles) or exists (select from user_municipalities m where m.username = users.username"
            + " and m.roles && ?::text[])))";

    /** The roles that act as a person, whose decisions and approvals carry the account's name. */
    private static final String[] PERSON_ROLES = {
        Role.REVIEWER.name(), Role.POLICY_OFFICER.name(), Role.SCHEDULER.name(), Role.AUDITOR.name()
    };

    private static List<GrantedAuthority> authorities(String[] platformRoles, boolean passwordToChoose) {
        List<GrantedAuthority> authorities = new java.util.ArrayList<>();
        for (String role : platformRoles) {
            authorities.add(new SimpleGrantedAuthority("ROLE_" + role));
        }
        if (passwordToChoose) {
            authorities.add(new SimpleGrantedAuthority(ChosenPassword.TO_CHOOSE));
        }
        return authorities;
    }

    /**
     * What a session of the account depends on: when its holder last chose a password (a session
     * signed in before that is over) and whether the holder has still to choose one. Empty for an
     * account that is disabled or gone.
     */
    public Optional<PasswordState> passwordState(String username) {
        return jdbc
                .query(
                        "select coalesce(password_chosen_at::text, 'never') as stamp, " + PASSWORD_TO_CHOOSE
                                + " as to_choose from users where username = ? and enabled",
                        (row, n) -> new PasswordState(row.getString("stamp"), row.getBoolean("to_choose")),
                        PERSON_ROLES,
                        username)
                .stream()
                .findFirst();
    }

    /** @param stamp when the holder last chose the password ("never" if they did not) */
    public record PasswordState(String stamp, boolean toChoose) {}

    /**
     * The holder of a signed-in account replaces its password with one of their own. What is wrong,
     * by field ({@code current}, {@code chosen}, {@code repeated}) as a message key; empty when the
     * password is changed. The change and its audit entry (in the log of the municipality the
     * request works for) commit together, and only if the password is still the one checked; the
     * other municipalities the account works for get theirs after it. The change of an account
     * that works for no municipality, such as a platform administrator's, is in the platform's log.
     */
    public Map<String, String> choosePassword(String username, String current, String chosen, String repeated) {
        Map<String, String> problems = new java.util.LinkedHashMap<>();
        String hash = jdbc
                .queryForList("select password_hash from users where username = ? and enabled", String.class, username)
                .stream()
                .findFirst()
                .orElse(null);
        if (hash == null || current == null || !passwords.matches(current, hash)) {
            problems.put("current", "account.password.currentWrong");
        }
        if (PasswordRules.problem(username, chosen).isPresent()) {
            problems.put("chosen", "account.password.rules");
        } else if (chosen.equals(current)) {
            problems.put("chosen", "account.password.same");
        }
        if (chosen == null || !chosen.equals(repeated)) {
            problems.put("repeated", "account.password.mismatch");
        }
        if (!problems.isEmpty()) {
            return problems;
        }
        String encoded = passwords.encode(chosen);
        List<String> logs =
                memberships(username).stream().map(membership -> membership[0]).toList();
        String here = Municipality.current().filter(logs::contains).orElse(logs.isEmpty() ? null : logs.get(0));
        Runnable change = () -> transaction.executeWithoutResult(status -> {
            int changed = jdbc.update(
                    "update users set password_hash = ?, password_chosen_by_holder = true,"
                            + " password_chosen_at = clock_timestamp()"
                            + " where username = ? and enabled and password_hash = ?",
                    encoded,
                    username,
                    hash);
            if (changed == 1) {
                record(new AuditEntry(username, "PASSWORD_CHOSEN", "user", username, "{}"));
            }
            if (changed != 1) {
                // disabled, or its password changed since it was checked: nothing is changed now
                problems.put("current", "account.password.currentWrong");
            }
        });
        if (here == null) {
            Municipality.runForPlatform(change);
            if (problems.isEmpty()) {
                log.info("Platform account {} chose a new password", username);
            }
            return problems;
        }
        Municipality.run(here, change);
        if (problems.isEmpty()) {
            for (String other : logs) {
                if (!other.equals(here)) {
                    try {
                        Municipality.run(
                                other,
                                () -> transaction.executeWithoutResult(status -> audit.appendAll(
                                        List.of(new AuditEntry(username, "PASSWORD_CHOSEN", "user", username, "{}")))));
                    } catch (RuntimeException notAudited) {
                        log.error(
                                "{} chose a new password, not audited in {}: {}",
                                username,
                                other,
                                notAudited.toString());
                    }
                }
            }
        }
        return problems;
    }

    /**
     * Creates the account for a person, or gives the person's existing account this name and
     * password and enables it again, with these roles in the current thread's municipality (its
     * roles elsewhere stay). An existing account of another person is refused.
     */
    @Transactional
    public void save(
            String username, String personId, String displayName, String rawPassword, Set<Role> roles, String actor) {
        String municipality = currentMunicipality();
        checkPerson(username, personId);
        checkRoles(roles);
        PasswordRules.check(username, rawPassword);
        int saved = jdbc.update(
                // set by whoever runs the engine (the demo, the tests, an operator's command), not the
                // platform administrator: the holder need not choose another
                "insert into users (username, person_id, display_name, password_hash, roles) values (?, ?, ?, ?, '{}')"
                        + " on conflict (username) do update set display_name = excluded.display_name,"
                        + " password_hash = excluded.password_hash, enabled = true, password_chosen_by_holder = true"
                        + " where users.person_id = excluded.person_id",
                username,
                personId,
                displayName,
                passwords.encode(rawPassword));
        if (saved != 1) {
            throw new IllegalArgumentException("Account " + username + " belongs to another person than " + personId
                    + "; an account never changes person: disable it and create a new one");
        }
        writeMembership(username, municipality, roles);
        audit.appendAll(List.of(new AuditEntry(
                actor, "USER_SAVED", "user", username, details(personId, municipality, roleNames(roles)))));
    }

    /**
     * Creates a new account with these roles in the current thread's municipality. Unlike {@link
     * #save}, an existing name is refused (in any capitals) rather than reset: whoever onboards
     * accounts cannot take over one that exists by giving it a password of their own.
     */
    @Transactional
    public void create(
            String username, String personId, String displayName, String rawPassword, Set<Role> roles, String actor) {
        String municipality = currentMunicipality();
        List<AccountRefused> problems = problemsOfNewAccount(username, personId, displayName, rawPassword, roles);
        if (!problems.isEmpty()) {
            throw problems.get(0);
        }
        lockName(username);
        if (exists(username)) {
            throw taken(username);
        }
        // the password is the administrator's: the holder chooses their own at the first sign-in
        int created = jdbc.update(
                "insert into users (username, person_id, display_name, password_hash, roles, password_chosen_by_holder)"
                        + " values (?, ?, ?, ?, '{}', false) on conflict (username) do nothing",
                username,
                personId,
                displayName.strip(),
                passwords.encode(rawPassword));
        if (created != 1) {
            throw taken(username);
        }
        writeMembership(username, municipality, roles);
        audit.appendAll(List.of(new AuditEntry(
                actor, "USER_CREATED", "user", username, details(personId, municipality, roleNames(roles)))));
    }

    /** Whether an account could have this name; one that does not exist may, too. */
    static boolean couldBeAName(String username) {
        return username != null && USERNAME.matcher(username).matches();
    }

    /**
     * Everything wrong with a new account as asked, field by field, so that a form can
     * show all at once; {@link #create} refuses the first.
     */
    public static List<AccountRefused> problemsOfNewAccount(
            String username, String personId, String displayName, String rawPassword, Set<Role> roles) {
        List<AccountRefused> problems = problemsOfNewAccount(username, personId, displayName);
        try {
            checkRoles(roles);
        } catch (AccountRefused refused) {
            problems.add(refused);
        }
        PasswordRules.problem(username, rawPassword)
                .ifPresent(problem -> problems.add(new AccountRefused("password", problem)));
        return problems;
    }

    /** What is wrong with a new account's name, person and the name it shows. */
    private static List<AccountRefused> problemsOfNewAccount(String username, String personId, String displayName) {
        List<AccountRefused> problems = new java.util.ArrayList<>();
        if (username == null || !USERNAME.matcher(username).matches()) {
            problems.add(new AccountRefused(
                    "username",
                    new Phrase(
                            "Gebruikersnaam: 2 tot 40 letters, cijfers, punten, liggende streepjes of streepjes,"
                                    + " zonder spaties.",
                            "User name: 2 to 40 letters, digits, dots, underscores or hyphens, without spaces.")));
        }
        if (personId == null || !personId.matches(PERSON_ID)) {
            problems.add(new AccountRefused(
                    "personId",
                    new Phrase(
                            "Personeelsnummer: verplicht; letters, cijfers, punten of streepjes, zoals 100231.",
                            "Employee number: required; letters, digits, dots or hyphens, such as 100231.")));
        }
        if (displayName == null
                || displayName.isBlank()
                || displayName.length() > 100
                || !WrittenText.plainLine(displayName.strip())) {
            problems.add(new AccountRefused(
                    "displayName",
                    new Phrase(
                            "Naam: verplicht, hoogstens 100 tekens op één regel, met letters, zoals Roos de Vries.",
                            "Name: required, at most 100 characters on one line, with letters, such as Roos de"
                                    + " Vries.")));
        }
        return problems;
    }

    /**
     * Gives an existing, enabled account these roles in the current thread's municipality (or
     * replaces its roles there): how one person comes to work for a second municipality.
     */
    @Transactional
    public void grant(String username, Set<Role> roles, String actor) {
        String municipality = currentMunicipality();
        // the account is locked until the membership is stored: a disabling at the same time either
        // waits and then finds this membership too, or comes first and this grant is refused
        record Grantee(String personId, boolean platformAdministrator) {}
        List<Grantee> account = jdbc.query(
                "select person_id, 'PLATFORM_ADMIN' = any (roles) as platform from users where username = ?"
                        + " and enabled for share",
                (row, n) -> new Grantee(row.getString("person_id"), row.getBoolean("platform")),
                username);
        if (account.isEmpty()) {
            throw new AccountRefused(
                    "username",
                    Phrase.of(
                            "Gebruikersnaam: er is geen actief account {0}.",
                            "User name: there is no enabled account {0}.", username));
        }
        if (account.get(0).platformAdministrator()) {
            throw new AccountRefused(
                    "username",
                    Phrase.of(
                            "Gebruikersnaam: {0} is platformbeheerder en werkt voor geen gemeente.",
                            "User name: {0} is a platform administrator and works for no municipality.", username));
        }
        String person = account.get(0).personId();
        checkRoles(roles);
        writeMembership(username, municipality, roles);
        audit.appendAll(List.of(new AuditEntry(
                actor, "MEMBERSHIP_GRANTED", "user", username, details(person, municipality, roleNames(roles)))));
    }

    /**
     * Takes away every role the account has in the current thread's municipality: how a person who
     * leaves it stops working for it. The account stays, with its name on what it did, and keeps
     * its roles elsewhere; its open sessions lose these roles from their next request on (roles
     * are read per request, {@code Memberships}).
     */
    @Transactional
    public void withdraw(String username, String actor) {
        String municipality = currentMunicipality();
        List<String> details = jdbc.query(
                "delete from user_municipalities m using users u where m.username = ? and m.municipality = ?"
                        + " and u.username = m.username returning u.person_id, m.roles",
                (row, n) -> details(row.getString("person_id"), municipality, List.of((String[])
                        row.getArray("roles").getArray())),
                username,
                municipality);
        if (details.isEmpty()) {
            throw new AccountRefused(
                    "username",
                    Phrase.of(
                            "Gebruikersnaam: {0} werkt niet voor deze gemeente.",
                            "User name: {0} does not work for this municipality.", username));
        }
        audit.appendAll(List.of(new AuditEntry(actor, "MEMBERSHIP_WITHDRAWN", "user", username, details.get(0))));
    }

    /**
     * Creates or resets a platform administrator: an account that works for no municipality and
     * onboards them. Its audit entry is in the platform's log.
     */
    public void savePlatformAdministrator(
            String username, String personId, String displayName, String rawPassword, String actor) {
        checkPerson(username, personId);
        PasswordRules.check(username, rawPassword);
        Municipality.runForPlatform(() -> transaction.executeWithoutResult(status -> {
            if (!memberships(username).isEmpty()) {
                throw new AccountRefused(
                        "username",
                        Phrase.of(
                                "Gebruikersnaam: {0} werkt voor een gemeente en kan geen platformbeheerder zijn.",
                                "User name: {0} works for a municipality and cannot be a platform administrator.",
                                username));
            }
            int saved = jdbc.update(
                    "insert into users (username, person_id, display_name, password_hash, roles)"
                            + " values (?, ?, ?, ?, '{PLATFORM_ADMIN}')"
                            + " on conflict (username) do update set display_name = excluded.display_name,"
                            + " password_hash = excluded.password_hash, roles = excluded.roles, enabled = true,"
                            + " password_chosen_by_holder = true where users.person_id = excluded.person_id",
                    username,
                    personId,
                    displayName,
                    passwords.encode(rawPassword));
            if (saved != 1) {
                throw new IllegalArgumentException("Account " + username + " belongs to another person than " + personId
                        + "; an account never changes person: disable it and create a new one");
            }
            platformAudit.append(new AuditEntry(
                    actor,
                    "USER_SAVED",
                    "user",
                    username,
                    details(personId, null, List.of(Role.PLATFORM_ADMIN.name()))));
        }));
    }

    /**
     * Creates a platform administrator with a password given by someone else than its holder (the
     * operator's command on a new installation): as with any account given a password, its holder
     * must choose one of their own at the first sign-in, so the given one opens it once. An existing
     * name, in any capitals, is refused rather than reset, so that the command cannot take over an
     * account. The audit entry is in the platform's log.
     */
    public void createPlatformAdministrator(
            String username, String personId, String displayName, String rawPassword, String actor) {
        List<AccountRefused> problems = problemsOfNewAccount(username, personId, displayName);
        if (!problems.isEmpty()) {
            throw problems.get(0);
        }
        PasswordRules.check(username, rawPassword);
        Municipality.runForPlatform(() -> transaction.executeWithoutResult(status -> {
            lockName(username);
            int created = exists(username)
                    ? 0
                    : jdbc.update(
                            "insert into users (username, person_id, display_name, password_hash, roles,"
                                    + " password_chosen_by_holder) values (?, ?, ?, ?, '{PLATFORM_ADMIN}', false)"
                                    + " on conflict (username) do nothing",
                            username,
                            personId,
                            displayName.strip(),
                            passwords.encode(rawPassword));
            if (created != 1) {
                throw taken(username);
            }
            platformAudit.append(new AuditEntry(
                    actor,
                    "USER_CREATED",
                    "user",
                    username,
                    details(personId, null, List.of(Role.PLATFORM_ADMIN.name()))));
        }));
    }

    /**
     * Disables an account: it can no longer sign in, upload or approve. The account stays, so
     * what it did keeps its name and person. Returns whether it was enabled until now; only then is
     * it recorded, so asking twice says it once.
     */
    @Transactional
    public boolean disable(String username, String actor) {
        List<Boolean> wasEnabled = jdbc.queryForList(
                "update users u set enabled = false from (select username, enabled from users where username = ?"
                        + " for update) before where u.username = before.username returning before.enabled",
                Boolean.class,
                username);
        if (wasEnabled.isEmpty()) {
            throw noAccount(username);
        }
        if (wasEnabled.get(0)) {
            noteDisabled(username, actor);
        }
        return wasEnabled.get(0);
    }

    /**
     * Gives the account a new password, drawn here, and enables it if it was disabled: for a person
     * who forgot theirs, or one who comes back. As with any password given by someone else, a
     * person's holder must choose one of their own at the next sign-in (an e-service keeps it), and a
     * session signed in with an earlier password ends; a sign-in lock of the account is lifted (one
     * of its address stays). Recorded as {@code PASSWORD_GIVEN}, or as {@code USER_ENABLED} when the
     * account was disabled, in the log of whom the thread works for.
     */
    @Transactional
    public GivenPassword givePassword(String username, String actor) {
        String password = PasswordRules.random();
        List<Boolean> wasEnabled = jdbc.queryForList(
                "update users u set password_hash = ?, enabled = true, password_chosen_by_holder = false,"
                        + " password_chosen_at = clock_timestamp() from (select username, enabled from users"
                        + " where username = ? for update) before where u.username = before.username"
                        + " returning before.enabled",
                Boolean.class,
                passwords.encode(password),
                username);
        if (wasEnabled.isEmpty()) {
            throw noAccount(username);
        }
        // the failures that locked the name were guesses at the old password; the new one, drawn
        // here, was never guessed, and its holder should not wait out a lock to use it
        jdbc.update("delete from sign_in_throttle where kind = 'ACCOUNT' and key = ?", username);
        GivenPassword given = new GivenPassword(username, password, !wasEnabled.get(0));
        notePasswordGiven(username, actor, given.enabledAgain());
        return given;
    }

    /**
     * A password given to an account, to be shown once to whoever hands it over.
     *
     * @param enabledAgain whether the account was disabled until it was given
     */
    public record GivenPassword(String username, String password, boolean enabledAgain) {
        @Override
        public String toString() {
            return "GivenPassword[" + username + ", enabledAgain=" + enabledAgain + "]"; // never the password
        }
    }

    /**
     * Records in the log of whom the thread works for that the account was given a password, and
     * enabled again if {@code enabled}.
     */
    public void notePasswordGiven(String username, String actor, boolean enabled) {
        record(new AuditEntry(actor, enabled ? "USER_ENABLED" : "PASSWORD_GIVEN", "user", username, "{}"));
    }

    /**
     * Whether the log of the municipality the thread works for says the account is disabled: its
     * latest entry of disabling or enabling it is a disabling.
     */
    public boolean disabledNoted(String username) {
        return jdbc
                .queryForList(
                        "select action from audit_log where subject_type = 'user' and subject_id = ?"
                                + " and action in ('USER_DISABLED', 'USER_ENABLED') order by id desc limit 1",
                        String.class,
                        username)
                .stream()
                .anyMatch("USER_DISABLED"::equals);
    }

    /**
     * Records that the account was disabled, in the log of the municipality the thread works for
     * (for each further municipality the account works for, whose people see it there), or in the
     * platform's when it works for none.
     */
    public void noteDisabled(String username, String actor) {
        record(new AuditEntry(actor, "USER_DISABLED", "user", username, "{}"));
    }

    /**
     * Records an event of an account in the log of whom the thread works for: a municipality, or
     * the platform itself for an account that works for none (a platform administrator).
     */
    private void record(AuditEntry entry) {
        if (Municipality.forPlatform()) {
            platformAudit.append(entry);
        } else {
            audit.appendAll(List.of(entry));
        }
    }

    /**
     * The person an enabled account belongs to, looked up now: a disabled account stands for
     * nobody, also in a session that was opened before it was disabled.
     */
    public Optional<String> activePerson(String username) {
        return jdbc
                .queryForList("select person_id from users where username = ? and enabled", String.class, username)
                .stream()
                .findFirst();
    }

    public String displayName(String username) {
        return jdbc.queryForList("select display_name from users where username = ?", String.class, username).stream()
                .findFirst()
                .orElse(username);
    }

    /**
     * Holds, to the end of the transaction, every other creation of an account whose name differs
     * from this one in capitals only: to people they are one name, and the table's unique key is on
     * the exact name, so without this two creations at once could both find neither.
     */
    private void lockName(String username) {
        jdbc.queryForList("select pg_advisory_xact_lock(hashtext('users:' || lower(?)))::text", String.class, username);
    }

    /** Whether an account of this name exists, in any capitals (enabled or not). */
    public boolean exists(String username) {
        return jdbc.queryForObject(
                "select exists (select from users where lower(username) = lower(?))", Boolean.class, username);
    }

    /** The accounts that work for a municipality, with their roles there, by name. */
    public List<Member> membersOf(String municipality) {
        return jdbc.query(
                "select u.username, u.display_name, um.roles, u.enabled from user_municipalities um"
                        + " join users u on u.username = um.username where um.municipality = ? order by u.username",
                (row, n) -> new Member(
                        row.getString("username"),
                        row.getString("display_name"),
                        List.of((String[]) row.getArray("roles").getArray()),
                        row.getBoolean("enabled")),
                municipality);
    }

    private void writeMembership(String username, String municipality, Set<Role> roles) {
        // Said here in both languages for whoever onboards; the database refuses the same (V16) for any other way in.
        for (String[] membership : memberships(username)) {
            String other = membership[0];
            boolean intakeThere = Arrays.asList(membership[1].split(",")).contains(Role.INTAKE.name());
            if (!other.equals(municipality) && (roles.contains(Role.INTAKE) || intakeThere)) {
                throw new AccountRefused(
                        "roles",
                        Phrase.of(
                                "Rollen: een e-dienst (INTAKE) werkt voor precies één gemeente; {0} werkt al voor"
                                        + " gemeente {1}.",
                                "Roles: an e-service (INTAKE) works for exactly one municipality; {0} already works"
                                        + " for municipality {1}.",
                                username,
                                other));
            }
        }
        jdbc.update(connection -> {
            var upsert = connection.prepareStatement("insert into user_municipalities (username, municipality, roles)"
                    + " values (?, ?, ?) on conflict (username, municipality) do update set roles = excluded.roles");
            upsert.setString(1, username);
            upsert.setString(2, municipality);
            upsert.setArray(3, connection.createArrayOf("text", roleNames(roles).toArray()));
            return upsert;
        });
    }

    /** The municipalities the account works for, by CBS code. */
    public List<String> municipalitiesOf(String username) {
        return jdbc.queryForList(
                "select municipality from user_municipalities where username = ? order by municipality",
                String.class,
                username);
    }

    /** The account's memberships as (municipality, comma-separated roles). */
    private List<String[]> memberships(String username) {
        return jdbc.query(
                "select municipality, array_to_string(roles, ',') as roles from user_municipalities where username = ?",
                (row, n) -> new String[] {row.getString("municipality"), row.getString("roles")},
                username);
    }

    private static String currentMunicipality() {
        return Municipality.current()
                .orElseThrow(() -> new IllegalStateException(
                        "Roles are given in a municipality: work for one (Municipality.run) to give them"));
    }

    private static void checkPerson(String username, String personId) {
        if (personId == null || !personId.matches(PERSON_ID)) {
            throw new IllegalArgumentException(
                    "Account " + username + " needs the person it belongs to, such as employee number 100231");
        }
    }

    private static AccountRefused taken(String username) {
        return new AccountRefused(
                "username",
                Phrase.of(
                        "Gebruikersnaam: er bestaat al een account {0}.",
                        "User name: there is already an account {0}.", username));
    }

    private static AccountRefused noAccount(String username) {
        return new AccountRefused(
                "username",
                Phrase.of("Gebruikersnaam: er is geen account {0}.", "User name: there is no account {0}.", username));
    }

    private static void checkRoles(Set<Role> roles) {
        if (roles == null || roles.isEmpty()) {
            throw new AccountRefused(
                    "roles", new Phrase("Rollen: kies minstens één rol.", "Roles: choose at least one role."));
        }
        if (roles.stream().anyMatch(role -> !role.municipal())) {
            throw new AccountRefused(
                    "roles",
                    new Phrase(
                            "Rollen: platformbeheer is geen rol in een gemeente.",
                            "Roles: platform administration is no role in a municipality."));
        }
    }

    private static List<String> roleNames(Set<Role> roles) {
        return roles.stream().map(Role::name).sorted().toList();
    }

    /** The entry's details, escaped as JSON: a person id read back from the database is not re-checked here. */
    private static String details(String personId, String municipality, List<String> roles) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("person", personId);
        if (municipality != null) {
            details.put("municipality", municipality);
        }
        details.put("roles", String.join(",", roles));
        return JsonbText.of(details);
    }
}
