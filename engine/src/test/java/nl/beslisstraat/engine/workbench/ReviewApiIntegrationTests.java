package nl.beslisstraat.engine.workbench;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import nl.beslisstraat.engine.support.DatabaseIntegrationTest;
import nl.beslisstraat.engine.support.Http;
import nl.beslisstraat.engine.support.TestUsers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The reviewer's work over REST: claim (one reviewer at a time), decide with a required
 * motivation beside the engine's advice, the case leaves the queue, and an objection reopens it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ReviewApiIntegrationTests extends DatabaseIntegrationTest {

    private final JsonMapper json = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    nl.beslisstraat.engine.security.UserAccounts accounts;

    private Http eservice;
    private Http reviewer;
    private Http secondReviewer;

    @BeforeEach
    void users() {
        eservice = new Http(port).as(TestUsers.INTAKE);
        reviewer = new Http(port).as(TestUsers.REVIEWER);
        secondReviewer = new Http(port).as(TestUsers.SECOND_REVIEWER);
    }

    @Test
    void aReviewerClaimsDecidesWithAMotivationAndTheCaseLeavesTheQueue() {
        long caseId = escalatedCase();
        long taskId = taskOf(caseId);

        assertThat(reviewer.post("/api/review/tasks/" + taskId + "/claim", "application/json", "")
                        .statusCode())
                .isEqualTo(204);
        HttpResponse<String> taken =
                secondReviewer.post("/api/review/tasks/" + taskId + "/claim", "application/json", "");
        assertThat(taken.statusCode()).isEqualTo(409);
        assertThat(json.readTree(taken.body()).path("detail").asString()).contains("al opgepakt door reviewer");
        assertThat(secondReviewer
                        .post(
                                "/api/review/tasks/" + taskId + "/decision",
                                "application/json",
                                "{\"outcome\": \"GRANTED\", \"motivation\": \"Ik neem deze zaak over.\"}")
                        .statusCode())
                .as("only the holder decides")
                .isEqualTo(409);

        HttpResponse<String> withoutMotivation = reviewer.post(
                "/api/review/tasks/" + taskId + "/decision",
                "application/json",
                "{\"outcome\": \"GRANTED\", \"motivation\": \" \"}");
        assertThat(withoutMotivation.statusCode()).isEqualTo(400);
        assertThat(reviewer.post(
                                "/api/review/tasks/" + taskId + "/decision",
                                "application/json",
                                "{\"outcome\": \"PARTIALLY_GRANTED\", \"motivation\": \"Gedeeltelijk past niet bij een vergunning.\"}")
                        .statusCode())
                .as("a partial grant exists only for remission")
                .isEqualTo(400);

        HttpResponse<String> decided = reviewer.post(
                "/api/review/tasks/" + taskId + "/decision",
                "application/json",
                "{\"outcome\": \"GRANTED\", \"motivation\": \"Plek op de wachtlijst vrijgekomen; vergunning verleend.\"}");

        assertThat(decided.statusCode()).as(decided.body()).isEqualTo(204);
        JsonNode caseFile = json.readTree(reviewer.get("/api/cases/" + caseId).body());
        assertThat(caseFile.path("status").asString()).isEqualTo("DECIDED");
        assertThat(decisionField(caseFile, "outcome")).containsExactly("NEEDS_REVIEW", "GRANTED");
        JsonNode human = caseFile.path("decisions").path(1);
        assertThat(human.path("automated").asBoolean()).isFalse();
        assertThat(human.path("decidedBy").asString()).isEqualTo(TestUsers.REVIEWER);
        assertThat(human.path("reasons").path(0).path("motivation").asString()).contains("wachtlijst vrijgekomen");
        assertThat(openTaskIds()).doesNotContain(taskId);
        assertThat(jdbc.queryForObject(
                        "select actor from audit_log where action = 'CASE_DECIDED_BY_REVIEWER' and subject_id = ?",
                        String.class,
                        Long.toString(caseId)))
                .isEqualTo(TestUsers.REVIEWER);
    }

    @Test
    void anObjectionReopensAnAutomatedDecisionAndBothDecisionsStayVisible() {
        HttpResponse<String> granted = eservice.post(
                "/api/cases/decide-now", "application/json", Http.resource("intake/parking-permit-zone-a.json"));
        long caseId = json.readTree(granted.body()).path("id").asLong();

        HttpResponse<String> objection = reviewer.post(
                "/api/cases/" + caseId + "/objection",
                "application/json",
                "{\"reason\": \"Aanvrager betwist de hoogte van de leges.\"}");
        assertThat(objection.statusCode()).as(objection.body()).isEqualTo(201);
        long taskId = json.readTree(objection.body()).path("taskId").asLong();
        assertThat(reviewer.post(
                                "/api/cases/" + caseId + "/objection",
                                "application/json",
                                "{\"reason\": \"Nog een keer bezwaar.\"}")
                        .statusCode())
                .as("a case under objection cannot be objected to again")
                .isEqualTo(409);

        reviewer.post("/api/review/tasks/" + taskId + "/claim", "application/json", "");
        reviewer.post(
                "/api/review/tasks/" + taskId + "/decision",
                "application/json",
                "{\"outcome\": \"GRANTED\", \"motivation\": \"Bezwaar ongegrond: de leges volgen de verordening.\"}");

        JsonNode caseFile = json.readTree(reviewer.get("/api/cases/" + caseId).body());
        assertThat(decisionField(caseFile, "outcome")).containsExactly("GRANTED", "GRANTED");
        assertThat(decisionField(caseFile, "decidedBy")).containsExactly("engine", TestUsers.REVIEWER);
        assertThat(caseFile.path("status").asString()).isEqualTo("DECIDED");
    }

    @Test
    void theReviewerWhoTookTheContestedDecisionDoesNotHearTheObjection() {
        long caseId = escalatedCase();
        long taskId = taskOf(caseId);
        reviewer.post("/api/review/tasks/" + taskId + "/claim", "application/json", "");
        assertThat(reviewer.post(
                                "/api/review/tasks/" + taskId + "/decision",
                                "application/json",
                                "{\"outcome\": \"REJECTED\", \"motivation\": \"Geen plaats op de wachtlijst.\"}")
                        .statusCode())
                .isEqualTo(204);
        long objectionTask = json.readTree(reviewer.post(
                                "/api/cases/" + caseId + "/objection",
                                "application/json",
                                "{\"reason\": \"Aanvrager wil op de wachtlijst.\"}")
                        .body())
                .path("taskId")
                .asLong();

        HttpResponse<String> ownDecision =
                reviewer.post("/api/review/tasks/" + objectionTask + "/claim", "application/json", "");
        assertThat(ownDecision.statusCode()).isEqualTo(409);
        assertThat(json.readTree(ownDecision.body()).path("detail").asString()).contains("Awb 7:5");
        // nor does a second account of the same person (the employee number of the first)
        accounts.save(
                "reviewer.tweede",
                "200001",
                "Rita Reviewer (tweede account)",
                TestUsers.password("reviewer.tweede"),
                java.util.Set.of(nl.beslisstraat.engine.security.Role.REVIEWER),
                "test");
        assertThat(new Http(port)
                        .as("reviewer.tweede")
                        .post("/api/review/tasks/" + objectionTask + "/claim", "application/json", "")
                        .statusCode())
                .isEqualTo(409);
        assertThat(secondReviewer
                        .post("/api/review/tasks/" + objectionTask + "/claim", "application/json", "")
                        .statusCode())
                .isEqualTo(204);
    }

    @Test
    void aClaimLapsesAfterADaySoAColleagueCanTakeTheTaskOver() {
        long caseId = escalatedCase();
        long taskId = taskOf(caseId);
        reviewer.post("/api/review/tasks/" + taskId + "/claim", "application/json", "");
        assertThat(secondReviewer
                        .post("/api/review/tasks/" + taskId + "/claim", "application/json", "")
                        .statusCode())
                .as("held today")
                .isEqualTo(409);

        jdbc.update("update review_tasks set claimed_at = now() - interval '25 hours' where id = ?", taskId);

        assertThat(secondReviewer
                        .post("/api/review/tasks/" + taskId + "/claim", "application/json", "")
                        .statusCode())
                .isEqualTo(204);
        assertThat(reviewer.post(
                                "/api/review/tasks/" + taskId + "/decision",
                                "application/json",
                                "{\"outcome\": \"REJECTED\", \"motivation\": \"Te laat, de taak is overgenomen.\"}")
                        .statusCode())
                .as("the former holder no longer decides")
                .isEqualTo(409);
        assertThat(jdbc.queryForObject(
                        "select details->>'lapsedClaimOf' from audit_log where action = 'TASK_CLAIMED'"
                                + " and subject_id = ? and actor = ?",
                        String.class,
                        Long.toString(taskId),
                        TestUsers.SECOND_REVIEWER))
                .isEqualTo(TestUsers.REVIEWER);
    }

    @Test
    void aPartialRemissionByAReviewerStatesTheAmountRemitted() {
        HttpResponse<String> response = eservice.post(
                "/api/cases/decide-now", "application/json", Http.resource("review/tax-remission-cost-sharer.json"));
        JsonNode caseFile = json.readTree(response.body());
        assertThat(caseFile.path("status").asString()).as(response.body()).isEqualTo("IN_REVIEW");
        long caseId = caseFile.path("id").asLong();
        long taskId = taskOf(caseId);
        reviewer.post("/api/review/tasks/" + taskId + "/claim", "application/json", "");
        String decision = "/api/review/tasks/" + taskId + "/decision";

        HttpResponse<String> noAmount = reviewer.post(
                decision,
                "application/json",
                "{\"outcome\": \"PARTIALLY_GRANTED\", \"motivation\": \"Medebewoner draagt bij in de kosten.\"}");
        assertThat(noAmount.statusCode()).isEqualTo(400);
        assertThat(noAmount.body()).contains("remitted");
        assertThat(reviewer.post(
                                decision,
                                "application/json",
                                "{\"outcome\": \"PARTIALLY_GRANTED\", \"motivation\": \"Medebewoner draagt bij.\","
                                        + " \"amounts\": {\"fee\": 10}}")
                        .statusCode())
                .as("an amount the regulation does not know")
                .isEqualTo(400);
        assertThat(reviewer.post(
                                decision,
                                "application/json",
                                "{\"outcome\": \"PARTIALLY_GRANTED\", \"motivation\": \"Medebewoner draagt bij.\","
                                        + " \"amounts\": {\"remitted\": 175}}")
                        .statusCode())
                .isEqualTo(204);

        JsonNode decided = json.readTree(reviewer.get("/api/cases/" + caseId).body());
        JsonNode byReviewer = decided.path("decisions").path(1);
        assertThat(byReviewer.path("outcome").asString()).isEqualTo("PARTIALLY_GRANTED");
        assertThat(byReviewer.path("amounts").path("remitted").asString()).isEqualTo("175.00");
    }

    @Test
    void theQueueIsSortedByDeadlineAndFilters() {
        escalatedCase();
        JsonNode page =
                json.readTree(reviewer.get("/api/review/tasks?caseType=PARKING_PERMIT&reason=WAITING_LIST&size=50")
                        .body());
        assertThat(page.path("items").findValuesAsString("caseType"))
                .isNotEmpty()
                .containsOnly("PARKING_PERMIT");
        assertThat(page.path("items").findValuesAsString("deadline")).isSorted();
        JsonNode none = json.readTree(reviewer.get("/api/review/tasks?caseType=CITY_PASS&reason=WAITING_LIST")
                .body());
        assertThat(none.path("total").asLong()).isZero();
        JsonNode dashboard = json.readTree(reviewer.get("/api/dashboard").body());
        assertThat(dashboard.path("queueSize").asLong()).isPositive();
    }

    /** One field of each decision of the case, oldest first (not of the reasons inside them). */
    private static java.util.List<String> decisionField(JsonNode caseFile, String field) {
        java.util.List<String> values = new java.util.ArrayList<>();
        caseFile.path("decisions")
                .forEach(decision -> values.add(decision.path(field).asString()));
        return values;
    }

    @Test
    void theApiIsDescribedAsOpenApiForSignedInUsers() {
        HttpResponse<String> description = reviewer.get("/v3/api-docs");
        assertThat(description.statusCode()).isEqualTo(200);
        JsonNode paths = json.readTree(description.body()).path("paths");
        assertThat(paths.has("/api/review/tasks")).isTrue();
        assertThat(paths.has("/api/review/tasks/{taskId}/decision")).isTrue();
        assertThat(paths.has("/api/cases/decide-now")).isTrue();
        assertThat(json.readTree(description.body()).path("info").path("title").asString())
                .isEqualTo("Beslisstraat API");
    }

    private long escalatedCase() {
        HttpResponse<String> response = eservice.post(
                "/api/cases/decide-now", "application/json", Http.resource("review/parking-permit-waiting-list.json"));
        JsonNode caseFile = json.readTree(response.body());
        assertThat(caseFile.path("status").asString()).isEqualTo("IN_REVIEW");
        return caseFile.path("id").asLong();
    }

    private long taskOf(long caseId) {
        return jdbc.queryForObject(
                "select id from review_tasks where case_id = ? and status = 'OPEN'", Long.class, caseId);
    }

    private java.util.List<Long> openTaskIds() {
        return jdbc.queryForList("select id from review_tasks where status = 'OPEN'", Long.class);
    }
}
