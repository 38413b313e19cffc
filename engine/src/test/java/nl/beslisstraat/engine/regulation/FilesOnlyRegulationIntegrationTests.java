package nl.beslisstraat.engine.regulation;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import nl.beslisstraat.engine.support.DatabaseIntegrationTest;
import nl.beslisstraat.engine.support.Http;
import nl.beslisstraat.engine.support.TestUsers;
import nl.beslisstraat.engine.workbench.ReviewWork;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 10, item 7: a regulation is files only. Remission of dog tax ({@code DOG_TAX_REMISSION})
 * exists only as files in this module's test resources ({@code nl/beslisstraat/rules/dogtaxremission/}:
 * descriptor, declared application, schema, table, example cases), yet the intake API takes and
 * decides it, a reviewer records the partial grant its {@code regulation.json} allows, its amount
 * has the label its {@code regulation.json} gives, and an officer's upload of a new version of its
 * table runs its example cases. The nightly run of it is proved in batch-jobs
 * ({@code FilesOnlyRegulationFunctionalTests}), with these same test resources.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class FilesOnlyRegulationIntegrationTests extends DatabaseIntegrationTest {

    private static final String CASE_TYPE = "DOG_TAX_REMISSION";

    private final JsonMapper json = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ReviewWork work;

    private Http eservice;
    private Http reviewer;
    private Http officer;

    @BeforeEach
    void users() {
        eservice = new Http(port).as(TestUsers.INTAKE);
        reviewer = new Http(port).as(TestUsers.REVIEWER);
        officer = new Http(port).as(TestUsers.POLICY_OFFICER);
    }

    @Test
    void theIntakeApiQueuesAndDecidesARegulationAddedAsFiles() {
        HttpResponse<String> decided = eservice.post(
                "/api/cases/decide-now",
                "application/json",
                Http.resource("regulation/dog-tax-remission-one-dog.json"));
        assertThat(decided.statusCode()).as(decided.body()).isEqualTo(201);
        JsonNode caseFile = json.readTree(decided.body());
        assertThat(caseFile.path("status").asString()).isEqualTo("DECIDED");
        JsonNode decision = caseFile.path("decisions").path(0);
        assertThat(decision.path("outcome").asString()).isEqualTo("GRANTED");
        assertThat(decision.path("ruleSetVersion").asString()).isEqualTo(CASE_TYPE + "/2026.1");
        assertThat(decision.path("amounts").path("remittedDogTax").asString()).isEqualTo("120.00");

        HttpResponse<String> queued = eservice.post(
                "/api/cases", "application/json", Http.resource("regulation/dog-tax-remission-three-dogs.json"));
        assertThat(queued.statusCode()).as(queued.body()).isEqualTo(202);
        long queuedId = json.readTree(queued.body()).path("id").asLong();
        assertThat(jdbc.queryForObject("select status from cases where id = ?", String.class, queuedId))
                .isEqualTo("QUEUED");
    }

    @Test
    void aReviewerRecordsThePartialGrantTheRegulationAllowsWithItsLabelledAmount() {
        HttpResponse<String> escalated = eservice.post(
                "/api/cases/decide-now",
                "application/json",
                Http.resource("regulation/dog-tax-remission-three-dogs.json"));
        JsonNode caseFile = json.readTree(escalated.body());
        assertThat(caseFile.path("status").asString()).isEqualTo("IN_REVIEW");
        long caseId = caseFile.path("id").asLong();
        long taskId = jdbc.queryForObject(
                "select id from review_tasks where case_id = ? and status = 'OPEN'", Long.class, caseId);
        assertThat(reviewer.post("/api/review/tasks/" + taskId + "/claim", "application/json", "")
                        .statusCode())
                .isEqualTo(204);

        HttpResponse<String> partial = reviewer.post(
                "/api/review/tasks/" + taskId + "/decision",
                "application/json",
                "{\"outcome\": \"PARTIALLY_GRANTED\", \"motivation\": \"Twee van de drie honden komen in aanmerking.\","
                        + " \"amounts\": {\"remittedDogTax\": \"80.00\"}}");

        assertThat(partial.statusCode()).as(partial.body()).isEqualTo(204);
        JsonNode decided = json.readTree(reviewer.get("/api/cases/" + caseId).body());
        assertThat(decided.path("status").asString()).isEqualTo("DECIDED");
        JsonNode human = decided.path("decisions").path(1);
        assertThat(human.path("outcome").asString()).isEqualTo("PARTIALLY_GRANTED");
        assertThat(human.path("amounts").path("remittedDogTax").asString()).isEqualTo("80.00");
        assertThat(work.amountLabels(CASE_TYPE, Locale.forLanguageTag("nl")))
                .containsExactly(java.util.Map.entry("remittedDogTax", "Kwijtgescholden hondenbelasting (EUR)"));
        assertThat(work.amountLabels(CASE_TYPE, Locale.ENGLISH))
                .containsExactly(java.util.Map.entry("remittedDogTax", "Dog tax remitted (EUR)"));
    }

    @Test
    void anOfficersUploadOfANewVersionOfItsTableRunsItsExampleCases() {
        byte[] table =
                Http.resource("authoring/dog-tax-remission-2027.1.table.csv").getBytes(StandardCharsets.UTF_8);

        HttpResponse<String> uploaded =
                officer.post("/api/rulesets/" + CASE_TYPE + "/candidates?version=2027.1", table);

        assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(201);
        JsonNode candidate = json.readTree(uploaded.body());
        assertThat(candidate.path("status").asString()).isEqualTo("DRAFT");
        assertThat(candidate.path("failed").asLong()).as(uploaded.body()).isZero();
        assertThat(candidate.path("passed").asLong())
                .as("the regulation's example cases")
                .isGreaterThanOrEqualTo(25);
    }
}
