package nl.beslisstraat.engine.tenancy;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.SQLInvalidAuthorizationSpecException;
import javax.sql.DataSource;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * Every connection handed out is logged in as the application's runtime role ({@link RuntimeLogin}:
 * only a member of {@code beslisstraat_app}, so not a superuser, not the tables' owner, no
 * BYPASSRLS, and nothing it could {@code set role} to is) and works for the {@link Municipality} of
 * the current thread, or for none ({@code ''}, which matches no row) when the thread has none; and
 * says whether it works for the platform itself ({@code beslisstraat.platform = 'on'}, the only
 * connections that see the platform's own log). Both are set on every {@code getConnection()},
 * because a pooled connection keeps what the previous borrower set. Row-level security is only as good as the login under it, so the first
 * connection is checked: a runtime login that is or could become the owner or a role above
 * row-level security stops the application instead of letting it run unprotected.
 *
 * <p>The schema owner's data source is kept beside it, for the migrations alone.
 */
public class MunicipalityDataSource extends DelegatingDataSource implements AutoCloseable {

    private static final String SET = "select set_config('beslisstraat.municipality', ?, false),"
            + " set_config('beslisstraat.platform', ?, false)";

    /** Why this login may not run the application, or nothing. */
    private static final String UNFIT = "select case"
            + " when exists (select from pg_roles r where (r.rolsuper or r.rolbypassrls)"
            + "   and pg_has_role(current_user, r.oid, 'member'))"
            + " then 'is, or may act as, a superuser or a role that bypasses row-level security'"
            + " when exists (select from pg_class c where c.oid = to_regclass('cases')"
            + "   and pg_has_role(current_user, c.relowner, 'member'))"
            + " then 'owns the case data, or may act as its owner'"
            + " end, current_user";

    private final DataSource owner;
    private volatile boolean checked;

    /**
     * @param runtime the pool of the runtime role's connections
     * @param owner the schema owner's data source, for the migrations
     */
    public MunicipalityDataSource(DataSource runtime, DataSource owner) {
        super(runtime);
        this.owner = owner;
    }

    /**
     * The schema owner's connections, not subject to row-level security: for the migrations, and
     * for the throughput benchmark's own scratch tables in a benchmark database. Never for a
     * municipality's work: that goes through {@link #getConnection()}.
     */
    public DataSource owner() {
        return owner;
    }

    @Override
    public Connection getConnection() throws SQLException {
        return configured(obtainTargetDataSource().getConnection());
    }

    /** Refused: every connection logs in as the runtime role, never as a user the caller names. */
    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        throw new SQLFeatureNotSupportedException("The application's connections log in as the runtime role only");
    }

    private Connection configured(Connection connection) throws SQLException {
        try {
            if (!checked) {
                checkFit(connection);
                checked = true;
            }
            try (PreparedStatement set = connection.prepareStatement(SET)) {
                set.setString(1, Municipality.current().orElse(""));
                set.setString(2, Municipality.forPlatform() ? "on" : "");
                set.execute();
            }
            if (!connection.getAutoCommit()) {
                connection.commit(); // a setting made in a transaction that rolls back is undone
            }
            return connection;
        } catch (SQLException | RuntimeException e) {
            connection.close();
            throw e;
        }
    }

    private static void checkFit(Connection connection) throws SQLException {
        try (PreparedStatement check = connection.prepareStatement(UNFIT);
                ResultSet answer = check.executeQuery()) {
            answer.next();
            String unfit = answer.getString(1);
            if (unfit != null) {
                throw new SQLInvalidAuthorizationSpecException("The runtime database login '" + answer.getString(2)
                        + "' " + unfit + ", so row-level security would not keep the municipalities apart."
                        + " Configure a login that is only a member of beslisstraat_app: "
                        + RuntimeLogin.PREFIX + "username and " + RuntimeLogin.PREFIX + "password"
                        + " (docs/operations.md, \"Database roles\").");
            }
        }
    }

    /** Closes both pools, the runtime role's and the owner's. */
    @Override
    public void close() throws Exception {
        try (AutoCloseable runtime = closer(getTargetDataSource());
                AutoCloseable migrations = closer(owner)) {
            // both closed, the owner's first, whatever either throws
        }
    }

    private static AutoCloseable closer(DataSource dataSource) {
        return dataSource instanceof AutoCloseable closeable ? closeable : () -> {};
    }
}
