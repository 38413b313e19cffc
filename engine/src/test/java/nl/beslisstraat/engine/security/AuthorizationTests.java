package nl.beslisstraat.engine.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import nl.beslisstraat.engine.support.Browserless;
import nl.beslisstraat.engine.support.DatabaseIntegrationTest;
import nl.beslisstraat.engine.support.Http;
import nl.beslisstraat.engine.support.TestUsers;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Every endpoint and every page, tried with every role (the platform administrator's too, who may
 * use the platform's paths only) and with none. An allowed call may still
 * fail on its content (404, 409, 415), but never with 401 or 403; a refused one always does, or,
 * for a page, sends an anonymous visitor to the sign-in page.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AuthorizationTests extends DatabaseIntegrationTest {

    private static final String ANONYMOUS = "(anonymous)";
    private static final List<String> USERS = List.of(
            TestUsers.INTAKE,
            TestUsers.REVIEWER,
            TestUsers.POLICY_OFFICER,
            TestUsers.SCHEDULER,
            TestUsers.AUDITOR,
            TestUsers.MONITORING,
            TestUsers.PLATFORM_ADMIN,
            ANONYMOUS);

    private record Endpoint(String method, String path, Set<String> allowed) {}

    /** The accounts that work for a municipality (Utrecht). */
    private static final Set<String> MUNICIPAL = Set.of(
            TestUsers.INTAKE,
            TestUsers.REVIEWER,
            TestUsers.POLICY_OFFICER,
            TestUsers.SCHEDULER,
            TestUsers.AUDITOR,
            TestUsers.MONITORING);

    private static final Set<String> ALL = Set.of(
            TestUsers.INTAKE,
            TestUsers.REVIEWER,
            TestUsers.POLICY_OFFICER,
            TestUsers.SCHEDULER,
            TestUsers.AUDITOR,
            TestUsers.MONITORING,
            TestUsers.PLATFORM_ADMIN);

    /** Signed in or not: a load balancer asks for the health without an account. */
    private static final Set<String> EVERYONE = java.util.stream.Stream.concat(ALL.stream(), Stream.of(ANONYMOUS))
            .collect(java.util.stream.Collectors.toUnmodifiableSet());

    private static final Set<String> PLATFORM_ADMIN = Set.of(TestUsers.PLATFORM_ADMIN);

    private static final Set<String> SCHEDULER = Set.of(TestUsers.SCHEDULER);

    /** The schedulers' console: schedulers act, auditors read. */
    private static final Set<String> SCHEDULER_AUDITOR = Set.of(TestUsers.SCHEDULER, TestUsers.AUDITOR);

    private static final List<Endpoint> API = List.of(
            new Endpoint("POST", "/api/cases", Set.of(TestUsers.INTAKE)),
            new Endpoint("POST", "/api/cases/decide-now", Set.of(TestUsers.INTAKE)),
            new Endpoint(
                    "GET",
                    "/api/cases/1",
                    Set.of(TestUsers.INTAKE, TestUsers.REVIEWER, TestUsers.AUDITOR, TestUsers.POLICY_OFFICER)),
            new Endpoint("GET", "/api/cases/1/recomputation", Set.of(TestUsers.AUDITOR, TestUsers.POLICY_OFFICER)),
            new Endpoint("POST", "/api/cases/1/objection", Set.of(TestUsers.REVIEWER)),
            new Endpoint("GET", "/api/norms", Set.of(TestUsers.POLICY_OFFICER, TestUsers.AUDITOR, TestUsers.REVIEWER)),
            new Endpoint(
                    "GET",
                    "/api/norms/2026.1",
                    Set.of(TestUsers.POLICY_OFFICER, TestUsers.AUDITOR, TestUsers.REVIEWER)),
            new Endpoint(
                    "GET",
                    "/api/norms/2026.1/csv",
                    Set.of(TestUsers.POLICY_OFFICER, TestUsers.AUDITOR, TestUsers.REVIEWER)),
            new Endpoint("POST", "/api/norms", Set.of()),
            new Endpoint("POST", "/api/norms/candidates", Set.of(TestUsers.POLICY_OFFICER)),
            new Endpoint("GET", "/api/norms/candidates", Set.of(TestUsers.POLICY_OFFICER, TestUsers.AUDITOR)),
            new Endpoint("GET", "/api/norms/candidates/999", Set.of(TestUsers.POLICY_OFFICER, TestUsers.AUDITOR)),
            new Endpoint("GET", "/api/norms/candidates/999/diff", Set.of(TestUsers.POLICY_OFFICER, TestUsers.AUDITOR)),
            new Endpoint("POST", "/api/norms/candidates/999/simulation", Set.of(TestUsers.POLICY_OFFICER)),
            new Endpoint("POST", "/api/norms/candidates/999/approval", Set.of(TestUsers.POLICY_OFFICER)),
            new Endpoint("POST", "/api/norms/candidates/999/withdrawal", Set.of(TestUsers.POLICY_OFFICER)),
            new Endpoint(
                    "GET",
                    "/api/norms/2026.1/diff/2026.1",
                    Set.of(TestUsers.POLICY_OFFICER, TestUsers.AUDITOR, TestUsers.REVIEWER)),
            new Endpoint("GET", "/api/review/tasks", Set.of(TestUsers.REVIEWER, TestUsers.AUDITOR)),
            new Endpoint("POST", "/api/review/tasks/1/claim", Set.of(TestUsers.REVIEWER)),
            new Endpoint("POST", "/api/review/tasks/1/release", Set.of(TestUsers.REVIEWER)),
            new Endpoint("POST", "/api/review/tasks/1/decision", Set.of(TestUsers.REVIEWER)),
            new Endpoint(
                    "GET",
                    "/api/dashboard",
                    Set.of(TestUsers.REVIEWER, TestUsers.SCHEDULER, TestUsers.AUDITOR, TestUsers.POLICY_OFFICER)),
            new Endpoint("POST", "/api/rulesets/PARKING_PERMIT/candidates", Set.of(TestUsers.POLICY_OFFICER)),
            new Endpoint("POST", "/api/rulesets/candidates/999/approval", Set.of(TestUsers.POLICY_OFFICER)),
            new Endpoint(
                    "POST", "/api/rulesets/PARKING_PERMIT/versions/0.0/reactivation", Set.of(TestUsers.POLICY_OFFICER)),
            new Endpoint("POST", "/api/rulesets/candidates/999/withdrawal", Set.of(TestUsers.POLICY_OFFICER)),
            new Endpoint("POST", "/api/rulesets/candidates/999/simulation", Set.of(TestUsers.POLICY_OFFICER)),
            new Endpoint(
                    "GET",
                    "/api/rulesets/PARKING_PERMIT/candidates",
                    Set.of(TestUsers.POLICY_OFFICER, TestUsers.AUDITOR)),
            new Endpoint(
                    "GET",
                    "/api/rulesets/PARKING_PERMIT/table.csv",
                    Set.of(TestUsers.POLICY_OFFICER, TestUsers.AUDITOR)),
            new Endpoint("GET", "/api/audit/verification", Set.of(TestUsers.AUDITOR)),
            new Endpoint("GET", "/api/audit/entries?actor=reviewer&page=0", Set.of(TestUsers.AUDITOR)),
            new Endpoint("GET", "/api/audit/cases/1", Set.of(TestUsers.AUDITOR)),
            new Endpoint("POST", "/api/audit/verification", Set.of()),
            new Endpoint("GET", "/api/runs", SCHEDULER_AUDITOR),
            new Endpoint("GET", "/api/runs?status=FAILED&from=2026-01-01&to=2026-12-31", SCHEDULER_AUDITOR),
            new Endpoint("GET", "/api/runs/1", SCHEDULER_AUDITOR),
            new Endpoint("GET", "/api/runs/schedule", SCHEDULER_AUDITOR),
            new Endpoint("GET", "/api/runs/requests", SCHEDULER_AUDITOR),
            new Endpoint("PUT", "/api/runs/schedule", SCHEDULER),
            new Endpoint("POST", "/api/runs", SCHEDULER),
            new Endpoint("POST", "/api/runs/1/stop", SCHEDULER),
            new Endpoint("POST", "/api/runs/1/restart", SCHEDULER),
            new Endpoint("POST", "/api/runs/1/recover", SCHEDULER),
            new Endpoint("DELETE", "/api/runs/1", Set.of()),
            new Endpoint("GET", "/api/platform/municipalities", PLATFORM_ADMIN),
            new Endpoint("POST", "/api/platform/municipalities", PLATFORM_ADMIN),
            new Endpoint("GET", "/api/platform/municipalities/0344/users", PLATFORM_ADMIN),
            new Endpoint("POST", "/api/platform/municipalities/0344/users", PLATFORM_ADMIN),
            new Endpoint("POST", "/api/platform/municipalities/0344/memberships", PLATFORM_ADMIN),
            new Endpoint("DELETE", "/api/platform/municipalities/0344/memberships/no-such-account", PLATFORM_ADMIN),
            new Endpoint("POST", "/api/platform/accounts/no-such-account/disable", PLATFORM_ADMIN),
            new Endpoint("POST", "/api/platform/accounts/no-such-account/password", PLATFORM_ADMIN),
            new Endpoint("GET", "/api/platform/audit", PLATFORM_ADMIN),
            new Endpoint("GET", "/api/platform/municipalities/0344/api-keys", PLATFORM_ADMIN),
            new Endpoint("POST", "/api/platform/municipalities/0344/api-keys", PLATFORM_ADMIN),
            new Endpoint("DELETE", "/api/platform/municipalities/0344/api-keys/0123456789abcdef", PLATFORM_ADMIN),
            new Endpoint("GET", "/api/platform/sign-in-locks", PLATFORM_ADMIN),
            new Endpoint("DELETE", "/api/platform/sign-in-locks/accounts/nobody", PLATFORM_ADMIN),
            new Endpoint("DELETE", "/api/platform/sign-in-locks/addresses/192.0.2.1", PLATFORM_ADMIN),
            new Endpoint(
                    "GET",
                    "/api/operations/metrics",
                    Set.of(TestUsers.SCHEDULER, TestUsers.MONITORING, TestUsers.PLATFORM_ADMIN)),
            new Endpoint("GET", "/actuator/prometheus", PLATFORM_ADMIN),
            new Endpoint("GET", "/actuator/health", EVERYONE),
            new Endpoint("GET", "/actuator/health/readiness", EVERYONE),
            new Endpoint("GET", "/actuator/info", Set.of()),
            new Endpoint("GET", "/v3/api-docs", ALL),
            new Endpoint("DELETE", "/api/cases/1", Set.of()),
            new Endpoint("GET", "/api/unknown", Set.of()));

    private static final List<Endpoint> PAGES = List.of(
            new Endpoint("GET", "/", ALL),
            new Endpoint("GET", "/review", Set.of(TestUsers.REVIEWER)),
            new Endpoint("GET", "/review/cases/1", Set.of(TestUsers.REVIEWER)),
            new Endpoint("POST", "/review/tasks/1/claim", Set.of(TestUsers.REVIEWER)),
            new Endpoint("POST", "/review/tasks/1/release", Set.of(TestUsers.REVIEWER)),
            new Endpoint("POST", "/review/tasks/1/decision", Set.of(TestUsers.REVIEWER)),
            new Endpoint("POST", "/review/cases/1/objection", Set.of(TestUsers.REVIEWER)),
            new Endpoint(
                    "GET",
                    "/dashboard",
                    Set.of(TestUsers.REVIEWER, TestUsers.SCHEDULER, TestUsers.AUDITOR, TestUsers.POLICY_OFFICER)),
            new Endpoint("GET", "/audit", Set.of(TestUsers.AUDITOR)),
            new Endpoint(
                    "GET", "/audit?case=1&action=CASE_READ&from=2026-01-01&to=2026-12-31", Set.of(TestUsers.AUDITOR)),
            new Endpoint("GET", "/audit/cases/1", Set.of(TestUsers.AUDITOR)),
            new Endpoint("POST", "/audit/verification", Set.of(TestUsers.AUDITOR)),
            new Endpoint("GET", "/audit/queue?dueBy=2026-12-01", Set.of(TestUsers.AUDITOR)),
            new Endpoint("GET", "/rules", Set.of(TestUsers.POLICY_OFFICER)),
            new Endpoint("GET", "/rules/candidates/999", Set.of(TestUsers.POLICY_OFFICER)),
            new Endpoint("POST", "/rules/upload", Set.of(TestUsers.POLICY_OFFICER)),
            new Endpoint("POST", "/rules/candidates/999/approval", Set.of(TestUsers.POLICY_OFFICER)),
            new Endpoint("POST", "/rules/candidates/999/withdrawal", Set.of(TestUsers.POLICY_OFFICER)),
            new Endpoint("POST", "/rules/candidates/999/simulation", Set.of(TestUsers.POLICY_OFFICER)),
            new Endpoint("GET", "/rules/cases/1", Set.of(TestUsers.POLICY_OFFICER)),
            new Endpoint("POST", "/rules/reactivation", Set.of(TestUsers.POLICY_OFFICER)),
            new Endpoint("GET", "/rules/template?caseType=PARKING_PERMIT&format=csv", Set.of(TestUsers.POLICY_OFFICER)),
            new Endpoint("GET", "/norms", Set.of(TestUsers.POLICY_OFFICER)),
            new Endpoint("GET", "/norms?version=2026.1", Set.of(TestUsers.POLICY_OFFICER)),
            new Endpoint("GET", "/norms/versions/2026.1/csv", Set.of(TestUsers.POLICY_OFFICER)),
            new Endpoint("POST", "/norms/upload", Set.of(TestUsers.POLICY_OFFICER)),
            new Endpoint("GET", "/norms/candidates/999", Set.of(TestUsers.POLICY_OFFICER)),
            new Endpoint("POST", "/norms/candidates/999/simulation", Set.of(TestUsers.POLICY_OFFICER)),
            new Endpoint("POST", "/norms/candidates/999/approval", Set.of(TestUsers.POLICY_OFFICER)),
            new Endpoint("POST", "/norms/candidates/999/withdrawal", Set.of(TestUsers.POLICY_OFFICER)),
            new Endpoint("GET", "/swagger-ui.html", ALL),
            new Endpoint("GET", "/runs", SCHEDULER_AUDITOR),
            new Endpoint("GET", "/runs?status=COMPLETED&from=2026-01-01&to=2026-12-31", SCHEDULER_AUDITOR),
            new Endpoint("GET", "/runs/1", SCHEDULER_AUDITOR),
            new Endpoint("GET", "/runs/1/progress", SCHEDULER_AUDITOR),
            new Endpoint("GET", "/runs/schedule", SCHEDULER_AUDITOR),
            new Endpoint("GET", "/runs/start", SCHEDULER),
            new Endpoint("POST", "/runs/schedule", SCHEDULER),
            new Endpoint("POST", "/runs/schedule/pause", SCHEDULER),
            new Endpoint("POST", "/runs/schedule/resume", SCHEDULER),
            new Endpoint("POST", "/runs/start/confirmation", SCHEDULER),
            new Endpoint("POST", "/runs/start", SCHEDULER),
            new Endpoint("POST", "/runs/1/stop", SCHEDULER),
            new Endpoint("POST", "/runs/1/restart", SCHEDULER),
            new Endpoint("POST", "/runs/1/recover", SCHEDULER),
            new Endpoint("GET", "/platform", PLATFORM_ADMIN),
            new Endpoint("POST", "/platform/municipalities", PLATFORM_ADMIN),
            new Endpoint("GET", "/platform/municipalities/0344", PLATFORM_ADMIN),
            new Endpoint("POST", "/platform/municipalities/0344/users", PLATFORM_ADMIN),
            new Endpoint("POST", "/platform/municipalities/0344/memberships", PLATFORM_ADMIN),
            new Endpoint("POST", "/platform/municipalities/0344/memberships/no-such-account/withdraw", PLATFORM_ADMIN),
            new Endpoint("POST", "/platform/municipalities/0344/accounts/no-such-account/disable", PLATFORM_ADMIN),
            new Endpoint("POST", "/platform/municipalities/0344/accounts/no-such-account/password", PLATFORM_ADMIN),
            new Endpoint("GET", "/platform/audit", PLATFORM_ADMIN),
            new Endpoint("POST", "/platform/municipalities/0344/api-keys", PLATFORM_ADMIN),
            new Endpoint("POST", "/platform/municipalities/0344/api-keys/no-such-key/revoke", PLATFORM_ADMIN),
            new Endpoint("GET", "/platform/sign-in-locks", PLATFORM_ADMIN),
            new Endpoint("POST", "/platform/sign-in-locks/unlock", PLATFORM_ADMIN),
            // the switch: to Utrecht, where every account but the platform administrator works
            new Endpoint("POST", "/municipality", MUNICIPAL));

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @TestFactory
    Stream<DynamicTest> everyApiEndpointWithEveryRole() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Endpoint endpoint : API) {
            for (String user : USERS) {
                tests.add(DynamicTest.dynamicTest(endpoint.method() + " " + endpoint.path() + " as " + user, () -> {
                    Http http = user.equals(ANONYMOUS) ? new Http(port) : new Http(port).as(user);
                    int status = http.send(endpoint.method(), endpoint.path()).statusCode();
                    if (endpoint.allowed().contains(user)) {
                        assertThat(status).as("allowed").isNotIn(401, 403);
                    } else {
                        assertThat(status)
                                .as("refused")
                                .isIn(user.equals(ANONYMOUS) ? List.of(401) : List.of(401, 403));
                    }
                }));
            }
        }
        return tests.stream();
    }

    @TestFactory
    Stream<DynamicTest> everyPageWithEveryRole() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Endpoint page : PAGES) {
            for (String user : USERS) {
                tests.add(DynamicTest.dynamicTest(page.method() + " " + page.path() + " as " + user, () -> {
                    Browserless browser =
                            user.equals(ANONYMOUS) ? Browserless.anonymous(port) : Browserless.signedIn(port, user);
                    HttpResponse<String> response = page.method().equals("GET")
                            ? browser.get(page.path())
                            : browser.post(
                                    page.path(), "caseId=1&outcome=GRANTED&motivation=x&reason=x&municipality=0344");
                    String location = response.headers().firstValue("Location").orElse("");
                    if (page.allowed().contains(user)) {
                        assertThat(response.statusCode()).as("allowed").isNotIn(401, 403);
                        assertThat(location).as("not sent to sign in").doesNotContain("/login");
                    } else if (user.equals(ANONYMOUS)) {
                        assertThat(response.statusCode()).isIn(302, 401, 403);
                        if (response.statusCode() == 302) {
                            assertThat(location).contains("/login");
                        }
                    } else {
                        assertThat(response.statusCode()).as("refused").isEqualTo(403);
                    }
                }));
            }
        }
        return tests.stream();
    }

    @Test
    void anAddressNothingAnswersIsNotFoundForTheSignedInAndSignInFirstForOthers() {
        for (String user : USERS) {
            Browserless browser =
                    user.equals(ANONYMOUS) ? Browserless.anonymous(port) : Browserless.signedIn(port, user);
            HttpResponse<String> response = browser.get("/admin");
            if (user.equals(ANONYMOUS)) {
                assertThat(response.statusCode()).as(user).isEqualTo(302);
                assertThat(response.headers().firstValue("Location").orElse("")).contains("/login");
            } else {
                assertThat(response.statusCode()).as(user).isEqualTo(404);
                // (a browser, asking for HTML, gets the page: ReviewerFormsBrowserTests)
                assertThat(response.body()).as(user).doesNotContain("Whitelabel");
            }
        }
    }

    @Test
    void theErrorPathAskedForDirectlyIsNotFoundNotAnError() {
        for (String user : USERS) {
            Browserless browser =
                    user.equals(ANONYMOUS) ? Browserless.anonymous(port) : Browserless.signedIn(port, user);
            for (String path : List.of("/error", "/error?status=500")) {
                HttpResponse<String> response = browser.get(path);
                assertThat(response.statusCode()).as(user + " " + path).isEqualTo(404);
                assertThat(response.body()).as(user + " " + path).doesNotContain("Whitelabel");
            }
        }
        HttpResponse<String> program = new Http(port).as(TestUsers.REVIEWER).send("GET", "/error");
        assertThat(program.statusCode()).isEqualTo(404);
    }

    @Test
    void aControllersPathThatNoRuleNamesIsStillRefused() {
        // POST /municipality is named; a GET of it is not, and stays closed even though it exists
        assertThat(Browserless.signedIn(port, TestUsers.REVIEWER)
                        .get("/municipality")
                        .statusCode())
                .isEqualTo(403);
    }

    @Test
    void aFormWithoutItsCsrfTokenIsRefusedEvenForTheRightRole() {
        Browserless reviewer = Browserless.signedIn(port, TestUsers.REVIEWER);
        assertThat(reviewer.postWithoutToken("/review/tasks/1/claim", "caseId=1")
                        .statusCode())
                .isEqualTo(403);
    }

    @Test
    void theApiTakesNoWrongPassword() {
        assertThat(new Http(port).as("nobody").send("GET", "/api/dashboard").statusCode())
                .isEqualTo(401);
    }

    @Test
    void anAccountIsDisabledNeverDeletedRenamedOrGivenToAnotherPerson() {
        String leaving = "auditor.vertrekt";
        accounts.save(leaving, "400099", "Lia Leaving", TestUsers.password(leaving), Set.of(Role.AUDITOR), "test");
        assertThat(new Http(port).as(leaving).send("GET", "/api/dashboard").statusCode())
                .isEqualTo(200);

        assertThatThrownBy(() -> jdbc.update("delete from users where username = ?", leaving))
                .isInstanceOf(DataAccessException.class)
                .hasMessageContaining("never deleted");
        assertThatThrownBy(() -> jdbc.update("truncate users")).isInstanceOf(DataAccessException.class);
        assertThatThrownBy(() -> jdbc.update("update users set username = 'renamed' where username = ?", leaving))
                .isInstanceOf(DataAccessException.class)
                .hasMessageContaining("keeps its name and its person");
        assertThatThrownBy(() -> jdbc.update("update users set person_id = '400100' where username = ?", leaving))
                .isInstanceOf(DataAccessException.class);
        assertThatThrownBy(() -> accounts.save(
                        leaving, "400100", "Lia Leaving", TestUsers.password(leaving), Set.of(Role.AUDITOR), "test"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(
                        () -> jdbc.update("insert into users (username, person_id, display_name, password_hash, roles)"
                                + " values ('nobody-in-particular', ' ', 'x', 'x', '{}')"))
                .as("every account belongs to a person")
                .isInstanceOf(DataAccessException.class);

        accounts.disable(leaving, "test");
        assertThat(jdbc.queryForObject(
                        "select person_id || '/' || enabled from users where username = ?", String.class, leaving))
                .isEqualTo("400099/false");
        assertThat(new Http(port).as(leaving).send("GET", "/api/dashboard").statusCode())
                .as("a disabled account does not sign in to the API")
                .isEqualTo(401);
        assertThatThrownBy(() -> Browserless.signedIn(port, leaving))
                .as("nor to the pages")
                .hasMessageContaining("Sign-in as " + leaving + " failed");
        assertThat(jdbc.queryForList(
                        "select action from audit_log where subject_type = 'user' and subject_id = ? order by id",
                        String.class,
                        leaving))
                .containsExactly("USER_SAVED", "USER_DISABLED");
    }
}
