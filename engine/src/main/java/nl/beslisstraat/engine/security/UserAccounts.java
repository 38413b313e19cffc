package nl.beslisstraat.engine.security;

import java.util.Arrays;
import java.util.List;
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

/** The users table: sign-in lookups, and creating or resetting an account (audited). */
@Service
public class UserAccounts implements UserDetailsService {

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

    /** Creates the account, or gives an existing one this name, password and these roles. */
    @Transactional
    public void save(String username, String displayName, String rawPassword, Set<Role> roles, String actor) {
        String[] roleNames = roles.stream().map(Role::name).sorted().toArray(String[]::new);
        jdbc.update(connection -> {
            var upsert = connection.prepareStatement(
                    "insert into users (username, display_name, password_hash, roles) values (?, ?, ?, ?)"
                            + " on conflict (username) do update set display_name = excluded.display_name,"
                            + " password_hash = excluded.password_hash, roles = excluded.roles, enabled = true");
            upsert.setString(1, username);
            upsert.setString(2, displayName);
            upsert.setString(3, passwords.encode(rawPassword));
            upsert.setArray(4, connection.createArrayOf("text", roleNames));
            return upsert;
        });
        audit.appendAll(List.of(new AuditEntry(
                actor,
                "USER_SAVED",
                "user",
                username,
                "{\"roles\": \"" + String.join(",", Arrays.asList(roleNames)) + "\"}")));
    }

    public String displayName(String username) {
        return jdbc.queryForList("select display_name from users where username = ?", String.class, username).stream()
                .findFirst()
                .orElse(username);
    }
}
