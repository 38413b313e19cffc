package nl.beslisstraat.engine.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import nl.beslisstraat.engine.support.Browserless;
import nl.beslisstraat.engine.support.DatabaseIntegrationTest;
import nl.beslisstraat.engine.support.Http;
import nl.beslisstraat.engine.support.TestUsers;
import nl.beslisstraat.engine.tenancy.Municipality;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The auditor's view: every read of a case by a person is in the audit trail, which the auditor
 * searches by case, person, action and period, over the API and on the page, beside the chains'
 * verification.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AuditTrailIntegrationTests extends DatabaseIntegrationTest {

    private final JsonMapper json = JsonMapper.builder().build();

    @Autowired
    ChainVerifications verifications;

    @Autowired
    AuditLog audit;

    @LocalServerPort
    int port;

    @Test
    void theAuditorFindsARunsDecisionsAndWhatWasDoneWithTheRun() {
        // given: two decisions of run 77 (as the nightly run records them), one of run 78, and a
        // scheduler's stop of run 77
        audit.appendAll(List.of(
                new AuditEntry("engine", "CASE_DECIDED", "case", "9101", "{\"outcome\":\"GRANTED\",\"runId\":77}"),
                new AuditEntry("engine", "CASE_DECIDED", "case", "9102", "{\"outcome\":\"REJECTED\",\"runId\":77}"),
                new AuditEntry("engine", "CASE_DECIDED", "case", "9103", "{\"outcome\":\"GRANTED\",\"runId\":78}"),
                new AuditEntry("planner", "RUN_STOP", "run", "77", "{\"outcome\":\"STOPPING\"}")));

        // when
        JsonNode found = search("/api/audit/entries?run=77");

        // then
        List<String> subjects = new java.util.ArrayList<>();
        found.path("entries")
                .forEach(entry -> subjects.add(entry.path("subjectId").asString()));
        assertThat(subjects).containsExactlyInAnyOrder("9101", "9102", "77");
    }

    @Test
    void aReviewersReadOfACaseIsFoundByTheAuditorByCasePersonAndAction() {
        // given
        long caseId = decideNow();

        // when
        assertThat(Browserless.signedIn(port, TestUsers.REVIEWER)
                        .get("/review/cases/" + caseId)
                        .statusCode())
                .isEqualTo(200);
        assertThat(new Http(port)
                        .as(TestUsers.REVIEWER)
                        .get("/api/cases/" + caseId)
                        .statusCode())
                .isEqualTo(200);

        // then
        JsonNode found = search("/api/audit/entries?case=" + caseId + "&actor=" + TestUsers.REVIEWER
                + "&action=CASE_READ&from=2020-01-01&to=2099-12-31");
        assertThat(found.path("entries")).hasSize(2);
        assertThat(found.path("entries").get(0).path("details").asString()).contains("/api/cases/" + caseId);
        assertThat(found.path("entries").get(1).path("details").asString()).contains("/review/cases/" + caseId);
        assertThat(search("/api/audit/entries?case=" + caseId + "&action=CASE_DECIDED")
                        .path("entries"))
                .hasSize(1);
        assertThat(search("/api/audit/entries?case=" + caseId + "&from=2099-01-01")
                        .path("entries"))
                .isEmpty();
    }

    @Test
    void anAutomatedDecisionIsItsOwnChainedAuditEntryHoldingOutcomeReasonsAndVersions() {
        long caseId = decideNow();

        JsonNode entries = search("/api/audit/entries?case=" + caseId + "&action=CASE_DECIDED")
                .path("entries");

        assertThat(entries).hasSize(1);
        JsonNode entry = entries.get(0);
        assertThat(entry.path("actor").asString()).isEqualTo("engine");
        assertThat(entry.path("subjectId").asString()).isEqualTo(Long.toString(caseId));
        assertThat(entry.path("chain").asString()).isEqualTo("decisions");
        JsonNode details = json.readTree(entry.path("details").asString());
        // a second resident permit at the address goes to the waiting list (DOMAIN.md, parking permit)
        assertThat(details.path("outcome").asString()).isEqualTo("NEEDS_REVIEW");
        assertThat(details.path("reasons").toString()).isEqualTo("[\"WAITING_LIST\"]");
        assertThat(details.path("ruleSetVersion").asString()).startsWith("PARKING_PERMIT/");
        assertThat(details.path("ruleSetHash").asString()).hasSize(64);
        assertThat(details.has("runId")).as("decided at once, not by a run").isFalse();
    }

    @Test
    void aCaseOfNoneIsNotFoundAndNotLoggedAsRead() {
        assertThat(Browserless.signedIn(port, TestUsers.AUDITOR)
                        .get("/audit/cases/987654321")
                        .statusCode())
                .isEqualTo(404);
        assertThat(search("/api/audit/entries?case=987654321").path("entries")).isEmpty();
    }

    @Test
    void theAuditorsOwnReadOfTheCasePageIsLoggedToo() {
        long caseId = decideNow();

        HttpResponse<String> page =
                Browserless.signedIn(port, TestUsers.AUDITOR).get("/audit/cases/" + caseId);

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("CASE_DECIDED").doesNotContain("<form id=\"objection\"");
        assertThat(search("/api/audit/entries?case=" + caseId + "&actor=" + TestUsers.AUDITOR)
                        .path("entries"))
                .hasSize(1);
    }

    @Test
    void searchParametersAreDataNotSql() {
        decideNow();
        JsonNode found = search("/api/audit/entries?actor=x'%20or%20'1'='1&action=x%22)%20or%20(1=1");

        assertThat(found.path("entries")).isEmpty();
        assertThat(search("/api/audit/entries?action=CASE_DECIDED").path("entries"))
                .isNotEmpty();
    }

    @Test
    void theSearchPageShowsEntriesInDutchAndTheChainsVerification() {
        long caseId = decideNow();
        assertThat(new Http(port)
                        .as(TestUsers.AUDITOR)
                        .get("/api/audit/verification")
                        .statusCode())
                .isEqualTo(200);

        HttpResponse<String> page =
                Browserless.signedIn(port, TestUsers.AUDITOR).get("/audit?case=" + caseId);

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Audittrail", "Hashketen", "CASE_DECIDED", "/audit/cases/" + caseId);
        // the verification asked for over REST is the one the page shows
        assertThat(page.body()).contains("(gecontroleerd ").doesNotContain("nog niet gecontroleerd");
        assertThat(Browserless.signedIn(port, TestUsers.AUDITOR)
                        .get("/audit?lang=en")
                        .body())
                .contains("Audit trail", "Hash chain");
    }

    @Test
    void theVerificationOverRestSaysIntactWithTheHeads() {
        decideNow();

        JsonNode verification = search("/api/audit/verification");

        assertThat(verification.path("municipality").asString()).isEqualTo("0344");
        assertThat(verification.path("heads")).hasSize(2);
        assertThat(verification.path("intact").isBoolean())
                .as(verification.toString())
                .isTrue();
        assertThat(verification.path("intact").asBoolean())
                .isEqualTo(verification.path("breaks").isEmpty());
    }

    @Test
    void theDashboardShowsTheLastDailyVerification() {
        decideNow();
        verifications.verifyAll(Municipality.DEFAULT, List.of());

        HttpResponse<String> dashboard =
                Browserless.signedIn(port, TestUsers.AUDITOR).get("/dashboard");

        assertThat(dashboard.statusCode()).isEqualTo(200);
        // intact or not depends on what other tests planted in this municipality: the result is shown
        assertThat(dashboard.body()).contains("Hashketen", "(gecontroleerd ").doesNotContain("nog niet gecontroleerd");
    }

    private JsonNode search(String path) {
        HttpResponse<String> response = new Http(port).as(TestUsers.AUDITOR).get(path);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json.readTree(response.body());
    }

    private long decideNow() {
        HttpResponse<String> decided = new Http(port)
                .as(TestUsers.INTAKE)
                .post(
                        "/api/cases/decide-now",
                        "application/json",
                        Http.resource("review/parking-permit-waiting-list.json"));
        assertThat(decided.statusCode()).as(decided.body()).isEqualTo(201);
        return json.readTree(decided.body()).path("id").asLong();
    }
}
