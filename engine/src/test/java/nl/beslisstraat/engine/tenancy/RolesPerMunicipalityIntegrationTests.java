package nl.beslisstraat.engine.tenancy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpResponse;
import java.util.Set;
import nl.beslisstraat.engine.security.AccountRefused;
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
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Roles are held per municipality, and a request has the roles of the municipality it works for
 * only: a person who is a reviewer in Utrecht and an auditor in Zwolle reviews in Utrecht and only
 * reads in Zwolle, after switching in the pages' header or with the {@code X-Municipality} header.
 * A municipality the account does not work for is refused; memberships are checked on every
 * request. An e-service works for exactly one municipality, and its applications land there.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class RolesPerMunicipalityIntegrationTests extends DatabaseIntegrationTest {

    /** Reviewer in Utrecht (given first, so it works there until it switches), auditor in Zwolle. */
    static final String TWO_MUNICIPALITIES = "reviewer-utrecht-auditor-zwolle";

    private static final String ZWOLLE = TestUsers.ZWOLLE;
    private static final String AMSTERDAM = "0363";
    private static final String NOT_A_MUNICIPALITY = "9999";

    private final JsonMapper json = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @BeforeEach
    void accounts() {
        TestUsers.ensureZwolle(accounts, jdbc);
        accounts.save(
                TWO_MUNICIPALITIES,
                "600001",
                "Wim Wisselaar",
                TestUsers.password(TWO_MUNICIPALITIES),
                Set.of(Role.REVIEWER),
                "test");
        Municipality.run(ZWOLLE, () -> accounts.grant(TWO_MUNICIPALITIES, Set.of(Role.AUDITOR), "test"));
    }

    @Test
    void aReviewerOfUtrechtOnlyIsAReviewerInUtrechtOnly() {
        Http reviewer = new Http(port).as(TestUsers.REVIEWER);

        assertThat(reviewer.get("/api/review/tasks").statusCode()).isEqualTo(200);
        assertThat(reviewer.get("/api/review/tasks", MunicipalityFilter.HEADER, Municipality.DEFAULT)
                        .statusCode())
                .as("naming its own municipality changes nothing")
                .isEqualTo(200);
        assertThat(reviewer.get("/api/review/tasks", MunicipalityFilter.HEADER, ZWOLLE)
                        .statusCode())
                .as("a municipality it does not work for")
                .isEqualTo(403);
        Browserless page = Browserless.signedIn(port, TestUsers.REVIEWER);
        assertThat(page.post("/municipality", "municipality=" + ZWOLLE).statusCode())
                .isEqualTo(403);
        HttpResponse<String> queue = page.get("/review");
        assertThat(queue.statusCode()).isEqualTo(200);
        assertThat(queue.body())
                .as("its municipality in the header, no switch")
                .contains("id=\"municipality-name\">Utrecht<")
                .doesNotContain("id=\"municipality-switch\"");
    }

    @Test
    void aReviewerInUtrechtWhoIsAuditorInZwolleHasTheAuditorsRightsOnlyWhenWorkingForZwolle() {
        // given: a Zwolle case in review, and a Utrecht task to claim
        long zwolleCase = decideNow(TestUsers.ZWOLLE_INTAKE);
        long utrechtCase = decideNow(TestUsers.INTAKE);
        long utrechtTask = openTask(utrechtCase, Municipality.DEFAULT);
        long zwolleTask = openTask(zwolleCase, ZWOLLE);
        Http person = new Http(port).as(TWO_MUNICIPALITIES);

        // then: without choosing, it works for Utrecht, as a reviewer and not as an auditor
        assertThat(person.send("POST", "/api/review/tasks/" + utrechtTask + "/claim")
                        .statusCode())
                .isEqualTo(204);
        assertThat(person.send("POST", "/api/review/tasks/" + utrechtTask + "/release")
                        .statusCode())
                .isEqualTo(204);
        assertThat(person.get("/api/cases/" + utrechtCase + "/recomputation").statusCode())
                .as("auditing is Zwolle's role")
                .isEqualTo(403);
        assertThat(person.get("/api/cases/" + zwolleCase).statusCode()).isEqualTo(404);

        // and working for Zwolle, it reads as an auditor and decides nothing
        String[] zwolle = {MunicipalityFilter.HEADER, ZWOLLE};
        assertThat(person.get("/api/cases/" + zwolleCase, zwolle).statusCode()).isEqualTo(200);
        assertThat(person.get("/api/cases/" + zwolleCase + "/recomputation", zwolle)
                        .statusCode())
                .isEqualTo(200);
        assertThat(person.get("/api/review/tasks?size=100", zwolle).body()).contains("\"caseId\":" + zwolleCase);
        assertThat(sendWithHeader(person, "/api/review/tasks/" + zwolleTask + "/claim", ZWOLLE))
                .as("a reviewer in Utrecht, not in Zwolle")
                .isEqualTo(403);
        assertThat(person.get("/api/cases/" + utrechtCase, zwolle).statusCode())
                .as("Utrecht's case is not Zwolle's")
                .isEqualTo(404);

        // and the same with the switch in the pages
        Browserless pages = Browserless.signedIn(port, TWO_MUNICIPALITIES);
        assertThat(pages.get("/review").body())
                .contains("id=\"municipality-switch\"")
                .contains("<option value=\"0344\" selected=\"selected\">Utrecht</option>");
        HttpResponse<String> switched = pages.post("/municipality", "municipality=" + ZWOLLE);
        assertThat(switched.statusCode()).isEqualTo(302);
        assertThat(switched.headers().firstValue("Location").orElse("")).endsWith("/");
        assertThat(pages.get("/").headers().firstValue("Location").orElse(""))
                .as("the auditor's start page")
                .endsWith("/dashboard");
        assertThat(pages.get("/review").statusCode()).isEqualTo(403);
        HttpResponse<String> dashboard = pages.get("/dashboard");
        assertThat(dashboard.statusCode()).isEqualTo(200);
        assertThat(dashboard.body()).contains("<option value=\"0193\" selected=\"selected\">Zwolle</option>");
        assertThat(pages.get("/review/cases/" + zwolleCase).statusCode()).isEqualTo(403);
    }

    @Test
    void theDashboardAndQueueShowTheChosenMunicipalitysCasesOnly() {
        // given
        Http person = new Http(port).as(TWO_MUNICIPALITIES);
        long utrechtQueue = queueSize(person.get("/api/dashboard"));
        long zwolleQueue = queueSize(person.get("/api/dashboard", MunicipalityFilter.HEADER, ZWOLLE));

        // when
        long zwolleCase = decideNow(TestUsers.ZWOLLE_INTAKE);

        // then
        assertThat(queueSize(person.get("/api/dashboard"))).isEqualTo(utrechtQueue);
        assertThat(queueSize(person.get("/api/dashboard", MunicipalityFilter.HEADER, ZWOLLE)))
                .isEqualTo(zwolleQueue + 1);
        Browserless pages = Browserless.signedIn(port, TWO_MUNICIPALITIES);
        assertThat(pages.get("/review").body()).doesNotContain("/review/cases/" + zwolleCase + "\"");
        assertThat(figure(pages.get("/dashboard").body())).isEqualTo(utrechtQueue);
        pages.post("/municipality", "municipality=" + ZWOLLE);
        assertThat(figure(pages.get("/dashboard").body())).isEqualTo(zwolleQueue + 1);
    }

    @Test
    void aMunicipalityTheAccountDoesNotWorkForIsRefusedAndChangesNothing() {
        Http person = new Http(port).as(TWO_MUNICIPALITIES);
        for (String forged : new String[] {AMSTERDAM, NOT_A_MUNICIPALITY, "0344' or '1'='1", "0344,0193"}) {
            assertThat(person.get("/api/dashboard", MunicipalityFilter.HEADER, forged)
                            .statusCode())
                    .as(forged)
                    .isEqualTo(403);
        }

        Browserless pages = Browserless.signedIn(port, TWO_MUNICIPALITIES);
        pages.post("/municipality", "municipality=" + ZWOLLE);
        for (String forged : new String[] {AMSTERDAM, NOT_A_MUNICIPALITY, ""}) {
            assertThat(pages.post("/municipality", "municipality=" + forged).statusCode())
                    .as(forged)
                    .isEqualTo(403);
        }
        assertThat(pages.get("/dashboard").body())
                .as("still working for Zwolle")
                .contains("<option value=\"0193\" selected=\"selected\">Zwolle</option>");
        assertThat(pages.postWithoutToken("/municipality", "municipality=" + Municipality.DEFAULT)
                        .statusCode())
                .as("the switch is a form with its CSRF token")
                .isEqualTo(403);
        assertThat(pages.get("/review").statusCode())
                .as("still Zwolle's auditor")
                .isEqualTo(403);
    }

    @Test
    void aMembershipTakenAwayCountsFromTheNextRequestEvenInAnOpenSession() {
        // given: working for Zwolle in an open session
        Browserless pages = Browserless.signedIn(port, TWO_MUNICIPALITIES);
        pages.post("/municipality", "municipality=" + ZWOLLE);
        assertThat(pages.get("/dashboard").statusCode()).isEqualTo(200);

        // when
        jdbc.update(
                "delete from user_municipalities where username = ? and municipality = ?", TWO_MUNICIPALITIES, ZWOLLE);

        // then: back to Utrecht, the only municipality left, with its roles there
        assertThat(pages.get("/review").statusCode()).isEqualTo(200);
        assertThat(pages.get("/review").body())
                .contains("id=\"municipality-name\">Utrecht<")
                .doesNotContain("id=\"municipality-switch\"");
        assertThat(new Http(port)
                        .as(TWO_MUNICIPALITIES)
                        .get("/api/dashboard", MunicipalityFilter.HEADER, ZWOLLE)
                        .statusCode())
                .isEqualTo(403);
    }

    @Test
    void anEServiceWorksForExactlyOneMunicipality() {
        assertThatThrownBy(() -> Municipality.run(
                        ZWOLLE,
                        () -> accounts.save(
                                TestUsers.INTAKE,
                                "E-LOKET",
                                "E-loket",
                                TestUsers.password(TestUsers.INTAKE),
                                Set.of(Role.INTAKE),
                                "test")))
                .isInstanceOf(AccountRefused.class)
                .hasMessageContaining("precies één gemeente");
        assertThatThrownBy(() ->
                        Municipality.run(ZWOLLE, () -> accounts.grant(TestUsers.REVIEWER, Set.of(Role.INTAKE), "test")))
                .as("nor does a person's account become an e-service in a second municipality")
                .isInstanceOf(AccountRefused.class);
        assertThatThrownBy(() -> jdbc.update(
                        "insert into user_municipalities (username, municipality, roles) values (?, ?, '{REVIEWER}')",
                        TestUsers.ZWOLLE_INTAKE,
                        Municipality.DEFAULT))
                .as("the database refuses it whichever way it is written")
                .isInstanceOf(DataAccessException.class)
                .hasMessageContaining("exactly one municipality");
        assertThat(jdbc.queryForList(
                        "select municipality from user_municipalities where username = ?",
                        String.class,
                        TestUsers.ZWOLLE_INTAKE))
                .containsExactly(ZWOLLE);
    }

    @Test
    void anEServicesApplicationsLandInItsMunicipality() {
        // given: one queued and one decided at once by Zwolle's e-service
        HttpResponse<String> queued = new Http(port)
                .as(TestUsers.ZWOLLE_INTAKE)
                .post("/api/cases", "application/json", Http.resource("review/parking-permit-waiting-list.json"));
        assertThat(queued.statusCode()).as(queued.body()).isEqualTo(202);
        long queuedCase = json.readTree(queued.body()).path("id").asLong();
        long decidedCase = decideNow(TestUsers.ZWOLLE_INTAKE);

        for (long id : new long[] {queuedCase, decidedCase}) {
            assertThat(new Http(port)
                            .as(TestUsers.ZWOLLE_REVIEWER)
                            .get("/api/cases/" + id)
                            .statusCode())
                    .isEqualTo(200);
            assertThat(new Http(port)
                            .as(TestUsers.REVIEWER)
                            .get("/api/cases/" + id)
                            .statusCode())
                    .isEqualTo(404);
        }
        assertThat(new Http(port)
                        .as(TestUsers.ZWOLLE_INTAKE)
                        .get("/api/cases/" + decidedCase, MunicipalityFilter.HEADER, Municipality.DEFAULT)
                        .statusCode())
                .as("an e-service cannot name another municipality")
                .isEqualTo(403);
    }

    private int sendWithHeader(Http http, String path, String municipality) {
        return http.post(path, "application/json", "{}", MunicipalityFilter.HEADER, municipality)
                .statusCode();
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

    private long openTask(long caseId, String municipality) {
        try {
            return Municipality.call(
                    municipality,
                    () -> jdbc.queryForObject(
                            "select id from review_tasks where case_id = ? and status = 'OPEN'", Long.class, caseId));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private long queueSize(HttpResponse<String> dashboard) {
        assertThat(dashboard.statusCode()).as(dashboard.body()).isEqualTo(200);
        return json.readTree(dashboard.body()).path("queueSize").asLong();
    }

    /** The dashboard page's queue size. */
    private static long figure(String page) {
        var matcher =
                java.util.regex.Pattern.compile("id=\"queue-size\">(\\d+)<").matcher(page);
        assertThat(matcher.find()).as(page).isTrue();
        return Long.parseLong(matcher.group(1));
    }
}
