package nl.beslisstraat.engine.operations;

import static nl.beslisstraat.engine.operations.RunRows.DEVENTER;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.beslisstraat.engine.support.DatabaseIntegrationTest;
import nl.beslisstraat.engine.support.Http;
import nl.beslisstraat.engine.support.TestUsers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The operations series over real HTTP, from rows written with SQL as the intake and the batch
 * processes write them: each series holds what the tables hold; a municipality's accounts get their
 * own municipality's series and no other's; the platform administrator gets every municipality's.
 * The figures are read afresh on every scrape here (no caching), so each answer shows the rows.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "beslisstraat.operations.metrics-refresh=0s")
class OperationsMetricsIntegrationTests extends DatabaseIntegrationTest {

    private static final long FINISHED_RUN = 9_100_001L;
    private static final long RUNNING_RUN = 9_100_002L;

    @LocalServerPort
    int port;

    private final RunRows rows = new RunRows();

    @BeforeEach
    void deventer() {
        rows.freshDeventer(accounts);
    }

    @AfterEach
    void noRunLeftRunning() {
        rows.ended(RUNNING_RUN);
    }

    @Test
    void theSeriesHoldWhatTheMunicipalitysTablesHold() {
        // given: three cases queued (the oldest two hours ago), one decided
        rows.queuedCase(DEVENTER, "QUEUED", "2 hours");
        rows.queuedCase(DEVENTER, "QUEUED", "30 minutes");
        rows.queuedCase(DEVENTER, "QUEUED", "1 minute");
        rows.queuedCase(DEVENTER, "DECIDED", "3 days");
        // two open review tasks, one past its deadline; a closed one past its deadline counts for nothing
        rows.reviewTask(DEVENTER, "OPEN", -1);
        rows.reviewTask(DEVENTER, "OPEN", 30);
        rows.reviewTask(DEVENTER, "CLOSED", -5);
        // a run that took 100 s for 400 cases, over two partitions; a later one running now
        rows.run(FINISHED_RUN, DEVENTER, "1 day", "100 seconds");
        rows.progress(FINISHED_RUN, DEVENTER, "0150-slice-0", "GRANTED", 200, "1 day");
        rows.progress(FINISHED_RUN, DEVENTER, "0150-slice-1", "GRANTED", 100, "1 day");
        rows.progress(FINISHED_RUN, DEVENTER, "0150-slice-1", "REJECTED", 100, "1 day");
        rows.run(RUNNING_RUN, DEVENTER, "5 minutes", null);
        rows.runningExecution(RUNNING_RUN, "10 seconds");
        rows.progress(RUNNING_RUN, DEVENTER, "0150-slice-0", "GRANTED", 5, "10 seconds");
        rows.progress(RUNNING_RUN, DEVENTER, "0150-slice-0", "TO_REVIEW", 2, "10 seconds");

        // when
        HttpResponse<String> scrape =
                new Http(port).as(RunRows.DEVENTER_MONITOR).get("/api/operations/metrics");

        // then
        assertThat(scrape.statusCode()).isEqualTo(200);
        assertThat(scrape.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/plain");
        String text = scrape.body();
        assertThat(value(text, "beslisstraat_queue_cases", DEVENTER)).isEqualTo(3);
        assertThat(value(text, "beslisstraat_queue_oldest_age_seconds", DEVENTER))
                .as("the oldest queued case, two hours ago")
                .isBetween(7_200.0, 7_200.0 + 600);
        assertThat(value(text, "beslisstraat_review_backlog_tasks", DEVENTER)).isEqualTo(2);
        assertThat(value(text, "beslisstraat_review_overdue_tasks", DEVENTER)).isEqualTo(1);
        assertThat(outcome(text, "beslisstraat_run_decided_cases", "GRANTED")).isEqualTo(5);
        assertThat(outcome(text, "beslisstraat_run_decided_cases", "TO_REVIEW")).isEqualTo(2);
        assertThat(outcome(text, "beslisstraat_run_decided_cases", "REJECTED")).isZero();
        assertThat(outcome(text, "beslisstraat_run_decided_cases", "FAILED")).isZero();
        assertThat(outcome(text, "beslisstraat_decided_cases_total", "GRANTED")).isEqualTo(305);
        assertThat(outcome(text, "beslisstraat_decided_cases_total", "REJECTED"))
                .isEqualTo(100);
        assertThat(outcome(text, "beslisstraat_decided_cases_total", "TO_REVIEW"))
                .isEqualTo(2);
        assertThat(value(text, "beslisstraat_run_duration_seconds", DEVENTER)).isEqualTo(100);
        assertThat(value(text, "beslisstraat_run_throughput_cases_per_second", DEVENTER))
                .isEqualTo(4);
        assertThat(value(text, "beslisstraat_run_running", DEVENTER)).isEqualTo(1);

        // when the run has ended
        rows.ended(RUNNING_RUN);

        // then
        assertThat(value(
                        new Http(port)
                                .as(RunRows.DEVENTER_MONITOR)
                                .get("/api/operations/metrics")
                                .body(),
                        "beslisstraat_run_running",
                        DEVENTER))
                .isZero();
    }

    @Test
    void aSchedulerOfZwolleGetsZwollesSeriesAndNoOthers() {
        rows.queuedCase(DEVENTER, "QUEUED", "1 minute");

        HttpResponse<String> zwolle =
                new Http(port).as(RunRows.ZWOLLE_SCHEDULER).get("/api/operations/metrics");

        assertThat(zwolle.statusCode()).isEqualTo(200);
        assertThat(zwolle.body())
                .contains("beslisstraat_queue_cases{municipality=\"" + TestUsers.ZWOLLE + "\"}")
                .doesNotContain("municipality=\"" + DEVENTER + "\"")
                .doesNotContain("municipality=\"0344\"");
        assertThat(new Http(port)
                        .as(RunRows.ZWOLLE_SCHEDULER)
                        .get("/api/operations/metrics", "X-Municipality", DEVENTER)
                        .statusCode())
                .as("another municipality's series, asked for by name")
                .isEqualTo(403);
        assertThat(new Http(port)
                        .as(RunRows.DEVENTER_SCHEDULER)
                        .get("/api/operations/metrics")
                        .body())
                .contains("beslisstraat_queue_cases{municipality=\"" + DEVENTER + "\"} 1.0")
                .doesNotContain("municipality=\"" + TestUsers.ZWOLLE + "\"");
    }

    @Test
    void thePlatformAdministratorGetsEveryMunicipalitysSeries() {
        rows.queuedCase(DEVENTER, "QUEUED", "1 minute");

        String api = new Http(port)
                .as(TestUsers.PLATFORM_ADMIN)
                .get("/api/operations/metrics")
                .body();
        HttpResponse<String> actuator =
                new Http(port).as(TestUsers.PLATFORM_ADMIN).get("/actuator/prometheus");

        for (String text : new String[] {api, actuator.body()}) {
            assertThat(value(text, "beslisstraat_queue_cases", DEVENTER)).isEqualTo(1);
            assertThat(text)
                    .contains("beslisstraat_queue_cases{municipality=\"" + TestUsers.ZWOLLE + "\"}")
                    .contains("beslisstraat_queue_cases{municipality=\"0344\"}");
        }
        assertThat(actuator.statusCode()).isEqualTo(200);
        assertThat(actuator.body()).as("the whole registry: the JVM's too").contains("jvm_memory_used_bytes");
    }

    @Test
    void thePlatformAdministratorGivesAMunicipalityItsMonitoringAccount() {
        String prometheus = "prometheus-" + Long.toString(System.nanoTime() % 1_000_000);
        String account = "{\"username\": \"" + prometheus + "\", \"personId\": \"PROMETHEUS-0150\","
                + " \"displayName\": \"Prometheus Deventer\", \"roles\": [\"MONITORING\"], \"password\": \""
                + TestUsers.password(prometheus) + "\"}";

        HttpResponse<String> created = new Http(port)
                .as(TestUsers.PLATFORM_ADMIN)
                .post("/api/platform/municipalities/" + DEVENTER + "/users", "application/json", account);

        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        HttpResponse<String> scrape = new Http(port).as(prometheus).get("/api/operations/metrics");
        assertThat(scrape.statusCode()).isEqualTo(200);
        assertThat(scrape.body()).contains("beslisstraat_queue_cases{municipality=\"" + DEVENTER + "\"}");
    }

    @Test
    void nobodyElseGetsTheSeries() {
        assertThat(new Http(port).get("/api/operations/metrics").statusCode()).isEqualTo(401);
        assertThat(new Http(port).get("/actuator/prometheus").statusCode()).isEqualTo(401);
        assertThat(new Http(port)
                        .as(TestUsers.REVIEWER)
                        .get("/api/operations/metrics")
                        .statusCode())
                .isEqualTo(403);
        assertThat(new Http(port)
                        .as(TestUsers.REVIEWER)
                        .get("/actuator/prometheus")
                        .statusCode())
                .isEqualTo(403);
        assertThat(new Http(port)
                        .as(TestUsers.SCHEDULER)
                        .get("/actuator/prometheus")
                        .statusCode())
                .as("every municipality's series: the platform's, not a municipality's scheduler's")
                .isEqualTo(403);
        assertThat(new Http(port)
                        .as(RunRows.DEVENTER_MONITOR)
                        .get("/actuator/prometheus")
                        .statusCode())
                .isEqualTo(403);
        assertThat(new Http(port)
                        .as(RunRows.DEVENTER_MONITOR)
                        .get("/api/cases/1")
                        .statusCode())
                .as("a monitoring account reads no case")
                .isEqualTo(403);
    }

    private static double outcome(String text, String name, String outcome) {
        return sample(text, name + "{municipality=\"" + DEVENTER + "\",outcome=\"" + outcome + "\"}");
    }

    private static double value(String text, String name, String municipality) {
        return sample(text, name + "{municipality=\"" + municipality + "\"}");
    }

    private static double sample(String text, String series) {
        Matcher line =
                Pattern.compile("(?m)^" + Pattern.quote(series) + " (\\S+)$").matcher(text);
        assertThat(line.find()).as(series + " in\n" + text).isTrue();
        return Double.parseDouble(line.group(1));
    }
}
