package nl.beslisstraat.engine.tenancy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

/** How the runtime pool is derived from the configured (owner's) data source. */
class RuntimeLoginTests {

    @Test
    void dropsTheOwnersUserAndPasswordFromTheUrlBecausePgjdbcLetsThemWin() {
        assertThat(
                        RuntimeLogin.withoutCredentials(
                                "jdbc:postgresql://127.0.0.1:5432/test?user=postgres&currentSchema=test_1&reWriteBatchedInserts=true"))
                .isEqualTo("jdbc:postgresql://127.0.0.1:5432/test?currentSchema=test_1&reWriteBatchedInserts=true");
        assertThat(RuntimeLogin.withoutCredentials(
                        "jdbc:postgresql://db:5432/beslisstraat?user=beslis&password=s3cret"))
                .isEqualTo("jdbc:postgresql://db:5432/beslisstraat");
        assertThat(RuntimeLogin.withoutCredentials("jdbc:postgresql://db/beslisstraat?username_hint=x&ssl=true"))
                .isEqualTo("jdbc:postgresql://db/beslisstraat?username_hint=x&ssl=true");
        assertThat(RuntimeLogin.withoutCredentials("jdbc:postgresql://db/beslisstraat"))
                .isEqualTo("jdbc:postgresql://db/beslisstraat");
    }

    @Test
    void logsInAsBeslisstraatRuntimeOnTheOwnersDatabaseWithTheOwnersPoolSettings() {
        try (HikariDataSource owner = owner("jdbc:postgresql://localhost:5432/postgres?user=postgres")) {
            owner.setMaximumPoolSize(8);
            owner.setPoolName("embedded-postgres");

            try (HikariDataSource runtime =
                    RuntimeLogin.from(new MockEnvironment()).pool(owner)) {
                assertThat(runtime.getJdbcUrl()).isEqualTo("jdbc:postgresql://localhost:5432/postgres");
                assertThat(runtime.getUsername()).isEqualTo("beslisstraat_runtime");
                assertThat(runtime.getPassword()).isNull();
                assertThat(runtime.getMaximumPoolSize()).isEqualTo(8);
                assertThat(runtime.getPoolName()).isEqualTo("embedded-postgres-runtime");
                assertThat(runtime.isRunning())
                        .as("not started before the migrations")
                        .isFalse();
            }
            assertThat(owner.getUsername())
                    .as("the owner's pool keeps its login")
                    .isEqualTo("postgres");
        }
    }

    @Test
    void takesTheRuntimeLoginAnOperatorConfigured() {
        MockEnvironment configured = new MockEnvironment()
                .withProperty("beslisstraat.database.runtime.username", "gemeente_app")
                .withProperty("beslisstraat.database.runtime.password", "s3cret")
                .withProperty("beslisstraat.database.runtime.url", "jdbc:postgresql://pgbouncer:6432/beslisstraat");

        try (HikariDataSource owner = owner("jdbc:postgresql://db:5432/beslisstraat");
                HikariDataSource runtime = RuntimeLogin.from(configured).pool(owner)) {
            assertThat(runtime.getJdbcUrl()).isEqualTo("jdbc:postgresql://pgbouncer:6432/beslisstraat");
            assertThat(runtime.getUsername()).isEqualTo("gemeente_app");
            assertThat(runtime.getPassword()).isEqualTo("s3cret");
            assertThat(RuntimeLogin.from(configured).toString()).doesNotContain("s3cret");
        }
    }

    @Test
    void refusesOwnerCredentialsGivenAsDriverPropertiesWhichWouldWinOverTheRuntimeLogin() {
        try (HikariDataSource owner = owner("jdbc:postgresql://db:5432/beslisstraat")) {
            owner.addDataSourceProperty("user", "postgres");

            assertThatThrownBy(() -> RuntimeLogin.from(new MockEnvironment()).pool(owner))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("spring.datasource.username");
        }
    }

    private static HikariDataSource owner(String url) {
        HikariDataSource owner = new HikariDataSource();
        owner.setJdbcUrl(url);
        owner.setUsername("postgres");
        return owner;
    }
}
