package nl.beslisstraat.engine.tenancy;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The municipalities an account works for, with its roles in each, read as they are now: a
 * membership taken away or an account disabled counts from the next request on, also in a session
 * that was opened before. Reads {@code users} and {@code user_municipalities}, which are not under
 * row-level security, so it works before the request's municipality is known.
 */
@Repository
public class Memberships {

    private final JdbcTemplate jdbc;

    Memberships(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** One municipality an account works for, and its roles there (names of {@code Role}). */
    public record Membership(String code, String name, List<String> roles) {}

    /**
     * What an account may do: its platform roles (the platform administrator's, held in no
     * municipality) and its memberships, the one it works for by default first.
     */
    public record Access(boolean enabled, List<String> platformRoles, List<Membership> memberships) {

        static final Access NONE = new Access(false, List.of(), List.of());

        /** The membership of {@code code}, if the account works for that municipality. */
        public Optional<Membership> in(String code) {
            return memberships.stream().filter(m -> m.code().equals(code)).findFirst();
        }

        /** Where the account works when it has not chosen: the first municipality it was given. */
        public Optional<Membership> byDefault() {
            return memberships.stream().findFirst();
        }
    }

    /** The account's access now; a disabled or unknown account has none. */
    public Access of(String username) {
        List<String> platformRoles = new ArrayList<>();
        List<Membership> memberships = new ArrayList<>();
        boolean[] enabled = {false};
        boolean[] seen = {false};
        jdbc.query(
                "select u.enabled, u.roles as platform_roles, m.cbs_code, m.name, um.roles"
                        + " from users u"
                        + " left join user_municipalities um on um.username = u.username"
                        + " left join municipalities m on m.cbs_code = um.municipality"
                        + " where u.username = ? order by um.granted_at, um.municipality",
                row -> {
                    if (!seen[0]) {
                        seen[0] = true;
                        enabled[0] = row.getBoolean("enabled");
                        platformRoles.addAll(List.of(
                                (String[]) row.getArray("platform_roles").getArray()));
                    }
                    if (row.getString("cbs_code") != null) {
                        memberships.add(
                                new Membership(row.getString("cbs_code"), row.getString("name"), List.of((String[])
                                        row.getArray("roles").getArray())));
                    }
                },
                username);
        return enabled[0] ? new Access(true, List.copyOf(platformRoles), List.copyOf(memberships)) : Access.NONE;
    }

    /** The name of a municipality, if there is one with this CBS code. */
    public Optional<String> nameOf(String code) {
        return jdbc.queryForList("select name from municipalities where cbs_code = ?", String.class, code).stream()
                .findFirst();
    }
}
