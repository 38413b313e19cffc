package nl.beslisstraat.engine.tenancy;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * Every connection handed out works as the application role (not the tables' owner, not a
 * superuser: subject to row-level security) for the {@link Municipality} of the current thread,
 * or for none ({@code ''}, which matches no row) when the thread has none. Set on every
 * {@code getConnection()}, because a pooled connection keeps what the previous borrower set.
 */
public class MunicipalityDataSource extends DelegatingDataSource {

    private static final String SET =
            "select set_config('role', ?, false), set_config('beslisstraat.municipality', ?, false)";

    private final String role;

    public MunicipalityDataSource(DataSource target, String role) {
        super(target);
        this.role = role;
    }

    @Override
    public Connection getConnection() throws SQLException {
        return configured(obtainTargetDataSource().getConnection());
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return configured(obtainTargetDataSource().getConnection(username, password));
    }

    private Connection configured(Connection connection) throws SQLException {
        try (PreparedStatement set = connection.prepareStatement(SET)) {
            set.setString(1, role);
            set.setString(2, Municipality.current().orElse(""));
            set.execute();
            if (!connection.getAutoCommit()) {
                connection.commit(); // a setting made in a transaction that rolls back is undone
            }
            return connection;
        } catch (SQLException | RuntimeException e) {
            connection.close();
            throw e;
        }
    }
}
