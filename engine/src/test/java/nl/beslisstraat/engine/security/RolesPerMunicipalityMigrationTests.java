package nl.beslisstraat.engine.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import nl.beslisstraat.engine.support.TestDatabase;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * V16 on a database with accounts from before roles per municipality: every account keeps its
 * roles, in the municipality it had, and nothing else; the account itself keeps no municipality's
 * role. Runs the real migrations in a schema of its own.
 */
class RolesPerMunicipalityMigrationTests {

    private final String schema = "roles_migration_" + ProcessHandle.current().pid();

    @AfterEach
    void dropSchema() throws SQLException {
        execute("drop schema if exists " + schema + " cascade");
    }

    @Test
    void everyExistingAccountKeepsItsRolesInItsMunicipality() throws SQLException {
        // given: accounts as V14 left them
        migrate("14");
        execute("insert into users (username, person_id, display_name, password_hash, roles, municipality) values"
                + " ('anna', '1', 'Anna', 'x', '{REVIEWER,AUDITOR}', '0193'),"
                + " ('bob', '2', 'Bob', 'x', '{INTAKE}', '0344'),"
                + " ('carla', '3', 'Carla', 'x', '{POLICY_OFFICER}', default)");

        // when
        migrate(null);

        // then
        assertThat(rows("select username || ' ' || municipality || ' ' || array_to_string(roles, ',')"
                        + " from user_municipalities order by username"))
                .containsExactly("anna 0193 REVIEWER,AUDITOR", "bob 0344 INTAKE", "carla 0344 POLICY_OFFICER");
        assertThat(rows("select username || ' ' || cardinality(roles) from users order by username"))
                .containsExactly("anna 0", "bob 0", "carla 0");
        assertThat(rows("select column_name from information_schema.columns where table_schema = '" + schema
                        + "' and table_name = 'users' and column_name = 'municipality'"))
                .as("one place for memberships")
                .isEmpty();
        assertThatThrownBy(() -> execute("update users set roles = '{REVIEWER}' where username = 'anna'"))
                .as("no municipality's role on the account itself")
                .isInstanceOf(SQLException.class);
        assertThatThrownBy(() -> execute("update users set roles = '{PLATFORM_ADMIN}' where username = 'anna'"))
                .as("a platform administrator works for no municipality")
                .hasMessageContaining("cannot be a platform administrator");
    }

    private void migrate(String target) {
        var configuration = Flyway.configure()
                .dataSource(TestDatabase.jdbcUrl(), null, null)
                .schemas(schema)
                .defaultSchema(schema)
                .locations("classpath:db/migration");
        if (target != null) {
            configuration.target(target);
        }
        configuration.load().migrate();
    }

    private List<String> rows(String sql) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection connection = connection();
                Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery(sql)) {
            while (result.next()) {
                rows.add(result.getString(1));
            }
        }
        return rows;
    }

    private void execute(String sql) throws SQLException {
        try (Connection connection = connection();
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private Connection connection() throws SQLException {
        Connection connection = DriverManager.getConnection(TestDatabase.jdbcUrl());
        try (Statement statement = connection.createStatement()) {
            statement.execute("set search_path to " + schema);
        }
        return connection;
    }
}
