package nl.beslisstraat.engine.workbench;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import nl.beslisstraat.engine.support.Browserless;
import nl.beslisstraat.engine.support.DatabaseIntegrationTest;
import nl.beslisstraat.engine.support.Http;
import nl.beslisstraat.engine.support.TestUsers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Text people write is kept exactly as written or refused naming the field (on a page, in the page's
 * language), never half-stored nor silently changed: a NUL character, half of a surrogate pair, a motivation of megabytes, a name
 * that shows nothing. And a request Spring cannot hand to a controller names its field too.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class WrittenTextIntegrationTests extends DatabaseIntegrationTest {

    private final JsonMapper json = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aReviewersTextThatCannotBeKeptAsWrittenIsRefusedNamingIt() {
        long caseId = caseSentToReview();
        long taskId = jdbc.queryForObject("select id from review_tasks where case_id = ?", Long.class, caseId);
        Http reviewer = new Http(port).as(TestUsers.REVIEWER);
        String decision = "/api/review/tasks/" + taskId + "/decision";

        for (String motivation : new String[] {
            "abcdefghijkl\\u0000mnop", "abcdefghijkl\\ud800mnop", "abcdefghijkl\\udc00mnop", "A".repeat(20_001)
        }) {
            HttpResponse<String> refused = reviewer.post(
                    decision, "application/json", "{\"outcome\": \"GRANTED\", \"motivation\": \"" + motivation + "\"}");
            assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
            assertThat(json.readTree(refused.body()).path("detail").asString()).startsWith("Motivering: ");
        }
        // nor does a motivation that shows the citizen nothing pass for one
        for (String invisible : new String[] {"\\u00a0".repeat(12), "\\u202e" + "\\u200b".repeat(11)}) {
            HttpResponse<String> refused = reviewer.post(
                    decision, "application/json", "{\"outcome\": \"GRANTED\", \"motivation\": \"" + invisible + "\"}");
            assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
            assertThat(json.readTree(refused.body()).path("detail").asString()).startsWith("Schrijf een motivering");
        }
        // nor one whose words a direction override or a zero-width space reorders or hides
        for (String hidden : new String[] {
            "Aanvraag voldoet: \\u202etneew 8", "Aanvraag voldoet\\u200b aan de regels", "Aanvraag\\u2066 voldoet"
        }) {
            HttpResponse<String> refused = reviewer.post(
                    decision, "application/json", "{\"outcome\": \"GRANTED\", \"motivation\": \"" + hidden + "\"}");
            assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
            assertThat(json.readTree(refused.body()).path("detail").asString())
                    .startsWith("Motivering: bevat een onzichtbaar teken");
        }
        HttpResponse<String> objection = reviewer.post(
                "/api/cases/" + caseId + "/objection",
                "application/json",
                "{\"reason\": \"" + "B".repeat(20_001) + "\"}");
        assertThat(objection.statusCode()).isEqualTo(400);
        assertThat(json.readTree(objection.body()).path("detail").asString()).startsWith("Bezwaar: hoogstens 20000");
        assertThat(jdbc.queryForObject("select status from review_tasks where id = ?", String.class, taskId))
                .as("nothing changed")
                .isEqualTo("OPEN");
        assertThat(jdbc.queryForObject("select count(*) from decisions where case_id = ?", Long.class, caseId))
                .isEqualTo(1);

        // a request Spring cannot read names its field too
        assertField(reviewer.post(decision, "application/json", "{\"outcome\": \"BOGUS\"}"), "outcome");
        // the body ends where the outcome's value should be: reading stopped at the outcome
        assertField(reviewer.post(decision, "application/json", "{\"outcome\": "), "outcome");
        assertField(reviewer.post(decision, "application/json", "null"), "body");
        assertField(new Http(port).as(TestUsers.PLATFORM_ADMIN).get("/api/platform/audit?before=abc"), "before");
        assertField(
                new Http(port).as(TestUsers.PLATFORM_ADMIN).get("/api/platform/audit?limit=99999999999999999999"),
                "limit");
        // a date as a number is no count of days since 1970
        assertField(
                new Http(port).as(TestUsers.SCHEDULER).post("/api/runs", "application/json", "{\"runDate\": 123}"),
                "runDate");
        // nor is a year with a sign or more than four digits, which the database cannot keep as written
        long requests = jdbc.queryForObject("select count(*) from run_requests", Long.class);
        for (String year : List.of("-999999-01-01", "+12345-01-01", "0000-01-01")) {
            assertField(
                    new Http(port)
                            .as(TestUsers.SCHEDULER)
                            .post("/api/runs", "application/json", "{\"runDate\": \"" + year + "\"}"),
                    "runDate");
        }
        // a name given twice could be read as either value: refused, naming it
        assertField(
                new Http(port)
                        .as(TestUsers.SCHEDULER)
                        .post(
                                "/api/runs",
                                "application/json",
                                "{\"runDate\": \"2026-12-01\", \"runDate\": \"2026-12-02\"}"),
                "runDate");
        assertThat(jdbc.queryForObject("select count(*) from run_requests", Long.class))
                .isEqualTo(requests);
        assertField(new Http(port).as(TestUsers.AUDITOR).get("/api/audit/entries?from=-999999-01-01"), "from");
        assertField(new Http(port).as(TestUsers.AUDITOR).get("/api/audit/entries?to=%2B99999-01-01"), "to");
        assertField(
                new Http(port)
                        .as(TestUsers.SECOND_POLICY_OFFICER)
                        .post("/api/rulesets/candidates/1/approval?effectiveFrom=%2B999999999-12-31", "text/plain", ""),
                "effectiveFrom");
    }

    @Test
    void aReviewersTextRefusedOnThePagesIsSaidInThePagesLanguage() {
        String casePage = "/review/cases/" + caseSentToReview();
        Browserless reviewer = Browserless.signedIn(port, TestUsers.REVIEWER);

        assertThat(reviewer.get(casePage + "?lang=en").statusCode()).isEqualTo(200);
        assertThat(reviewer.post(casePage + "/objection", "reason=kort").statusCode())
                .isEqualTo(302);
        assertThat(reviewer.get(casePage).body())
                .contains("Describe the objection in at least 10 characters.")
                .doesNotContain("Beschrijf het bezwaar");

        assertThat(reviewer.get(casePage + "?lang=nl").statusCode()).isEqualTo(200);
        reviewer.post(casePage + "/objection", "reason=kort");
        assertThat(reviewer.get(casePage).body()).contains("Beschrijf het bezwaar in ten minste 10 tekens.");
    }

    @Test
    void aNameThatShowsNothingOrCannotBeKeptIsRefusedNamingIt() {
        Http admin = new Http(port).as(TestUsers.PLATFORM_ADMIN);
        for (String name : new String[] {"\\u202e\\u200b\\u200b", "Ams\\ud800terdam", "Ams\\u0000terdam"}) {
            assertField(
                    admin.post(
                            "/api/platform/municipalities",
                            "application/json",
                            "{\"cbsCode\": \"0365\", \"name\": \"" + name + "\"}"),
                    "name");
        }
        for (String displayName : new String[] {"a\\u0000b", "a\\udc00b", "\\u200b", "Roos\\u202eeD"}) {
            assertField(
                    admin.post(
                            "/api/platform/municipalities/" + TestUsers.ZWOLLE + "/users",
                            "application/json",
                            "{\"username\": \"odd-name\", \"personId\": \"ON-1\", \"displayName\": \"" + displayName
                                    + "\", \"roles\": [\"REVIEWER\"], \"password\": \"given-odd-name-1\"}"),
                    "displayName");
        }
        assertThat(jdbc.queryForObject("select count(*) from municipalities where cbs_code = '0365'", Long.class))
                .isZero();
        assertThat(jdbc.queryForObject("select count(*) from users where username = 'odd-name'", Long.class))
                .isZero();
    }

    @Test
    void anUnknownCaseTypeOrDraftOnThePolicyOfficersPagesIsNotFound() {
        Browserless officer = Browserless.signedIn(port, TestUsers.POLICY_OFFICER);
        assertThat(officer.get("/rules?caseType=BOGUS").statusCode()).isEqualTo(404);
        assertThat(officer.post("/rules/candidates/99999/simulation", "").statusCode())
                .isEqualTo(404);
        assertThat(officer.post("/norms/candidates/99999/simulation", "asOf=2026-06-01")
                        .statusCode())
                .isEqualTo(404);
    }

    private void assertField(HttpResponse<String> response, String field) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        JsonNode body = json.readTree(response.body());
        JsonNode named = body.path("errors").path(0).path("field");
        assertThat(named.isMissingNode() ? body.path("field").asString() : named.asString())
                .as(response.body())
                .isEqualTo(field);
    }

    /** A case the engine could not decide (its vehicle length is missing), so a reviewer's. */
    private long caseSentToReview() {
        HttpResponse<String> decided = new Http(port)
                .as(TestUsers.INTAKE)
                .post(
                        "/api/cases/decide-now",
                        "application/json",
                        Http.resource("intake/parking-permit-length-missing.json"));
        assertThat(decided.statusCode()).as(decided.body()).isEqualTo(201);
        return json.readTree(decided.body()).path("id").asLong();
    }
}
