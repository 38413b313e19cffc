package nl.beslisstraat.engine.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import nl.beslisstraat.engine.audit.ChainVerifier;
import nl.beslisstraat.engine.security.Role;
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
 * Many decide-now requests at once, from two e-services of one municipality, share transactions
 * yet each gets its own case, decided and answered as if alone: the client that sent it, its
 * decision, one audit entry, and the municipality's hash chains intact.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ImmediateDecisionsIntegrationTests extends DatabaseIntegrationTest {

    private static final String SECOND_INTAKE = "eservice-gelijktijdig";
    private static final int REQUESTS = 40;

    private final JsonMapper json = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ChainVerifier chains;

    @Test
    void requestsArrivingTogetherEachGetTheirOwnDecidedCase() throws Exception {
        accounts.save(
                SECOND_INTAKE,
                "E-LOKET-3",
                "Gelijktijdig e-loket",
                TestUsers.password(SECOND_INTAKE),
                Set.of(Role.INTAKE),
                "test");
        String[] bodies = {
            Http.resource("intake/parking-permit-zone-a.json"),
            Http.resource("intake/city-pass-2026.json"),
            Http.resource("intake/parking-permit-length-missing.json")
        };

        // when: forty requests at once, alternating clients and applications
        List<Future<HttpResponse<String>>> sent = new ArrayList<>();
        ExecutorService senders = Executors.newFixedThreadPool(REQUESTS);
        try {
            for (int i = 0; i < REQUESTS; i++) {
                String client = i % 2 == 0 ? TestUsers.INTAKE : SECOND_INTAKE;
                String body = bodies[i % bodies.length];
                sent.add(senders.submit(
                        () -> new Http(port).as(client).post("/api/cases/decide-now", "application/json", body)));
            }
        } finally {
            senders.shutdown();
        }

        // then
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < REQUESTS; i++) {
            HttpResponse<String> answer = sent.get(i).get();
            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(201);
            JsonNode caseFile = json.readTree(answer.body());
            assertThat(caseFile.path("decisions")).hasSize(1);
            assertThat(caseFile.path("caseType").asString())
                    .isEqualTo(json.readTree(bodies[i % bodies.length])
                            .path("caseType")
                            .asString());
            long id = caseFile.path("id").asLong();
            ids.add(id);
            assertThat(caseFile)
                    .as("the answer is the case as stored, though built without reading it back")
                    .isEqualTo(json.readTree(new Http(port)
                            .as(TestUsers.AUDITOR)
                            .get("/api/cases/" + id)
                            .body()));
            assertThat(jdbc.queryForObject("select submitted_by from cases where id = ?", String.class, id))
                    .isEqualTo(i % 2 == 0 ? TestUsers.INTAKE : SECOND_INTAKE);
            assertThat(jdbc.queryForObject(
                            "select count(*) from audit_trail where action = 'CASE_DECIDED' and subject_id = ?",
                            Long.class,
                            Long.toString(id)))
                    .isEqualTo(1);
        }
        assertThat(ids).doesNotHaveDuplicates();
        assertThat(jdbc.queryForObject(
                        "select count(*) from cases where id = any (?) and status_changed_at = received_at",
                        Long.class,
                        (Object) ids.toArray(Long[]::new)))
                .as("each case was stored with the status its decision gave it, never queued")
                .isEqualTo(REQUESTS);
        assertThat(jdbc.queryForObject(
                        "select count(*) from cases where id = any (?) and status in ('DECIDED', 'IN_REVIEW')",
                        Long.class,
                        (Object) ids.toArray(Long[]::new)))
                .isEqualTo(REQUESTS);
        // Other tests of this municipality plant decisions that record another content's hash, to
        // see recomputation refuse them; the verifier names those, and nothing of these requests.
        List<Long> decisionIds = jdbc.queryForList(
                "select id from decisions where case_id = any (?)", Long.class, (Object) ids.toArray(Long[]::new));
        assertThat(chains.verify().breaks())
                .allSatisfy(planted -> assertThat(planted.detail()).contains("the recorded hash was changed"))
                .noneMatch(broken -> decisionIds.contains(broken.id()));
    }

    @Test
    void theAnswerIsTheCaseAsStoredWithItsReviewTaskAmountsAndMotivationInTheLanguageAsked() {
        for (String application : List.of(
                "review/parking-permit-waiting-list.json",
                "review/tax-remission-cost-sharer.json",
                "intake/parking-permit-zone-a.json",
                "intake/parking-permit-length-missing.json")) {
            for (String language : List.of("nl", "en")) {
                HttpResponse<String> answer = new Http(port)
                        .as(TestUsers.INTAKE)
                        .post("/api/cases/decide-now?lang=" + language, "application/json", Http.resource(application));
                assertThat(answer.statusCode()).as(answer.body()).isEqualTo(201);
                JsonNode decided = json.readTree(answer.body());
                JsonNode stored = json.readTree(new Http(port)
                        .as(TestUsers.AUDITOR)
                        .get("/api/cases/" + decided.path("id").asLong() + "?lang=" + language)
                        .body());
                assertThat(decided).as("%s in %s", application, language).isEqualTo(stored);
                assertThat(decided.path("decisions")
                                .get(0)
                                .path("reasons")
                                .get(0)
                                .path("language")
                                .asString())
                        .isEqualTo(language);
                if (application.startsWith("review/")) {
                    assertThat(decided.path("status").asString()).isEqualTo("IN_REVIEW");
                    assertThat(decided.path("reviewTask").path("deadline").isMissingNode())
                            .isFalse();
                }
            }
        }
    }
}
