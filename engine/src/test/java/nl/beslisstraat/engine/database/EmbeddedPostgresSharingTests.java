package nl.beslisstraat.engine.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

/**
 * The engine runs on the embedded PostgreSQL of a newcomer's home directory; the nightly job,
 * started beside it, must use the same server rather than fail on its lock.
 */
class EmbeddedPostgresSharingTests {

    @Test
    void aSecondProcessUsesTheServerThatAlreadyRunsOnTheDataDirectory() throws Exception {
        Path data = Files.createTempDirectory("beslisstraat-shared").resolve("pgdata");
        EmbeddedPostgresConfiguration configuration = new EmbeddedPostgresConfiguration();
        assertThat(EmbeddedPostgresConfiguration.runningServer(data)).isEmpty();

        try (EmbeddedPostgresConfiguration.EmbeddedServer engine = configuration.embeddedPostgres(data, 0)) {
            EmbeddedPostgresConfiguration.EmbeddedServer nightly = configuration.embeddedPostgres(data, 0);

            assertThat(nightly.port()).isEqualTo(engine.port());
            query(engine).execute("create table shared (seen text)");
            query(engine).update("insert into shared values ('engine')");
            assertThat(query(nightly).queryForObject("select seen from shared", String.class))
                    .isEqualTo("engine");
            nightly.close(); // the second process leaves the server running for its owner
            assertThat(query(engine).queryForObject("select count(*) from shared", Long.class))
                    .isEqualTo(1);
        }
        assertThat(EmbeddedPostgresConfiguration.runningServer(data)).isEmpty();
    }

    private static JdbcTemplate query(EmbeddedPostgresConfiguration.EmbeddedServer server) {
        return new JdbcTemplate(new SimpleDriverDataSource(new org.postgresql.Driver(), server.jdbcUrl()));
    }
}
