package nl.beslisstraat.engine.tenancy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import javax.sql.DataSource;
import nl.beslisstraat.engine.support.DatabaseIntegrationTest;
import nl.beslisstraat.engine.support.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The application's connections log in as a role of their own that row-level security applies to
 * and that cannot become anything it does not apply to: not by {@code reset role}, not by {@code
 * set role} or {@code set session authorization} to the owner or a superuser, not by switching the
 * policies or triggers off. The migrations still run as the schema's owner.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class RuntimeLoginIntegrationTests extends DatabaseIntegrationTest {

    private static final List<String> CASE_DATA = List.of("cases", "decisions", "review_tasks", "audit_log");

    @Autowired
    DataSource dataSource;

    @Autowired
    JdbcTemplate jdbc;

    private String owner;

    @BeforeEach
    void schemaOwner() {
        owner = jdbc.queryForObject(
                "select tableowner from pg_tables where tablename = 'cases' and schemaname = current_schema()",
                String.class);
    }

    @Test
    void theApplicationLogsInAsTheRuntimeRoleOnlyAMemberOfTheApplicationRole() {
        assertThat(jdbc.queryForObject("select session_user::text", String.class))
                .isEqualTo("beslisstraat_runtime");
        assertThat(jdbc.queryForObject("select current_user::text", String.class))
                .as("no set role on top of the login")
                .isEqualTo("beslisstraat_runtime");
        assertThat(jdbc.queryForObject(
                        "select not rolsuper and not rolbypassrls and rolcanlogin from pg_roles"
                                + " where rolname = session_user",
                        Boolean.class))
                .isTrue();
        assertThat(jdbc.queryForObject("select pg_has_role(session_user, 'beslisstraat_app', 'member')", Boolean.class))
                .isTrue();
        assertThat(jdbc.queryForList(
                        "select rolname::text from pg_roles where pg_has_role(session_user, oid, 'member')",
                        String.class))
                .as("the roles it is or may act as")
                .containsExactlyInAnyOrder("beslisstraat_runtime", "beslisstraat_app");
        assertThat(owner).isNotEqualTo("beslisstraat_runtime");
    }

    @Test
    void theMigrationsRanAsTheSchemasOwner() throws SQLException {
        try (Connection asOwner = TestDatabase.owner().getConnection();
                Statement statement = asOwner.createStatement();
                ResultSet installedBy = statement.executeQuery(
                        "select distinct installed_by from flyway_schema_history where version is not null")) {
            assertThat(installedBy.next()).isTrue();
            assertThat(installedBy.getString(1)).isEqualTo(owner);
            assertThat(installedBy.next()).as("one installer").isFalse();
        }
    }

    @Test
    void aLoginAsTheApplicationWithoutAMunicipalitySeesNoCaseData() throws SQLException {
        // given: a case of Utrecht (decided already, so that no other test finds it in the queue)
        jdbc.update("insert into cases (case_type, reference_date, input, status) values"
                + " ('PARKING_PERMIT', date '2026-09-01', '{\"caseType\": \"PARKING_PERMIT\"}'::jsonb, 'DECIDED')");

        // then
        try (Connection login = loginAsTheApplication()) {
            for (String table : CASE_DATA) {
                assertThat(count(login, table)).as(table).isZero();
            }
        }
        assertThat(jdbc.queryForObject("select count(*) from cases", Long.class))
                .as("Utrecht's case is there")
                .isPositive();
    }

    @Test
    void anApplicationConnectionCannotGoBackToASuperuserOrTheOwner() throws SQLException {
        try (Connection login = loginAsTheApplication();
                Statement statement = login.createStatement()) {
            statement.execute("reset role");
            assertThat(currentUser(login)).isEqualTo("beslisstraat_runtime");
            statement.execute("reset session authorization");
            assertThat(currentUser(login)).isEqualTo("beslisstraat_runtime");
            assertThat(count(login, "cases"))
                    .as("still no rows without a municipality")
                    .isZero();

            assertRefused(login, "set role postgres", "permission denied");
            assertRefused(login, "set role \"" + owner + "\"", "permission denied");
            assertRefused(login, "set session authorization \"" + owner + "\"", "permission denied");
            assertRefused(login, "select set_config('role', '" + owner + "', false)", "permission denied");
            assertThat(currentUser(login)).isEqualTo("beslisstraat_runtime");
        }
    }

    @Test
    void anApplicationConnectionCannotSwitchOffRowLevelSecurityOrTheTriggers() throws SQLException {
        try (Connection login = loginAsTheApplication()) {
            assertRefused(login, "alter table cases disable row level security", "must be owner");
            assertRefused(login, "alter table cases no force row level security", "must be owner");
            assertRefused(login, "drop policy cases_own_municipality on cases", "must be owner");
            assertRefused(login, "alter table audit_log disable trigger all", "must be owner");
            assertRefused(login, "alter table users disable trigger all", "must be owner");
            assertRefused(login, "truncate cases", "permission denied");
            assertThat(count(login, "cases")).isZero();
        }
        assertThat(jdbc.queryForObject(
                        "select relrowsecurity and relforcerowsecurity from pg_class where oid = 'cases'::regclass",
                        Boolean.class))
                .isTrue();
    }

    /**
     * Taking a lane of a municipality's chain holds it to the end of the transaction: the runtime
     * login may take one only for the municipality it works for, never another's, which it would
     * stall.
     */
    @Test
    void anApplicationConnectionTakesNoLaneOfAnotherMunicipalitysChain() throws SQLException {
        try (Connection login = loginAsTheApplication()) {
            assertRefused(login, "select chain_start('decisions', '0193', '1')", "taken only while working for it");
            try (Statement statement = login.createStatement()) {
                statement.execute("select set_config('beslisstraat.municipality', '0344', false)");
            }
            assertRefused(login, "select chain_start('decisions', '0193', '1')", "taken only while working for it");
        }
    }

    @Test
    void anApplicationConnectionMayCreateATemporaryTableForCopy() throws SQLException {
        try (Connection login = loginAsTheApplication();
                Statement statement = login.createStatement()) {
            statement.execute("create temp table staging (id bigint)");
            statement.execute("insert into staging values (1)");
            assertThat(count(login, "staging")).isEqualTo(1);
        }
    }

    @Test
    void refusesARuntimeLoginThatIsASuperuser() {
        // the tests' configured login is the superuser postgres, as the embedded server's is
        MunicipalityDataSource superuser = new MunicipalityDataSource(TestDatabase.owner(), TestDatabase.owner());

        assertThatThrownBy(superuser::getConnection)
                .isInstanceOf(SQLException.class)
                .hasMessageContaining("superuser")
                .hasMessageContaining("beslisstraat.database.runtime.username");
    }

    @Test
    void refusesAConnectionForAUserTheCallerNames() {
        assertThatThrownBy(() -> dataSource.getConnection(owner, "")).isInstanceOf(SQLException.class);
    }

    /** A new connection with the URL, user and password the application's runtime pool logs in with. */
    private Connection loginAsTheApplication() throws SQLException {
        HikariDataSource runtime = (HikariDataSource) ((MunicipalityDataSource) dataSource).getTargetDataSource();
        return DriverManager.getConnection(runtime.getJdbcUrl(), runtime.getUsername(), runtime.getPassword());
    }

    private static void assertRefused(Connection login, String sql, String message) {
        assertThatThrownBy(() -> {
                    try (Statement statement = login.createStatement()) {
                        statement.execute(sql);
                    }
                })
                .as(sql)
                .isInstanceOf(SQLException.class)
                .hasMessageContaining(message);
    }

    private static String currentUser(Connection login) throws SQLException {
        try (Statement statement = login.createStatement();
                ResultSet user = statement.executeQuery("select current_user::text")) {
            user.next();
            return user.getString(1);
        }
    }

    private static long count(Connection login, String table) throws SQLException {
        try (Statement statement = login.createStatement();
                ResultSet count = statement.executeQuery("select count(*) from " + table)) {
            count.next();
            return count.getLong(1);
        }
    }
}
