package nl.beslisstraat.batch.nightly;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Only one process at a time may launch a given night. A PostgreSQL advisory lock on the night's
 * identity (run date, municipality, label), taken without waiting, on a connection of its own, and
 * held from the check of the night's last execution until the new execution is stored; after that
 * Spring Batch's job-instance identity refuses a second execution while one runs. However many
 * managers, schedules and people launch one night at once, one launch goes through. A process that
 * dies holding the lock loses it with its session.
 */
final class NightLock implements AutoCloseable {

    private static final String NAMESPACE = "beslisstraat: nightly run launch";
    private static final Logger log = LoggerFactory.getLogger(NightLock.class);

    private final Connection connection;
    private final String night;

    private NightLock(Connection connection, String night) {
        this.connection = connection;
        this.night = night;
    }

    /** The lock, or empty when another launch of the same night holds it right now. */
    static Optional<NightLock> tryTake(DataSource dataSource, String night) {
        Connection connection;
        try {
            // Its own connection, outside any transaction: the lock lives as long as this session.
            connection = dataSource.getConnection();
        } catch (SQLException e) {
            throw new IllegalStateException("No connection for the launch lock of night " + night, e);
        }
        try (PreparedStatement lock =
                connection.prepareStatement("select pg_try_advisory_lock(hashtext(?), hashtext(?))")) {
            lock.setString(1, NAMESPACE);
            lock.setString(2, night);
            try (ResultSet taken = lock.executeQuery()) {
                taken.next();
                if (taken.getBoolean(1)) {
                    return Optional.of(new NightLock(connection, night));
                }
            }
        } catch (SQLException e) {
            closeQuietly(connection);
            throw new IllegalStateException("Could not take the launch lock of night " + night, e);
        }
        closeQuietly(connection);
        return Optional.empty();
    }

    @Override
    public void close() {
        try (PreparedStatement unlock =
                connection.prepareStatement("select pg_advisory_unlock(hashtext(?), hashtext(?))")) {
            unlock.setString(1, NAMESPACE);
            unlock.setString(2, night);
            unlock.execute();
            closeQuietly(connection);
        } catch (SQLException e) {
            // The launch itself is done. A connection that may still hold the lock must not go back
            // to the pool: ending its session releases the lock.
            log.warn("Could not release the launch lock of night {}; dropping its connection", night, e);
            try {
                connection.abort(Runnable::run);
            } catch (SQLException ignored) {
                closeQuietly(connection);
            }
        }
    }

    private static void closeQuietly(Connection connection) {
        try {
            connection.close();
        } catch (SQLException ignored) {
            // The pool discards a broken connection, and a lock with its session.
        }
    }
}
