package nl.beslisstraat.engine.security;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import nl.beslisstraat.engine.audit.AuditEntry;
import nl.beslisstraat.engine.audit.AuditLog;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The users table: sign-in lookups, creating or resetting an account, disabling one (audited).
 * An account belongs to one person ({@code person_id}, an employee number); one person may hold
 * several accounts. Accounts are disabled, never deleted, renamed or given to another person (the
 * database refuses it), so every name in drafts, approvals and the audit log keeps its person.
 */
@Service
public class UserAccounts implements UserDetailsService {

    /** An employee number or another identifier of the person, without characters that need escaping. */
    private static final String PERSON_ID = "[0-9A-Za-z][0-9A-Za-z._-]{0,39}";

    private final JdbcTemplate jdbc;
    private final PasswordEncoder passwords;
    private final AuditLog audit;

    UserAccounts(JdbcTemplate jdbc, PasswordEncoder passwords, AuditLog audit) {
        this.jdbc = jdbc;
        this.passwords = passwords;
        this.audit = audit;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        List<UserDetails> found = jdbc.query(
                "select username, password_hash, roles, enabled from users where username = ?",
                (row, n) -> User.withUsername(row.getString("username"))
                        .password(row.getString("password_hash"))
                        .roles((String[]) row.getArray("roles").getArray())
                        .disabled(!row.getBoolean("enabled"))
                        .build(),
                username);
        if (found.isEmpty()) {
            throw new UsernameNotFoundException("No user " + username);
        }
        return found.get(0);
    }

    /**
     * Creates the account for a person, or gives the person's existing account this name, password
     * and these roles and enables it again. An existing account of another person is refused.
     */
    @Transactional
    public void save(
            String username, String personId, String displayName, String rawPassword, Set<Role> roles, String actor) {
        if (personId == null || !personId.matches(PERSON_ID)) {
            throw new IllegalArgumentException(
                    "Account " + username + " needs the person it belongs to, such as employee number 100231");
        }
        String[] roleNames = roles.stream().map(Role::name).sorted().toArray(String[]::new);
        int saved = jdbc.update(connection -> {
            var upsert = connection.prepareStatement(
                    "insert into users (username, person_id, display_name, password_hash, roles) values (?, ?, ?, ?, ?)"
                            + " on conflict (username) do update set display_name = excluded.display_name,"
                            + " password_hash = excluded.password_hash, roles = excluded.roles, enabled = true"
                            + " where users.person_id = excluded.person_id");
            upsert.setString(1, username);
            upsert.setString(2, personId);
            upsert.setString(3, displayName);
            upsert.setString(4, passwords.encode(rawPassword));
            upsert.setArray(5, connection.createArrayOf("text", roleNames));
            return upsert;
        });
        if (saved != 1) {
            throw new IllegalArgumentException("Account " + username + " belongs to another person than " + personId
                    + "; an account never changes person: disable it and create a new one");
        }
        audit.appendAll(List.of(new AuditEntry(
                actor,
                "USER_SAVED",
                "user",
                username,
                "{\"person\": \"" + personId + "\", \"roles\": \"" + String.join(",", Arrays.asList(roleNames))
                        + "\"}")));
    }

    /**
     * Disables an account: it can no longer sign in, upload or approve. The account stays, so
     * what it did keeps its name and person.
     */
    @Transactional
    public void disable(String username, String actor) {
        if (jdbc.update("update users set enabled = false where username = ?", username) != 1) {
            throw new IllegalArgumentException("No user " + username);
        }
        audit.appendAll(List.of(new AuditEntry(actor, "USER_DISABLED", "user", username, "{}")));
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
}
