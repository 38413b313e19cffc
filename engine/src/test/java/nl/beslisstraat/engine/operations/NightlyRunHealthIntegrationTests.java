package nl.beslisstraat.engine.operations;

import static nl.beslisstraat.engine.operations.RunRows.DEVENTER;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import nl.beslisstraat.engine.support.DatabaseIntegrationTest;
import nl.beslisstraat.engine.support.Http;
import nl.beslisstraat.engine.support.TestUsers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code nightlyRun} in the health over real HTTP: a running run whose last progress is older than
 * {@code beslisstraat.operations.stuck-after} (10 minutes) is STUCK, and the health 503; recent
 * progress, in the job repository or counted in {@code run_progress}, is UP. The details are the
 * platform administrator's only.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class NightlyRunHealthIntegrationTests extends DatabaseIntegrationTest {

    private static final long RUN = 9_200_001L;

    @LocalServerPort
    int port;

    private final RunRows rows = new RunRows();

    @BeforeEach
    void deventer() {
        rows.freshDeventer(accounts);
        rows.run(RUN, DEVENTER, "2 hours", null);
    }

    @AfterEach
    void noRunLeftRunning() {
        rows.ended(RUN);
    }

    @Test
    void aRunWithoutProgressForLongerThanTheLimitIsStuck() {
        // given: the job repository last heard of the run twenty minutes ago, and nothing was counted since
        rows.runningExecution(RUN, "20 minutes");
        rows.progress(RUN, DEVENTER, "0150-slice-0", "GRANTED", 40, "25 minutes");

        // when
        HttpResponse<String> anonymous = new Http(port).get("/actuator/health");
        HttpResponse<String> administrator =
                new Http(port).as(TestUsers.PLATFORM_ADMIN).get("/actuator/health");

        // then
        assertThat(anonymous.statusCode()).isEqualTo(503);
        assertThat(anonymous.body()).contains("\"status\":\"STUCK\"").doesNotContain(Long.toString(RUN));
        assertThat(administrator.statusCode()).isEqualTo(503);
        JsonNode nightlyRun = nightlyRun(administrator);
        assertThat(nightlyRun.get("status").asString()).isEqualTo("STUCK");
        assertThat(nightlyRun.at("/details/running/0/runId").asLong()).isEqualTo(RUN);
        assertThat(nightlyRun.at("/details/running/0/stuck").asBoolean()).isTrue();
        assertThat(new Http(port)
                        .as(TestUsers.SCHEDULER)
                        .get("/actuator/health")
                        .body())
                .as("the platform's health: no municipality's account reads its details")
                .doesNotContain(Long.toString(RUN));
    }

    @Test
    void progressCountedRecentlyIsProgressEvenWhenTheJobRepositoryIsQuiet() {
        rows.runningExecution(RUN, "20 minutes");
        rows.progress(RUN, DEVENTER, "0150-slice-0", "GRANTED", 40, "1 minute");

        HttpResponse<String> health =
                new Http(port).as(TestUsers.PLATFORM_ADMIN).get("/actuator/health");

        assertThat(health.statusCode()).isEqualTo(200);
        JsonNode nightlyRun = nightlyRun(health);
        assertThat(nightlyRun.get("status").asString()).isEqualTo("UP");
        assertThat(nightlyRun.at("/details/running/0/runId").asLong()).isEqualTo(RUN);
        assertThat(nightlyRun.at("/details/running/0/stuck").asBoolean()).isFalse();
    }

    private static JsonNode nightlyRun(HttpResponse<String> health) {
        return JsonMapper.builder().build().readTree(health.body()).at("/components/nightlyRun");
    }

    @Test
    void aRunThatCommittedAChunkRecentlyIsUp() {
        rows.runningExecution(RUN, "30 seconds");

        HttpResponse<String> health = new Http(port).get("/actuator/health");

        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("\"status\":\"UP\"");
    }

    @Test
    void aRunThatEndedIsNoLongerWatched() {
        rows.runningExecution(RUN, "20 minutes");
        rows.ended(RUN);

        assertThat(new Http(port).get("/actuator/health").statusCode()).isEqualTo(200);
        assertThat(new Http(port).get("/actuator/health/readiness").statusCode())
                .as("the load balancer's probe")
                .isEqualTo(200);
    }
}
