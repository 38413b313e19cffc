package nl.beslisstraat.engine.runs;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Set;
import nl.beslisstraat.engine.cases.InputDigest;
import nl.beslisstraat.engine.security.Role;
import nl.beslisstraat.engine.support.Browserless;
import nl.beslisstraat.engine.support.DatabaseIntegrationTest;
import nl.beslisstraat.engine.support.Http;
import nl.beslisstraat.engine.support.TestUsers;
import nl.beslisstraat.engine.tenancy.Municipality;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The schedulers' console over real HTTP against PostgreSQL: the schedule and its validation, the
 * requests a scheduler may and may not make, what an auditor may read, and that Utrecht (0344) and
 * Zwolle (0193) never see or act on each other's schedule, requests or runs.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class RunApiIntegrationTests extends DatabaseIntegrationTest {

    static final String ZWOLLE_SCHEDULER = "scheduler-zwolle";
    private static final String JSON = "application/json";

    private final JsonMapper json = JsonMapper.builder().build();
    private final BatchRows batch = new BatchRows();

    @LocalServerPort
    int port;

    private Http scheduler;

    @BeforeEach
    void fresh() {
        batch.owner.update("delete from nightly_schedules");
        batch.owner.update("delete from run_requests");
        batch.owner.update("update batch_processes set ended_at = now() where ended_at is null");
        Municipality.run(
                TestUsers.ZWOLLE,
                () -> accounts.save(
                        ZWOLLE_SCHEDULER,
                        "500009",
                        "Zita Zwolle",
                        TestUsers.password(ZWOLLE_SCHEDULER),
                        Set.of(Role.SCHEDULER),
                        "test"));
        scheduler = new Http(port).as(TestUsers.SCHEDULER);
    }

    @Test
    void aScheduleFromTimeAndWorkingDaysIsStoredWithItsNextFiveStartsAndAudited() {
        // when
        HttpResponse<String> saved =
                scheduler.put("/api/runs/schedule", JSON, "{\"time\": \"01:15\", \"days\": \"WORKING_DAYS\"}");

        // then
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(200);
        JsonNode body = json.readTree(saved.body());
        assertThat(body.path("schedule").path("cron").asString()).isEqualTo("0 15 1 * * MON-FRI");
        assertThat(body.path("schedule").path("changedBy").asString()).isEqualTo(TestUsers.SCHEDULER);
        List<ZonedDateTime> starts = body.path("plannedStarts")
                .valueStream()
                .map(start -> ZonedDateTime.parse(start.asString()).withZoneSameInstant(PlannedStarts.AMSTERDAM))
                .toList();
        assertThat(starts).hasSize(5).allSatisfy(start -> {
            assertThat(start.toLocalTime()).isEqualTo(LocalTime.of(1, 15));
            assertThat(start.getDayOfWeek()).isNotIn(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY);
        });
        assertThat(batch.owner.queryForObject(
                        "select last_planned_start > now() - interval '1 minute' from nightly_schedules"
                                + " where municipality = '0344'",
                        Boolean.class))
                .as("a manager does not fire a start the schedule had before")
                .isTrue();

        // and when it changes, the old and the new value are in the audit trail
        scheduler.put("/api/runs/schedule", JSON, "{\"cron\": \"0 0 3 * * *\"}");
        List<String> audited = batch.owner.queryForList(
                "select details::text from audit_log where action = 'RUN_SCHEDULE_CHANGED' and subject_id = '0344'"
                        + " order by id desc limit 2",
                String.class);
        assertThat(json.readTree(audited.get(1)).path("old").isNull())
                .as("a first schedule")
                .isTrue();
        JsonNode change = json.readTree(audited.get(0));
        assertThat(change.path("old").path("cron").asString()).isEqualTo("0 15 1 * * MON-FRI");
        assertThat(change.path("new").path("cron").asString()).isEqualTo("0 0 3 * * *");

        // and the page says a schedule of chosen days in words
        scheduler.put(
                "/api/runs/schedule",
                JSON,
                "{\"time\": \"02:30\", \"days\": \"WEEKDAYS\", \"weekdays\": [\"MON\", \"WED\"]}");
        assertThat(Browserless.signedIn(port, TestUsers.SCHEDULER)
                        .get("/runs/schedule")
                        .body())
                .contains("Op maandag, woensdag, om 02:30.");
    }

    @Test
    void aWrongScheduleIsRefusedNamingItsFieldAndNothingIsStored() {
        assertRefused(
                scheduler.put("/api/runs/schedule", JSON, "{\"cron\": \"0 0 25 * * *\"}"),
                400,
                "cron",
                "het veld uur ('25') heeft geen geldige waarde; toegestaan is 0-23");
        assertRefused(
                scheduler.put("/api/runs/schedule", JSON, "{\"cron\": \"0 0 2 * FOO *\"}"),
                400,
                "cron",
                "het veld maand ('FOO')");
        assertRefused(
                scheduler.put("/api/runs/schedule", JSON, "{\"cron\": \"0 0 2 * *\"}"), 400, "cron", "zes velden");
        assertRefused(
                scheduler.put("/api/runs/schedule", JSON, "{\"cron\": \"0 0 2 * * " + "MON,".repeat(30) + "MON\"}"),
                400,
                "cron",
                "ten hoogste 100");
        // a night's run starts once a night: not every second, not twice a day, and not never
        for (String often : List.of("* * * * * *", "0 */10 * * * *", "0 0 1,13 * * MON-FRI")) {
            assertRefused(
                    scheduler.put("/api/runs/schedule", JSON, "{\"cron\": \"" + often + "\"}"),
                    400,
                    "cron",
                    "eens per dag");
        }
        assertRefused(
                scheduler.put("/api/runs/schedule", JSON, "{\"cron\": \"0 0 0 31 2 *\"}"),
                400,
                "cron",
                "geen enkele start");
        assertRefused(
                scheduler.put("/api/runs/schedule", JSON, "{\"time\": \"24:30\", \"days\": \"EVERY_DAY\"}"),
                400,
                "time",
                "24:30");
        assertRefused(
                scheduler.put(
                        "/api/runs/schedule", JSON, "{\"time\": \"02:00\", \"days\": \"WEEKDAYS\", \"weekdays\": []}"),
                400,
                "weekdays",
                "Dagen");

        assertThat(batch.owner.queryForObject("select count(*) from nightly_schedules", Long.class))
                .isZero();
        JsonNode none = json.readTree(scheduler.get("/api/runs/schedule").body());
        assertThat(none.path("schedule").isNull())
                .as("no schedule: no scheduled runs")
                .isTrue();
        assertThat(none.path("plannedStarts")).isEmpty();
    }

    @Test
    void aPausedScheduleHasNoPlannedStartsAndResumingTakesNoMissedStart() {
        scheduler.put("/api/runs/schedule", JSON, "{\"cron\": \"0 0 2 * * *\"}");
        batch.owner.update("update nightly_schedules set last_planned_start = now() - interval '3 days'");

        JsonNode paused = json.readTree(
                scheduler.put("/api/runs/schedule", JSON, "{\"paused\": true}").body());
        assertThat(paused.path("schedule").path("paused").asBoolean()).isTrue();
        assertThat(paused.path("schedule").path("cron").asString()).isEqualTo("0 0 2 * * *");
        assertThat(paused.path("plannedStarts")).isEmpty();

        JsonNode resumed = json.readTree(
                scheduler.put("/api/runs/schedule", JSON, "{\"paused\": false}").body());
        assertThat(resumed.path("plannedStarts")).hasSize(5);
        assertThat(batch.owner.queryForObject(
                        "select last_planned_start > now() - interval '1 minute' from nightly_schedules",
                        Boolean.class))
                .isTrue();
    }

    @Test
    void aStartForTodayIsRequestedAndAuditedAndOneForTomorrowIsRefused() {
        LocalDate today = LocalDate.now(PlannedStarts.AMSTERDAM);

        assertRefused(
                scheduler.post("/api/runs", JSON, "{\"runDate\": \"" + today.plusDays(1) + "\"}"),
                400,
                "runDate",
                "toekomst");
        assertRefused(scheduler.post("/api/runs", JSON, "{}"), 400, "runDate", "Rundatum");

        HttpResponse<String> requested = scheduler.post("/api/runs", JSON, "{\"runDate\": \"" + today + "\"}");
        assertThat(requested.statusCode()).as(requested.body()).isEqualTo(202);
        JsonNode request = json.readTree(requested.body());
        assertThat(request.path("action").asString()).isEqualTo("START");
        assertThat(request.path("requestedBy").asString()).isEqualTo(TestUsers.SCHEDULER);
        assertThat(request.path("pending").asBoolean()).isTrue();
        assertThat(batch.owner.queryForObject(
                        "select municipality || ' ' || run_date || ' ' || requested_by from run_requests where id = ?",
                        String.class,
                        request.path("id").asLong()))
                .isEqualTo("0344 " + today + " scheduler");
        assertThat(batch.owner.queryForObject(
                        "select count(*) from audit_log where action = 'RUN_REQUESTED' and subject_id = ?",
                        Long.class,
                        request.path("id").asString()))
                .isEqualTo(1);

        JsonNode listed = json.readTree(scheduler.get("/api/runs/requests").body());
        assertThat(listed.path("managerAlive").asBoolean())
                .as("no manager process runs")
                .isFalse();
        assertThat(listed.path("requests").path(0).path("id").asLong())
                .isEqualTo(request.path("id").asLong());
    }

    @Test
    void stopOnlyARunningRunRestartOnlyAFailedOneRecoverOnlyADeadOne() {
        LocalDate night = LocalDate.now(PlannedStarts.AMSTERDAM).minusDays(1);
        String liveManager = batch.process("MANAGER", true);
        String deadManager = batch.process("MANAGER", false);
        long running = batch.run(night, "0344", "STARTED", 100L);
        batch.execution(running, "STARTED", liveManager);
        long failed = batch.run(night.minusDays(1), "0344", "FAILED", 100L);
        batch.execution(failed, "FAILED", deadManager);
        long orphaned = batch.run(night.minusDays(2), "0344", "STARTED", 100L);
        batch.execution(orphaned, "STARTED", deadManager);

        // refused, with the reason
        assertRefused(scheduler.post("/api/runs/" + failed + "/stop", JSON, ""), 409, "runId", "loopt niet");
        assertRefused(scheduler.post("/api/runs/" + running + "/restart", JSON, ""), 409, "runId", "niet mislukt");
        assertRefused(scheduler.post("/api/runs/" + running + "/recover", JSON, ""), 409, "runId", "leeft");
        assertRefused(scheduler.post("/api/runs/" + failed + "/recover", JSON, ""), 409, "runId", "loopt niet");
        assertRefused(scheduler.post("/api/runs/987654321/stop", JSON, ""), 404, "runId", "bestaat niet");

        // accepted
        assertThat(scheduler.post("/api/runs/" + running + "/stop", JSON, "").statusCode())
                .isEqualTo(202);
        assertThat(scheduler.post("/api/runs/" + failed + "/restart", JSON, "").statusCode())
                .isEqualTo(202);
        assertThat(scheduler
                        .post("/api/runs/" + orphaned + "/recover", JSON, "")
                        .statusCode())
                .isEqualTo(202);
        assertThat(batch.owner.queryForList(
                        "select action || ' ' || run_id from run_requests order by id", String.class))
                .containsExactly("STOP " + running, "RESTART " + failed, "RECOVER " + orphaned);
        assertThat(json.readTree(scheduler.get("/api/runs/requests").body())
                        .path("managerAlive")
                        .asBoolean())
                .isTrue();
    }

    @Test
    void aRunShowsItsProgressPartitionsAndWorkers() {
        String manager = batch.process("MANAGER", true);
        String worker = batch.process("WORKER", true);
        String deadWorker = batch.process("WORKER", false);
        long run = batch.run(LocalDate.now(PlannedStarts.AMSTERDAM), "0344", "STARTED", 200L);
        long execution = batch.execution(run, "STARTED", manager);
        batch.partition(execution, "0344-slice-0", "STARTED", 30, worker, "");
        batch.partition(execution, "0344-slice-1", "FAILED", 20, deadWorker, "Database gone\n\tat somewhere");
        batch.partition(execution, "0193-slice-0", "STARTED", 5, worker, "");
        batch.progress(run, "0344", "0344-slice-0", "PARKING_PERMIT", "GRANTED", 30);
        batch.progress(run, "0344", "0344-slice-1", "PARKING_PERMIT", "TO_REVIEW", 20);

        JsonNode snapshot = json.readTree(scheduler.get("/api/runs/" + run).body());

        assertThat(snapshot.path("decided").asLong()).isEqualTo(50);
        assertThat(snapshot.path("percent").asInt()).isEqualTo(25);
        assertThat(snapshot.path("casesPerSecond").asDouble()).isPositive();
        assertThat(snapshot.path("expectedEnd").isNull()).isFalse();
        assertThat(snapshot.path("partitions")
                        .valueStream()
                        .map(p -> p.path("name").asString() + " "
                                + p.path("status").asString() + " "
                                + p.path("alive").asBoolean())
                        .toList())
                .as("Zwolle's partition is not Utrecht's to see")
                .containsExactly("0344-slice-0 STARTED true", "0344-slice-1 FAILED false");
        assertThat(snapshot.path("stepErrors").path(0).asString()).isEqualTo("0344-slice-1: Database gone");
    }

    @Test
    void theHistoryFiltersAndShowsTheOwnCountsOfARunOfAllMunicipalities() {
        LocalDate night = LocalDate.of(2026, 3, 3);
        long ofAll = batch.run(night, null, "STARTED", 15L);
        batch.finished(
                ofAll,
                "COMPLETED",
                "{\"runId\": " + ofAll + ", \"byCaseType\": {\"PARKING_PERMIT\": {\"read\": 15}},"
                        + " \"byMunicipality\": {\"0344\": {\"name\": \"Utrecht\", \"counts\": {\"read\": 10, \"granted\": 7,"
                        + " \"toReview\": 3}, \"stillQueued\": 0}, \"0193\": {\"name\": \"Zwolle\", \"counts\": {\"read\": 5}}}}",
                null,
                null);
        long failed = batch.run(night.plusDays(1), "0344", "STARTED", null);
        batch.finished(failed, "FAILED", null, "WORKER_DIED", "worker-1");

        JsonNode all = json.readTree(
                scheduler.get("/api/runs?from=2026-03-03&to=2026-03-04").body());
        assertThat(all.valueStream().map(r -> r.path("runId").asLong()).toList())
                .containsExactly(failed, ofAll);
        JsonNode counts = all.path(1).path("counts");
        assertThat(counts.path("read").asLong()).isEqualTo(10);
        assertThat(counts.path("granted").asLong()).isEqualTo(7);
        assertThat(all.path(1).path("casesPerSecond").asDouble()).isEqualTo(0.1);
        assertThat(all.path(1).path("queuedAtStart").isNull())
                .as("the queue at its start was every municipality's")
                .isTrue();

        JsonNode onlyFailed = json.readTree(scheduler
                .get("/api/runs?status=FAILED&from=2026-03-03&to=2026-03-04")
                .body());
        assertThat(onlyFailed
                        .valueStream()
                        .map(r -> r.path("errorCode").asString())
                        .toList())
                .containsExactly("WORKER_DIED");

        // a failed step of a run of all municipalities may be about another's cases: only its kind
        long failedForAll = batch.run(night.plusDays(7), null, "STARTED", 15L);
        batch.finished(
                failedForAll,
                "FAILED",
                null,
                "STEP_FAILED",
                "IllegalStateException: case 81 of 0193 Zwolle has no applicant");
        JsonNode failedRun =
                json.readTree(scheduler.get("/api/runs/" + failedForAll).body()).path("run");
        assertThat(failedRun.path("errorCode").asString()).isEqualTo("STEP_FAILED");
        assertThat(failedRun.path("errorDetail").asString()).isEqualTo("IllegalStateException");
        assertThat(failedRun.path("queuedAtStart").isNull()).isTrue();
    }

    @Test
    void anAuditorReadsButAsksNothingAndOtherRolesSeeNothing() {
        long run = batch.run(LocalDate.of(2026, 4, 1), "0344", "FAILED", null);
        Http auditor = new Http(port).as(TestUsers.AUDITOR);
        assertThat(auditor.get("/api/runs").statusCode()).isEqualTo(200);
        assertThat(auditor.get("/api/runs/" + run).statusCode()).isEqualTo(200);
        assertThat(auditor.get("/api/runs/schedule").statusCode()).isEqualTo(200);
        assertThat(auditor.post("/api/runs/" + run + "/restart", JSON, "").statusCode())
                .isEqualTo(403);
        assertThat(auditor.put("/api/runs/schedule", JSON, "{\"cron\": \"0 0 2 * * *\"}")
                        .statusCode())
                .isEqualTo(403);
        assertThat(new Http(port).as(TestUsers.REVIEWER).get("/api/runs").statusCode())
                .isEqualTo(403);
        assertThat(batch.owner.queryForObject("select count(*) from run_requests", Long.class))
                .isZero();
    }

    @Test
    void zwolleNeverSeesOrActsOnUtrechtsRunsRequestsOrSchedule() {
        // given Utrecht's schedule, request and failed run
        scheduler.put("/api/runs/schedule", JSON, "{\"cron\": \"0 0 2 * * *\"}");
        scheduler.post("/api/runs", JSON, "{\"runDate\": \"2026-05-01\"}");
        long utrechtRun = batch.run(LocalDate.of(2026, 5, 1), "0344", "FAILED", null);
        batch.execution(utrechtRun, "FAILED", batch.process("MANAGER", false));
        Http zwolle = new Http(port).as(ZWOLLE_SCHEDULER);

        // then Zwolle has none of it
        assertThat(json.readTree(zwolle.get("/api/runs/schedule").body())
                        .path("schedule")
                        .isNull())
                .isTrue();
        assertThat(json.readTree(zwolle.get("/api/runs/requests").body()).path("requests"))
                .isEmpty();
        assertThat(json.readTree(zwolle.get("/api/runs").body())
                        .valueStream()
                        .map(r -> r.path("runId").asLong()))
                .doesNotContain(utrechtRun);
        assertThat(zwolle.get("/api/runs/" + utrechtRun).statusCode()).isEqualTo(404);
        assertThat(zwolle.post("/api/runs/" + utrechtRun + "/restart", JSON, "").statusCode())
                .isEqualTo(404);

        // and its own schedule is its own
        zwolle.put("/api/runs/schedule", JSON, "{\"cron\": \"0 30 4 * * *\"}");
        assertThat(batch.owner.queryForList(
                        "select municipality || ' ' || cron from nightly_schedules order by 1", String.class))
                .containsExactly("0193 0 30 4 * * *", "0344 0 0 2 * * *");
        assertThat(batch.owner.queryForList("select municipality from run_requests", String.class))
                .containsExactly("0344");
    }

    @Test
    void reviewersFindTheTasksOfARunInTheirQueue() {
        // given a case in review that a run decided
        HttpResponse<String> decided = new Http(port)
                .as(TestUsers.INTAKE)
                .post("/api/cases/decide-now", JSON, Http.resource("review/parking-permit-waiting-list.json"));
        long caseId = json.readTree(decided.body()).path("id").asLong();
        long run = batch.id();
        batch.owner.update(
                "insert into decisions (case_id, municipality, outcome, automated, decided_by, reference_date,"
                        + " reasons, amounts, fired_rules, run_id, input_hash)"
                        + " select ?, '0344', 'NEEDS_REVIEW', false, 'engine', current_date, '[]', '{}', '[]', ?, "
                        + InputDigest.IN_SQL.formatted("input") + " from cases where id = ?",
                caseId,
                run,
                caseId);
        Http reviewer = new Http(port).as(TestUsers.REVIEWER);

        // when / then
        JsonNode ofRun =
                json.readTree(reviewer.get("/api/review/tasks?run=" + run).body());
        assertThat(ofRun.path("items")
                        .valueStream()
                        .map(item -> item.path("caseId").asLong())
                        .toList())
                .containsExactly(caseId);
        assertThat(json.readTree(reviewer.get("/api/review/tasks?run=" + (run + 1))
                                .body())
                        .path("items"))
                .isEmpty();
    }

    private void assertRefused(HttpResponse<String> response, int status, String field, String message) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        JsonNode body = json.readTree(response.body());
        assertThat(body.path("field").asString()).isEqualTo(field);
        assertThat(body.path("error").asString()).contains(message);
    }
}
