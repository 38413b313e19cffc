package nl.beslisstraat.engine.tenancy;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Set;
import nl.beslisstraat.engine.security.Role;
import nl.beslisstraat.engine.support.Browserless;
import nl.beslisstraat.engine.support.DatabaseIntegrationTest;
import nl.beslisstraat.engine.support.Http;
import nl.beslisstraat.engine.support.TestUsers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Isolation the database enforces (issue 10, item 3): the application's connections are subject
 * to row-level security keyed on the municipality of the request or run, so a query that forgets
 * to filter still sees only its own municipality's cases, and none without a municipality.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class MunicipalityIsolationIntegrationTests extends DatabaseIntegrationTest {

    private static final String ZWOLLE = "0193";
    private static final String ZWOLLE_INTAKE = "eservice-zwolle";
    private static final String ZWOLLE_REVIEWER = "reviewer-zwolle";

    private final JsonMapper json = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @BeforeEach
    void zwolleAccounts() {
        accounts.save(
                ZWOLLE_INTAKE,
                "E-LOKET-ZWOLLE",
                "E-loket Zwolle",
                TestUsers.password(ZWOLLE_INTAKE),
                Set.of(Role.INTAKE),
                "test");
        accounts.save(
                ZWOLLE_REVIEWER,
                "500001",
                "Zeno Zwolle",
                TestUsers.password(ZWOLLE_REVIEWER),
                Set.of(Role.REVIEWER),
                "test");
        // accounts get a municipality of their own with roles per municipality (issue 10, item 4)
        jdbc.update(
                "update users set municipality = ? where username in (?, ?)", ZWOLLE, ZWOLLE_INTAKE, ZWOLLE_REVIEWER);
    }

    @Test
    void theApplicationWorksAsARoleSubjectToRowLevelSecurity() {
        assertThat(jdbc.queryForObject(
                        "select not rolsuper and not rolbypassrls from pg_roles where rolname = current_user",
                        Boolean.class))
                .isTrue();
        assertThat(jdbc.queryForObject(
                        "select tableowner <> current_user from pg_tables where tablename = 'cases'"
                                + " and schemaname = current_schema()",
                        Boolean.class))
                .as("the application does not own the case data")
                .isTrue();
    }

    @Test
    void aQueryWithoutAMunicipalityReturnsNoCases() {
        // given
        long utrechtCase = decideNow(TestUsers.INTAKE);

        // when
        long withMunicipality = jdbc.queryForObject("select count(*) from cases", Long.class);
        long withoutMunicipality;
        try (Municipality.Scope none = Municipality.enter(null)) {
            withoutMunicipality = jdbc.queryForObject("select count(*) from cases", Long.class)
                    + jdbc.queryForObject("select count(*) from decisions", Long.class)
                    + jdbc.queryForObject("select count(*) from review_tasks", Long.class)
                    + jdbc.queryForObject("select count(*) from audit_log", Long.class);
        }

        // then
        assertThat(withMunicipality).isPositive();
        assertThat(jdbc.queryForObject("select municipality from cases where id = ?", String.class, utrechtCase))
                .isEqualTo(Municipality.DEFAULT);
        assertThat(withoutMunicipality).isZero();
    }

    @Test
    void aCaseOfZwolleIsNotFoundByAReviewerOfUtrecht() throws Exception {
        // given: an application from Zwolle's e-service, sent to review
        long zwolleCase = decideNow(ZWOLLE_INTAKE);

        // then: it is Zwolle's
        String municipality = Municipality.call(
                ZWOLLE,
                () -> jdbc.queryForObject("select municipality from cases where id = ?", String.class, zwolleCase));
        assertThat(municipality).isEqualTo(ZWOLLE);
        assertThat(jdbc.queryForObject("select count(*) from cases where id = ?", Long.class, zwolleCase))
                .as("invisible to Utrecht even when asked by id")
                .isZero();

        // and Utrecht's reviewer gets 404 by API and page, Zwolle's reviewer finds it
        assertThat(new Http(port)
                        .as(TestUsers.REVIEWER)
                        .get("/api/cases/" + zwolleCase)
                        .statusCode())
                .isEqualTo(404);
        assertThat(Browserless.signedIn(port, TestUsers.REVIEWER)
                        .get("/review/cases/" + zwolleCase)
                        .statusCode())
                .isEqualTo(404);
        assertThat(new Http(port)
                        .as(ZWOLLE_REVIEWER)
                        .get("/api/cases/" + zwolleCase)
                        .statusCode())
                .isEqualTo(200);
        assertThat(Browserless.signedIn(port, ZWOLLE_REVIEWER)
                        .get("/review/cases/" + zwolleCase)
                        .statusCode())
                .isEqualTo(200);
    }

    private long decideNow(String eservice) {
        HttpResponse<String> decided = new Http(port)
                .as(eservice)
                .post(
                        "/api/cases/decide-now",
                        "application/json",
                        Http.resource("review/parking-permit-waiting-list.json"));
        assertThat(decided.statusCode()).as(decided.body()).isEqualTo(201);
        return json.readTree(decided.body()).path("id").asLong();
    }
}
