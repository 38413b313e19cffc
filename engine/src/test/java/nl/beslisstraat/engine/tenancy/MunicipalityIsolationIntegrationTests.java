package nl.beslisstraat.engine.tenancy;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import nl.beslisstraat.engine.support.Browserless;
import nl.beslisstraat.engine.support.DatabaseIntegrationTest;
import nl.beslisstraat.engine.support.Http;
import nl.beslisstraat.engine.support.TestUsers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.json.JsonMapper;

/**
 * Isolation the database enforces: the application's connections are subject
 * to row-level security keyed on the municipality of the request or run, so a query that forgets
 * to filter still sees only its own municipality's cases, and none without a municipality.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class MunicipalityIsolationIntegrationTests extends DatabaseIntegrationTest {

    private static final String ZWOLLE = TestUsers.ZWOLLE;
    private static final String ZWOLLE_INTAKE = TestUsers.ZWOLLE_INTAKE;
    private static final String ZWOLLE_REVIEWER = TestUsers.ZWOLLE_REVIEWER;

    private static final String DECISION =
            "{\"outcome\": \"GRANTED\", \"motivation\": \"Plek vrijgekomen; vergunning verleend.\"}";
    private static final String OBJECTION = "{\"reason\": \"De aanvrager is het niet eens met het besluit.\"}";
    private static final String DECISION_FORM =
            "outcome=GRANTED&motivation=Plek+vrijgekomen%3B+vergunning+verleend.&caseId=";
    private static final String OBJECTION_FORM = "reason=De+aanvrager+is+het+niet+eens+met+het+besluit.";

    /** A GET with a Zwolle case's id, by the role that may make it, as API call or page. */
    private record Read(String path, boolean page, String utrechtUser, String zwolleUser) {}

    private static final List<Read> READS = List.of(
            new Read("/api/cases/%d", false, TestUsers.INTAKE, TestUsers.ZWOLLE_INTAKE),
            new Read("/api/cases/%d", false, TestUsers.REVIEWER, TestUsers.ZWOLLE_REVIEWER),
            new Read("/api/cases/%d", false, TestUsers.AUDITOR, TestUsers.ZWOLLE_AUDITOR),
            new Read("/api/cases/%d", false, TestUsers.POLICY_OFFICER, TestUsers.ZWOLLE_POLICY_OFFICER),
            new Read("/api/cases/%d?lang=en", false, TestUsers.REVIEWER, TestUsers.ZWOLLE_REVIEWER),
            new Read("/api/cases/%d/recomputation", false, TestUsers.AUDITOR, TestUsers.ZWOLLE_AUDITOR),
            new Read("/api/cases/%d/recomputation", false, TestUsers.POLICY_OFFICER, TestUsers.ZWOLLE_POLICY_OFFICER),
            new Read("/review/cases/%d", true, TestUsers.REVIEWER, TestUsers.ZWOLLE_REVIEWER),
            new Read("/audit/cases/%d", true, TestUsers.AUDITOR, TestUsers.ZWOLLE_AUDITOR),
            new Read("/api/audit/cases/%d", false, TestUsers.AUDITOR, TestUsers.ZWOLLE_AUDITOR),
            new Read("/rules/cases/%d", true, TestUsers.POLICY_OFFICER, TestUsers.ZWOLLE_POLICY_OFFICER));

    private final JsonMapper json = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @BeforeEach
    void zwolleAccounts() {
        TestUsers.ensureZwolle(accounts, jdbc);
    }

    @Test
    void theApplicationWorksAsARoleSubjectToRowLevelSecurity() {
        assertThat(jdbc.queryForObject(
                        "select not rolsuper and not rolbypassrls from pg_roles where rolname = current_user",
                        Boolean.class))
                .isTrue();
        assertThat(jdbc.queryForObject(
                        "select tableowner <> current_user from pg_tables where tablename = 'cases'"
                                + " and schemaname = current_schema()",
                        Boolean.class))
                .as("the application does not own the case data")
                .isTrue();
    }

    @Test
    void aQueryWithoutAMunicipalityReturnsNoCases() {
        // given
        long utrechtCase = decideNow(TestUsers.INTAKE);

        // when
        long withMunicipality = jdbc.queryForObject("select count(*) from cases", Long.class);
        long withoutMunicipality;
        try (Municipality.Scope none = Municipality.enter(null)) {
            withoutMunicipality = jdbc.queryForObject("select count(*) from cases", Long.class)
                    + jdbc.queryForObject("select count(*) from decisions", Long.class)
                    + jdbc.queryForObject("select count(*) from review_tasks", Long.class)
                    + jdbc.queryForObject("select count(*) from audit_log", Long.class);
        }

        // then
        assertThat(withMunicipality).isPositive();
        assertThat(jdbc.queryForObject("select municipality from cases where id = ?", String.class, utrechtCase))
                .isEqualTo(Municipality.DEFAULT);
        assertThat(withoutMunicipality).isZero();
    }

    @Test
    void aCaseOfZwolleIsNotFoundByAReviewerOfUtrecht() throws Exception {
        // given: an application from Zwolle's e-service, sent to review
        long zwolleCase = decideNow(ZWOLLE_INTAKE);

        // then: it is Zwolle's
        String municipality = Municipality.call(
                ZWOLLE,
                () -> jdbc.queryForObject("select municipality from cases where id = ?", String.class, zwolleCase));
        assertThat(municipality).isEqualTo(ZWOLLE);
        assertThat(jdbc.queryForObject("select count(*) from cases where id = ?", Long.class, zwolleCase))
                .as("invisible to Utrecht even when asked by id")
                .isZero();

        // and Utrecht's reviewer gets 404 by API and page, Zwolle's reviewer finds it
        assertThat(new Http(port)
                        .as(TestUsers.REVIEWER)
                        .get("/api/cases/" + zwolleCase)
                        .statusCode())
                .isEqualTo(404);
        assertThat(Browserless.signedIn(port, TestUsers.REVIEWER)
                        .get("/review/cases/" + zwolleCase)
                        .statusCode())
                .isEqualTo(404);
        assertThat(new Http(port)
                        .as(ZWOLLE_REVIEWER)
                        .get("/api/cases/" + zwolleCase)
                        .statusCode())
                .isEqualTo(200);
        assertThat(Browserless.signedIn(port, ZWOLLE_REVIEWER)
                        .get("/review/cases/" + zwolleCase)
                        .statusCode())
                .isEqualTo(200);
    }

    /** The mappings the tests below try with another municipality's id; a new one must be added there. */
    private static final Set<String> TRIED = Set.of(
            "GET /api/cases/{id}",
            "GET /api/cases/{id}/recomputation",
            "POST /api/cases/{caseId}/objection",
            "POST /api/review/tasks/{taskId}/claim",
            "POST /api/review/tasks/{taskId}/release",
            "POST /api/review/tasks/{taskId}/decision",
            "GET /review/cases/{caseId}",
            "GET /audit/cases/{caseId}",
            "GET /api/audit/cases/{caseId}",
            "POST /review/cases/{caseId}/objection",
            "POST /review/tasks/{taskId}/claim",
            "POST /review/tasks/{taskId}/release",
            "POST /review/tasks/{taskId}/decision",
            "GET /review/tasks/{taskId}/decision",
            "POST /review/tasks/{taskId}/decision/edit",
            "GET /review/tasks/{taskId}/decision/confirmation",
            "POST /review/tasks/{taskId}/decision/confirmation",
            "GET /rules/cases/{id}");

    @Test
    void everyUrlWithACaseOrTaskIdIsTriedWithAnotherMunicipalitysId() {
        Set<String> withId = new TreeSet<>();
        mappings.getHandlerMethods()
                .keySet()
                .forEach(mapping -> mapping.getPatternValues().stream()
                        .filter(pattern -> pattern.contains("/cases/{") || pattern.contains("/tasks/{"))
                        .forEach(pattern -> mapping.getMethodsCondition()
                                .getMethods()
                                .forEach(method -> withId.add(method.name() + " " + pattern))));
        assertThat(withId).containsExactlyInAnyOrderElementsOf(TRIED);
    }

    @TestFactory
    Stream<DynamicTest> everyReadOfAZwolleCaseByIdIsNotFoundInUtrechtAndFoundInZwolle() throws Exception {
        long zwolleCase = decideNow(ZWOLLE_INTAKE);
        List<DynamicTest> tests = new ArrayList<>();
        for (Read read : READS) {
            String path = read.path().formatted(zwolleCase);
            tests.add(DynamicTest.dynamicTest(
                    "GET " + path + " as " + read.utrechtUser(),
                    () -> assertThat(get(read, read.utrechtUser(), path).statusCode())
                            .isEqualTo(404)));
            tests.add(DynamicTest.dynamicTest(
                    "GET " + path + " as " + read.zwolleUser(),
                    () -> assertThat(get(read, read.zwolleUser(), path).statusCode())
                            .isEqualTo(200)));
        }
        return tests.stream();
    }

    @Test
    void everyReviewActionOnAZwolleTaskIsNotFoundByTheApiInUtrechtAndDoneInZwolle() throws Exception {
        // given
        long zwolleCase = decideNow(ZWOLLE_INTAKE);
        long task = openTask(zwolleCase);
        Http utrecht = new Http(port).as(TestUsers.REVIEWER);
        Http zwolle = new Http(port).as(ZWOLLE_REVIEWER);

        // when, then: each step is first tried by Utrecht's reviewer, then done by Zwolle's
        assertThat(utrecht.send("POST", "/api/review/tasks/" + task + "/claim").statusCode())
                .isEqualTo(404);
        assertThat(zwolle.send("POST", "/api/review/tasks/" + task + "/claim").statusCode())
                .isEqualTo(204);
        assertThat(utrecht.send("POST", "/api/review/tasks/" + task + "/release")
                        .statusCode())
                .isEqualTo(404);
        assertThat(zwolle.send("POST", "/api/review/tasks/" + task + "/release").statusCode())
                .isEqualTo(204);
        assertThat(zwolle.send("POST", "/api/review/tasks/" + task + "/claim").statusCode())
                .isEqualTo(204);
        assertThat(utrecht.post("/api/review/tasks/" + task + "/decision", "application/json", DECISION)
                        .statusCode())
                .isEqualTo(404);
        assertThat(zwolle.post("/api/review/tasks/" + task + "/decision", "application/json", DECISION)
                        .statusCode())
                .isEqualTo(204);
        assertThat(utrecht.post("/api/cases/" + zwolleCase + "/objection", "application/json", OBJECTION)
                        .statusCode())
                .isEqualTo(404);
        assertThat(utrecht.post("/api/cases/" + zwolleCase + "/objection", "application/json", "{\"reason\": \"kort\"}")
                        .statusCode())
                .as("not found before the objection is read")
                .isEqualTo(404);
        assertThat(zwolle.post("/api/cases/" + zwolleCase + "/objection", "application/json", OBJECTION)
                        .statusCode())
                .isEqualTo(201);
        assertThat(utrecht.send("POST", "/api/review/tasks/" + openTask(zwolleCase) + "/claim")
                        .statusCode())
                .as("nor the objection's task")
                .isEqualTo(404);

        // and nothing Utrecht's reviewer tried left a trace in Zwolle's case
        assertThat(reviewerActions(zwolleCase, TestUsers.REVIEWER)).isEmpty();
        assertThat(reviewerActions(zwolleCase, ZWOLLE_REVIEWER))
                .containsExactlyInAnyOrder(
                        "TASK_CLAIMED",
                        "TASK_RELEASED",
                        "TASK_CLAIMED",
                        "CASE_DECIDED_BY_REVIEWER",
                        "OBJECTION_REGISTERED");
    }

    @Test
    void everyReviewFormOnAZwolleTaskIsNotFoundInUtrechtAndDoneInZwolle() throws Exception {
        // given
        long zwolleCase = decideNow(ZWOLLE_INTAKE);
        long task = openTask(zwolleCase);
        Browserless utrecht = Browserless.signedIn(port, TestUsers.REVIEWER);
        Browserless zwolle = Browserless.signedIn(port, ZWOLLE_REVIEWER);
        String claim = "/review/tasks/" + task + "/claim";
        String release = "/review/tasks/" + task + "/release";
        String decision = "/review/tasks/" + task + "/decision";
        String objection = "/review/cases/" + zwolleCase + "/objection";

        // when, then
        assertThat(utrecht.post(claim, "").statusCode()).isEqualTo(404);
        assertRedirect(zwolle.post(claim, ""), "/review/cases/" + zwolleCase);
        assertThat(utrecht.post(release, "").statusCode()).isEqualTo(404);
        assertRedirect(zwolle.post(release, ""), "/review");
        assertRedirect(zwolle.post(claim, ""), "/review/cases/" + zwolleCase);
        assertThat(utrecht.post(decision, DECISION_FORM + zwolleCase).statusCode())
                .isEqualTo(404);
        // checked first: the confirmation of what will be recorded, then recorded on confirming
        assertThat(zwolle.post(decision, DECISION_FORM + zwolleCase).statusCode())
                .isEqualTo(200);
        assertThat(utrecht.get(decision).statusCode()).isEqualTo(404);
        assertThat(utrecht.get(decision + "/confirmation").statusCode()).isEqualTo(404);
        assertThat(utrecht.post(decision + "/edit", DECISION_FORM + zwolleCase).statusCode())
                .isEqualTo(404);
        assertThat(utrecht.post(decision + "/confirmation", DECISION_FORM + zwolleCase)
                        .statusCode())
                .isEqualTo(404);
        assertRedirect(zwolle.post(decision + "/confirmation", DECISION_FORM + zwolleCase), "/review");
        assertThat(utrecht.post(objection, OBJECTION_FORM).statusCode()).isEqualTo(404);
        assertRedirect(zwolle.post(objection, OBJECTION_FORM), "/review/cases/" + zwolleCase);

        // and the case is decided and reopened in Zwolle, by Zwolle's reviewer only
        assertThat(reviewerActions(zwolleCase, TestUsers.REVIEWER)).isEmpty();
        assertThat(reviewerActions(zwolleCase, ZWOLLE_REVIEWER))
                .contains("CASE_DECIDED_BY_REVIEWER", "OBJECTION_REGISTERED");
    }

    @Test
    void theQueueAndDashboardOfUtrechtDoNotCountAZwolleCase() {
        // given
        Http utrecht = new Http(port).as(TestUsers.REVIEWER);
        Http zwolle = new Http(port).as(ZWOLLE_REVIEWER);
        long utrechtQueue = total(utrecht.get("/api/review/tasks"));
        long utrechtDashboard = queueSize(utrecht.get("/api/dashboard"));
        long zwolleQueue = total(zwolle.get("/api/review/tasks"));
        long zwolleDashboard = queueSize(zwolle.get("/api/dashboard"));

        // when
        long zwolleCase = decideNow(ZWOLLE_INTAKE);

        // then
        assertThat(total(utrecht.get("/api/review/tasks"))).isEqualTo(utrechtQueue);
        assertThat(total(new Http(port).as(TestUsers.AUDITOR).get("/api/review/tasks")))
                .isEqualTo(utrechtQueue);
        assertThat(queueSize(utrecht.get("/api/dashboard"))).isEqualTo(utrechtDashboard);
        assertThat(queueSize(new Http(port).as(TestUsers.SCHEDULER).get("/api/dashboard")))
                .isEqualTo(utrechtDashboard);
        assertThat(caseIds(utrecht.get("/api/review/tasks?size=100"))).doesNotContain(zwolleCase);
        assertThat(Browserless.signedIn(port, TestUsers.REVIEWER).get("/review").body())
                .doesNotContain("/review/cases/" + zwolleCase + "\"");
        assertThat(total(zwolle.get("/api/review/tasks"))).isEqualTo(zwolleQueue + 1);
        assertThat(queueSize(zwolle.get("/api/dashboard"))).isEqualTo(zwolleDashboard + 1);
        assertThat(caseIds(zwolle.get("/api/review/tasks?size=100"))).contains(zwolleCase);
        assertThat(Browserless.signedIn(port, ZWOLLE_REVIEWER).get("/review").body())
                .contains("/review/cases/" + zwolleCase + "\"");
    }

    private HttpResponse<String> get(Read read, String user, String path) {
        return read.page()
                ? Browserless.signedIn(port, user).get(path)
                : new Http(port).as(user).get(path);
    }

    private long openTask(long zwolleCase) throws Exception {
        return Municipality.call(
                ZWOLLE,
                () -> jdbc.queryForObject(
                        "select id from review_tasks where case_id = ? and status = 'OPEN'", Long.class, zwolleCase));
    }

    private List<String> reviewerActions(long zwolleCase, String reviewer) throws Exception {
        return Municipality.call(
                ZWOLLE,
                () -> jdbc.queryForList(
                        "select action from audit_log where actor = ? and (subject_type = 'case' and subject_id = ?"
                                + " or subject_type = 'review-task' and subject_id in"
                                + " (select id::text from review_tasks where case_id = ?)) order by id",
                        String.class,
                        reviewer,
                        Long.toString(zwolleCase),
                        zwolleCase));
    }

    private static void assertRedirect(HttpResponse<String> response, String to) {
        assertThat(response.statusCode()).as(response.body()).isIn(302, 303);
        assertThat(response.headers().firstValue("Location").orElse("")).endsWith(to);
    }

    private long total(HttpResponse<String> queue) {
        assertThat(queue.statusCode()).as(queue.body()).isEqualTo(200);
        return json.readTree(queue.body()).path("total").asLong();
    }

    private long queueSize(HttpResponse<String> dashboard) {
        assertThat(dashboard.statusCode()).as(dashboard.body()).isEqualTo(200);
        return json.readTree(dashboard.body()).path("queueSize").asLong();
    }

    private List<Long> caseIds(HttpResponse<String> queue) {
        assertThat(queue.statusCode()).as(queue.body()).isEqualTo(200);
        List<Long> ids = new ArrayList<>();
        json.readTree(queue.body())
                .path("items")
                .forEach(item -> ids.add(item.path("caseId").asLong()));
        return ids;
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
}
