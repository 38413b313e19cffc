package nl.beslisstraat.engine.support;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * The real PostgreSQL the tests run against, chosen once per test JVM:
 *
 * <ol>
 *   <li>the JDBC URL in {@code BESLISSTRAAT_TEST_JDBC_URL} when set (CI points it at the machine's
 *       server); the tests then work in a schema of their own, dropped when the JVM exits;
 *   <li>else a Testcontainers PostgreSQL when a Docker engine answers;
 *   <li>else an embedded PostgreSQL (zonky), which needs nothing but the JDK.
 * </ol>
 *
 * Never H2, never a mock: the schema relies on jsonb, partial indexes and triggers.
 */
public final class TestDatabase {

    public static final String URL_VARIABLE = "BESLISSTRAAT_TEST_JDBC_URL";
    private static final Logger log = LoggerFactory.getLogger(TestDatabase.class);
    private static String jdbcUrl;

    private TestDatabase() {}

    /** JDBC URL with user, schema and batch settings included. */
    public static synchronized String jdbcUrl() {
        if (jdbcUrl == null) {
            jdbcUrl = start();
        }
        return jdbcUrl;
    }

    /**
     * Connections as the schema's owner, as the migrations have them: for test set-up that the
     * application's runtime role may not do (truncating, adding a trigger). Not subject to
     * row-level security.
     */
    public static DataSource owner() {
        return new SimpleDriverDataSource(new org.postgresql.Driver(), jdbcUrl());
    }

    /**
     * A municipality no test used before in this database, for a test whose data must be its own:
     * one drawn at random could be an earlier test's, with that test's (perhaps deliberately
     * broken) chains and queue.
     */
    public static String newMunicipality() {
        JdbcTemplate jdbc = new JdbcTemplate(owner());
        while (true) {
            String code = "9" + java.util.concurrent.ThreadLocalRandom.current().nextInt(100, 1000);
            if (jdbc.update(
                            "insert into municipalities (cbs_code, name) values (?, ?) on conflict do nothing",
                            code,
                            "Test " + code)
                    == 1) {
                return code;
            }
        }
    }

    private static String start() {
        String configured = System.getenv(URL_VARIABLE);
        if (configured != null && !configured.isBlank()) {
            String url = ownSchema(configured.trim());
            log.info("Tests use the configured PostgreSQL: {}", url);
            return url;
        }
        if (dockerAvailable()) {
            PostgreSQLContainer container = new PostgreSQLContainer("postgres:15-alpine");
            container.start();
            log.info("Tests use a Testcontainers PostgreSQL: {}", container.getJdbcUrl());
            return with(
                    container.getJdbcUrl(), "user=" + container.getUsername() + "&password=" + container.getPassword());
        }
        try {
            // Unpack the server binaries in a folder of this user: the default /tmp/embedded-pg may
            // belong to another user on a shared machine, and then cannot be written.
            File binaries = new File(
                    System.getProperty("java.io.tmpdir"),
                    "beslisstraat-embedded-pg-" + System.getProperty("user.name"));
            binaries.mkdirs();
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setOverrideWorkingDirectory(binaries)
                    .start();
            log.info("Tests use an embedded PostgreSQL on port {}", postgres.getPort());
            return with(postgres.getJdbcUrl("postgres", "postgres"), "");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start an embedded PostgreSQL for the tests", e);
        }
    }

    /** A fresh schema per test JVM, so runs on a shared server never see each other's rows. */
    private static String ownSchema(String url) {
        String schema = "test_" + ProcessHandle.current().pid() + "_" + System.currentTimeMillis() % 100_000;
        execute(url, "create schema " + schema);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(() -> execute(url, "drop schema if exists " + schema + " cascade")));
        return with(url, "currentSchema=" + schema);
    }

    private static String with(String url, String parameters) {
        String all = parameters.isEmpty() ? "reWriteBatchedInserts=true" : parameters + "&reWriteBatchedInserts=true";
        return url + (url.contains("?") ? "&" : "?") + all;
    }

    private static void execute(String url, String sql) {
        try (Connection connection = DriverManager.getConnection(url);
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot run '" + sql + "' on " + url, e);
        }
    }

    private static boolean dockerAvailable() {
        boolean dockerConfigured = System.getenv("DOCKER_HOST") != null
                || new File("/var/run/docker.sock").exists()
                || new File(System.getProperty("user.home"), ".testcontainers.properties").exists();
        if (!dockerConfigured) {
            return false; // spares the Docker client's long error report on machines without Docker
        }
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }
}
