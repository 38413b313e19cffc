package nl.beslisstraat.engine.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.beslisstraat.engine.security.UserAccounts;
import nl.beslisstraat.engine.support.Browserless;
import nl.beslisstraat.engine.support.DatabaseIntegrationTest;
import nl.beslisstraat.engine.support.Http;
import nl.beslisstraat.engine.support.TestDatabase;
import nl.beslisstraat.engine.support.TestUsers;
import nl.beslisstraat.engine.tenancy.Municipality;
import nl.beslisstraat.engine.tenancy.MunicipalityFilter;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The platform administrator onboards a municipality and its first accounts over REST and the
 * pages, each step in that municipality's audit log; refuses duplicates and malformed fields
 * naming the field, in Dutch over REST and in the page's language on the pages; and reads no
 * municipality's cases, decisions, review tasks, rules or audit trail.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PlatformOnboardingIntegrationTests extends DatabaseIntegrationTest {

    private static final String AMSTERDAM = "0363";
    private static final String AMSTERDAM_REVIEWER = "reviewer-amsterdam";

    private final JsonMapper json = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    UserAccounts accounts;

    @Test
    void anAdministratorOnboardsAmsterdamAndItsReviewerSignsInToAnEmptyQueue() throws Exception {
        Http admin = new Http(port).as(TestUsers.PLATFORM_ADMIN);

        // when
        HttpResponse<String> onboarded = admin.post(
                "/api/platform/municipalities", "application/json", Http.resource("platform/amsterdam.json"));
        HttpResponse<String> created = admin.post(
                "/api/platform/municipalities/" + AMSTERDAM + "/users",
                "application/json",
                Http.resource("platform/amsterdam-reviewer.json"));

        // then
        assertThat(onboarded.statusCode()).as(onboarded.body()).isEqualTo(201);
        assertThat(json.readTree(onboarded.body()).path("name").asString()).isEqualTo("Amsterdam");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(admin.get("/api/platform/municipalities/" + AMSTERDAM + "/users")
                        .body())
                .contains("\"username\":\"" + AMSTERDAM_REVIEWER + "\"")
                .contains("\"roles\":[\"REVIEWER\"]");

        // and Amsterdam's reviewer signs in, chooses a password, works for Amsterdam and finds an empty queue
        Browserless.choosingPassword(port, AMSTERDAM_REVIEWER, "given-reviewer-amsterdam");
        Http reviewer = new Http(port).as(AMSTERDAM_REVIEWER);
        HttpResponse<String> queue = reviewer.get("/api/review/tasks");
        assertThat(queue.statusCode()).as(queue.body()).isEqualTo(200);
        assertThat(json.readTree(queue.body()).path("total").asLong()).isZero();
        assertThat(reviewer.get("/api/dashboard").statusCode()).isEqualTo(200);
        Browserless page = Browserless.signedIn(port, AMSTERDAM_REVIEWER);
        HttpResponse<String> queuePage = page.get("/review");
        assertThat(queuePage.statusCode()).isEqualTo(200);
        assertThat(queuePage.body())
                .contains("id=\"municipality-name\">Amsterdam<")
                .contains("Geen zaken in de werkvoorraad.");
        assertThat(reviewer.get("/api/review/tasks", MunicipalityFilter.HEADER, Municipality.DEFAULT)
                        .statusCode())
                .as("nor may it work for Utrecht")
                .isEqualTo(403);

        // and both steps are in Amsterdam's audit log, by the administrator, and not in Utrecht's
        List<String> amsterdamLog = Municipality.call(
                AMSTERDAM,
                () -> jdbc.queryForList(
                        "select action || ' ' || subject_id from audit_log where actor = ? order by id",
                        String.class,
                        TestUsers.PLATFORM_ADMIN));
        assertThat(amsterdamLog).containsExactly("MUNICIPALITY_ONBOARDED 0363", "USER_CREATED " + AMSTERDAM_REVIEWER);
        assertThat(jdbc.queryForList(
                        "select action from audit_log where subject_id in (?, ?)",
                        String.class,
                        AMSTERDAM,
                        AMSTERDAM_REVIEWER))
                .isEmpty();
    }

    @Test
    void aMunicipalityIsRefusedNamingTheFieldWhenItsCodeOrNameIsTakenOrMalformed() {
        Http admin = new Http(port).as(TestUsers.PLATFORM_ADMIN);

        assertRefused(admin, "{\"cbsCode\": \"0344\", \"name\": \"Utrecht-Oost\"}", 409, "cbsCode", "CBS-code:");
        assertRefused(admin, "{\"cbsCode\": \"0345\", \"name\": \"utrecht\"}", 409, "name", "Naam:");
        assertRefused(admin, "{\"cbsCode\": \"344\", \"name\": \"Drie Cijfers\"}", 400, "cbsCode", "4 cijfers");
        assertRefused(admin, "{\"cbsCode\": \"03444\", \"name\": \"Vijf Cijfers\"}", 400, "cbsCode", "4 cijfers");
        assertRefused(admin, "{\"cbsCode\": \"03a4\", \"name\": \"Letter\"}", 400, "cbsCode", "4 cijfers");
        assertRefused(admin, "{\"cbsCode\": \"0346\", \"name\": \"  \"}", 400, "name", "Naam: verplicht");
        assertThat(jdbc.queryForObject(
                        "select count(*) from municipalities where cbs_code in ('0345', '0346') or name like 'Utrecht-%'",
                        Long.class))
                .isZero();

        HttpResponse<String> duplicate = admin.post(
                "/api/platform/municipalities", "application/json", "{\"cbsCode\": \"0344\", \"name\": \"Utrecht\"}");
        assertThat(json.readTree(duplicate.body()).path("detail").asString())
                .as("a clear Dutch sentence")
                .isEqualTo("CBS-code: gemeente 0344 bestaat al (Utrecht). Er is niets opgeslagen.");
    }

    @Test
    void anAccountIsRefusedNamingTheFieldWhenItBreaksARule() {
        Http admin = new Http(port).as(TestUsers.PLATFORM_ADMIN);
        String users = "/api/platform/municipalities/" + Municipality.DEFAULT + "/users";

        assertField(
                admin.post(users, "application/json", account("kort-wachtwoord", "[\"REVIEWER\"]", "te-kort")),
                400,
                "password");
        assertField(
                admin.post(
                        users, "application/json", account(TestUsers.REVIEWER, "[\"REVIEWER\"]", "lang-genoeg-1234")),
                409,
                "username");
        assertField(
                admin.post(users, "application/json", account("REVIEWER", "[\"REVIEWER\"]", "lang-genoeg-1234")),
                409,
                "username");
        assertField(admin.post(users, "application/json", account("geen-rol", "[]", "lang-genoeg-1234")), 400, "roles");
        assertField(
                admin.post(users, "application/json", account("beheerder", "[\"PLATFORM_ADMIN\"]", "lang-genoeg-1234")),
                400,
                "roles");
        assertField(
                admin.post(users, "application/json", account("onbekend", "[\"MAYOR\"]", "lang-genoeg-1234")),
                400,
                "roles");
        assertField(
                admin.post(users, "application/json", account("met spatie", "[\"REVIEWER\"]", "lang-genoeg-1234")),
                400,
                "username");
        assertThat(admin.post(
                                "/api/platform/municipalities/0001/users",
                                "application/json",
                                account("nergens", "[\"REVIEWER\"]", "lang-genoeg-1234"))
                        .statusCode())
                .isEqualTo(404);
        assertThat(accounts.exists("kort-wachtwoord")).isFalse();
        assertThat(accounts.exists("beheerder")).isFalse();
    }

    @Test
    void anEServiceCreatedForOneMunicipalityIsRefusedASecond() {
        Http admin = new Http(port).as(TestUsers.PLATFORM_ADMIN);
        admin.post(
                "/api/platform/municipalities", "application/json", "{\"cbsCode\": \"0599\", \"name\": \"Rotterdam\"}");
        HttpResponse<String> eservice = admin.post(
                "/api/platform/municipalities/0599/users",
                "application/json",
                account("eloket-rotterdam", "[\"INTAKE\"]", "lang-genoeg-1234"));
        assertThat(eservice.statusCode()).as(eservice.body()).isIn(201, 409);

        HttpResponse<String> second = admin.post(
                "/api/platform/municipalities/" + Municipality.DEFAULT + "/memberships",
                "application/json",
                "{\"username\": \"eloket-rotterdam\", \"roles\": [\"INTAKE\"]}");

        assertField(second, 400, "roles");
        assertThat(json.readTree(second.body()).path("detail").asString()).contains("precies één gemeente");
        assertThat(jdbc.queryForList(
                        "select municipality from user_municipalities where username = 'eloket-rotterdam'",
                        String.class))
                .containsExactly("0599");
    }

    @Test
    void anExistingAccountIsGivenRolesInASecondMunicipality() throws Exception {
        Http admin = new Http(port).as(TestUsers.PLATFORM_ADMIN);
        admin.post(
                "/api/platform/municipalities", "application/json", "{\"cbsCode\": \"0014\", \"name\": \"Groningen\"}");

        HttpResponse<String> granted = admin.post(
                "/api/platform/municipalities/0014/memberships",
                "application/json",
                "{\"username\": \"" + TestUsers.SCHEDULER + "\", \"roles\": [\"SCHEDULER\", \"AUDITOR\"]}");

        assertThat(granted.statusCode()).as(granted.body()).isEqualTo(201);
        Http scheduler = new Http(port).as(TestUsers.SCHEDULER);
        assertThat(scheduler.get("/api/review/tasks").statusCode())
                .as("no auditor in Utrecht")
                .isEqualTo(403);
        assertThat(scheduler
                        .get("/api/review/tasks", MunicipalityFilter.HEADER, "0014")
                        .statusCode())
                .as("an auditor in Groningen")
                .isEqualTo(200);
        assertThat(Municipality.call(
                        "0014",
                        () -> jdbc.queryForList(
                                "select action from audit_log where subject_id = ?",
                                String.class,
                                TestUsers.SCHEDULER)))
                .contains("MEMBERSHIP_GRANTED");

        // but a platform administrator works for no municipality: refused, naming the field
        JsonNode refused = assertField(
                admin.post(
                        "/api/platform/municipalities/0014/memberships",
                        "application/json",
                        "{\"username\": \"" + TestUsers.PLATFORM_ADMIN + "\", \"roles\": [\"AUDITOR\"]}"),
                400,
                "username");
        assertThat(refused.path("message").asString()).contains("platformbeheerder");
    }

    @Test
    void aPersonAndAnEServiceThatLeaveAMunicipalityLoseTheirRolesAndKeysThereAtOnce() throws Exception {
        Http admin = new Http(port).as(TestUsers.PLATFORM_ADMIN);
        String almere = "0034";
        String reviewer = "reviewer-almere";
        String eService = "eloket-almere";
        admin.post("/api/platform/municipalities", "application/json", "{\"cbsCode\": \"0034\", \"name\": \"Almere\"}");
        assertThat(admin.post(
                                "/api/platform/municipalities/" + almere + "/users",
                                "application/json",
                                newAccount(reviewer, "AL-1", "REVIEWER"))
                        .statusCode())
                .isEqualTo(201);
        assertThat(admin.post(
                                "/api/platform/municipalities/" + almere + "/users",
                                "application/json",
                                newAccount(eService, "AL-2", "INTAKE"))
                        .statusCode())
                .isEqualTo(201);
        HttpResponse<String> issued = admin.post(
                "/api/platform/municipalities/" + almere + "/api-keys",
                "application/json",
                "{\"username\": \"" + eService + "\"}");
        Http withKey =
                new Http(port).bearer(json.readTree(issued.body()).path("key").asString());
        String application = Http.resource("intake/parking-permit-zone-a.json");
        // given: the reviewer works in a session of its own, and the e-service's key is in use
        Browserless session = Browserless.choosingPassword(port, reviewer, "given-" + reviewer);
        Http reviewerApi = new Http(port).as(reviewer);
        assertThat(session.get("/review").statusCode()).isEqualTo(200);
        assertThat(reviewerApi.get("/api/review/tasks").statusCode()).isEqualTo(200);
        assertThat(withKey.post("/api/cases", "application/json", application).statusCode())
                .isEqualTo(202);
        HttpResponse<String> toReview = withKey.post(
                "/api/cases/decide-now",
                "application/json",
                Http.resource("intake/parking-permit-length-missing.json"));
        assertThat(toReview.statusCode()).as(toReview.body()).isEqualTo(201);
        long task = json.readTree(reviewerApi.get("/api/review/tasks").body())
                .path("items")
                .path(0)
                .path("taskId")
                .asLong();
        assertThat(reviewerApi
                        .send("POST", "/api/review/tasks/" + task + "/claim")
                        .statusCode())
                .isEqualTo(204);
        assertThat(Municipality.call(
                        almere, () -> jdbc.queryForObject("select claimed_by from review_tasks", String.class)))
                .isEqualTo(reviewer);

        // when: the administrator withdraws both from Almere
        HttpResponse<String> reviewerWithdrawn =
                admin.send("DELETE", "/api/platform/municipalities/" + almere + "/memberships/" + reviewer);
        HttpResponse<String> eServiceWithdrawn =
                admin.send("DELETE", "/api/platform/municipalities/" + almere + "/memberships/" + eService);

        // then: their very next requests are refused, in the open session too
        assertThat(reviewerWithdrawn.statusCode()).as(reviewerWithdrawn.body()).isEqualTo(204);
        assertThat(eServiceWithdrawn.statusCode()).as(eServiceWithdrawn.body()).isEqualTo(204);
        assertThat(session.get("/review").statusCode()).isEqualTo(403);
        assertThat(reviewerApi.get("/api/review/tasks").statusCode()).isEqualTo(403);
        assertThat(withKey.post("/api/cases", "application/json", application).statusCode())
                .isEqualTo(401);
        assertThat(admin.get("/api/platform/municipalities/" + almere + "/users")
                        .body())
                .doesNotContain(reviewer)
                .doesNotContain(eService);
        // and: the task she held is free for her former colleagues at once, not after the claim lapses
        assertThat(Municipality.call(
                        almere,
                        () -> jdbc.queryForList(
                                "select id from review_tasks where claimed_by is null and status = 'OPEN'",
                                Long.class)))
                .containsExactly(task);
        // and: the key stays revoked should the e-service be given the role again
        admin.post(
                "/api/platform/municipalities/" + almere + "/memberships",
                "application/json",
                "{\"username\": \"" + eService + "\", \"roles\": [\"INTAKE\"]}");
        assertThat(withKey.post("/api/cases", "application/json", application).statusCode())
                .isEqualTo(401);
        // and: each step is in Almere's audit trail with the administrator's name
        assertThat(Municipality.call(
                        almere,
                        () -> jdbc.queryForList(
                                "select action || ' ' || subject_id from audit_log where actor = ?"
                                        + " and action in ('MEMBERSHIP_WITHDRAWN', 'API_KEY_REVOKED') order by id",
                                String.class,
                                TestUsers.PLATFORM_ADMIN)))
                .containsExactly(
                        "MEMBERSHIP_WITHDRAWN " + reviewer,
                        "MEMBERSHIP_WITHDRAWN " + eService,
                        "API_KEY_REVOKED " + eService);
        assertThat(Municipality.call(
                        almere,
                        () -> jdbc.queryForObject(
                                "select details->>'roles' from audit_log where action = 'MEMBERSHIP_WITHDRAWN'"
                                        + " and subject_id = ?",
                                String.class,
                                reviewer)))
                .contains("REVIEWER");

        // and: an account that does not work there is 404, and nobody else may withdraw
        assertThat(admin.send("DELETE", "/api/platform/municipalities/" + almere + "/memberships/" + reviewer)
                        .statusCode())
                .isEqualTo(404);
        assertThat(admin.send("DELETE", "/api/platform/municipalities/9999/memberships/" + reviewer)
                        .statusCode())
                .isEqualTo(404);
        assertThat(new Http(port)
                        .as(TestUsers.POLICY_OFFICER)
                        .send("DELETE", "/api/platform/municipalities/" + almere + "/memberships/" + eService)
                        .statusCode())
                .isEqualTo(403);
    }

    @Test
    void anAccountDisabledEverywhereIsRefusedInEveryMunicipalityAtOnce() throws Exception {
        Http admin = new Http(port).as(TestUsers.PLATFORM_ADMIN);
        String lelystad = "0995";
        String reviewer = "reviewer-lelystad";
        String eService = "eloket-lelystad";
        admin.post(
                "/api/platform/municipalities", "application/json", "{\"cbsCode\": \"0995\", \"name\": \"Lelystad\"}");
        admin.post(
                "/api/platform/municipalities/" + lelystad + "/users",
                "application/json",
                newAccount(reviewer, "LE-1", "REVIEWER"));
        admin.post(
                "/api/platform/municipalities/" + lelystad + "/users",
                "application/json",
                newAccount(eService, "LE-2", "INTAKE"));
        assertThat(admin.post(
                                "/api/platform/municipalities/" + Municipality.DEFAULT + "/memberships",
                                "application/json",
                                "{\"username\": \"" + reviewer + "\", \"roles\": [\"AUDITOR\"]}")
                        .statusCode())
                .isEqualTo(201);
        Http withKey = new Http(port)
                .bearer(json.readTree(admin.post(
                                        "/api/platform/municipalities/" + lelystad + "/api-keys",
                                        "application/json",
                                        "{\"username\": \"" + eService + "\"}")
                                .body())
                        .path("key")
                        .asString());
        // given: the reviewer has a session open and holds a task; the e-service's key is in use
        Browserless session = Browserless.choosingPassword(port, reviewer, "given-" + reviewer);
        Http reviewerApi = new Http(port).as(reviewer);
        assertThat(withKey.post(
                                "/api/cases/decide-now",
                                "application/json",
                                Http.resource("intake/parking-permit-length-missing.json"))
                        .statusCode())
                .isEqualTo(201);
        long task = json.readTree(reviewerApi
                        .get("/api/review/tasks", MunicipalityFilter.HEADER, lelystad)
                        .body())
                .path("items")
                .path(0)
                .path("taskId")
                .asLong();
        assertThat(reviewerApi
                        .send("POST", "/api/review/tasks/" + task + "/claim", MunicipalityFilter.HEADER, lelystad)
                        .statusCode())
                .isEqualTo(204);
        assertThat(session.get("/review").statusCode()).isEqualTo(200);

        // when: the administrator disables both, each with one call
        assertThat(admin.send("POST", "/api/platform/accounts/" + reviewer + "/disable")
                        .statusCode())
                .isEqualTo(204);
        assertThat(admin.send("POST", "/api/platform/accounts/" + eService + "/disable")
                        .statusCode())
                .isEqualTo(204);

        // then: nothing they hold opens anything, in either municipality, from the next request on
        HttpResponse<String> ended = session.get("/review");
        assertThat(ended.statusCode()).isEqualTo(302);
        assertThat(ended.headers().firstValue("Location").orElseThrow()).contains("/login");
        assertThat(reviewerApi
                        .get("/api/review/tasks", MunicipalityFilter.HEADER, lelystad)
                        .statusCode())
                .isEqualTo(401);
        assertThat(reviewerApi.get("/api/review/tasks").statusCode())
                .as("nor as auditor in Utrecht")
                .isEqualTo(401);
        assertThat(withKey.post("/api/cases", "application/json", Http.resource("intake/parking-permit-zone-a.json"))
                        .statusCode())
                .isEqualTo(401);
        assertThat(Municipality.call(
                        lelystad,
                        () -> jdbc.queryForList(
                                "select id from review_tasks where claimed_by is null and status = 'OPEN'",
                                Long.class)))
                .containsExactly(task);
        // and: their roles stay in view, marked disabled; each municipality's log says so
        assertThat(admin.get("/api/platform/municipalities/" + lelystad + "/users")
                        .body())
                .contains("\"username\":\"" + reviewer + "\"")
                .doesNotContain("\"enabled\":true");
        assertThat(auditedBy(lelystad))
                .containsExactly(
                        "USER_DISABLED " + reviewer, "USER_DISABLED " + eService, "API_KEY_REVOKED " + eService);
        assertThat(auditedBy(Municipality.DEFAULT)).contains("USER_DISABLED " + reviewer);

        // and: asking again harms nothing and says nothing twice; an unknown account is 404, the
        // administrator's own is refused, and nobody else may disable
        assertThat(admin.send("POST", "/api/platform/accounts/" + reviewer + "/disable")
                        .statusCode())
                .isEqualTo(204);
        assertThat(auditedBy(lelystad))
                .containsExactly(
                        "USER_DISABLED " + reviewer, "USER_DISABLED " + eService, "API_KEY_REVOKED " + eService);
        assertThat(admin.send("POST", "/api/platform/accounts/nobody-at-all/disable")
                        .statusCode())
                .isEqualTo(404);
        HttpResponse<String> own =
                admin.send("POST", "/api/platform/accounts/" + TestUsers.PLATFORM_ADMIN + "/disable");
        assertThat(own.statusCode()).isEqualTo(400);
        assertThat(own.body()).contains("eigen account");
        assertThat(admin.get("/api/platform/municipalities").statusCode()).isEqualTo(200);
        assertThat(new Http(port)
                        .as(TestUsers.POLICY_OFFICER)
                        .send("POST", "/api/platform/accounts/" + TestUsers.REVIEWER + "/disable")
                        .statusCode())
                .isEqualTo(403);
        assertThat(new Http(port)
                        .as(TestUsers.REVIEWER)
                        .get("/api/review/tasks")
                        .statusCode())
                .isEqualTo(200);
    }

    @Test
    void theMunicipalityPageDisablesAnAccountAndShowsItDisabled() {
        Http admin = new Http(port).as(TestUsers.PLATFORM_ADMIN);
        String leaving = "leaving-zwolle";
        admin.post(
                "/api/platform/municipalities/" + TestUsers.ZWOLLE + "/users",
                "application/json",
                newAccount(leaving, "ZW-9", "MONITORING"));
        Browserless pages = Browserless.signedIn(port, TestUsers.PLATFORM_ADMIN);
        assertThat(pages.get("/platform/municipalities/" + TestUsers.ZWOLLE).body())
                .contains("id=\"disable-" + leaving + "\"");

        HttpResponse<String> disabled =
                pages.post("/platform/municipalities/" + TestUsers.ZWOLLE + "/accounts/" + leaving + "/disable", "");

        assertThat(disabled.statusCode()).isEqualTo(302);
        String page = pages.get("/platform/municipalities/" + TestUsers.ZWOLLE).body();
        assertThat(page)
                .contains("Account " + leaving + " is uitgeschakeld in alle gemeenten")
                .doesNotContain("id=\"disable-" + leaving + "\"")
                .contains("id=\"disable-again-" + leaving + "\"");
        assertThat(jdbc.queryForObject("select enabled from users where username = ?", Boolean.class, leaving))
                .isFalse();
        assertThat(pages.post("/platform/municipalities/9999/accounts/" + leaving + "/disable", "")
                        .statusCode())
                .isEqualTo(404);
        pages.post("/platform/municipalities/" + TestUsers.ZWOLLE + "/accounts/nobody-at-all/disable", "");
        assertThat(pages.get("/platform/municipalities/" + TestUsers.ZWOLLE).body())
                .contains("Gebruikersnaam: er is geen account nobody-at-all.");
    }

    @Test
    void aMunicipalityWhosePartFailsIsNamedAndFinishedWhenAskedAgain() throws Exception {
        Http admin = new Http(port).as(TestUsers.PLATFORM_ADMIN);
        String failing = TestDatabase.newMunicipality(); // after 0344
        String person = "twice-employed";
        admin.post(
                "/api/platform/municipalities/" + Municipality.DEFAULT + "/users",
                "application/json",
                newAccount(person, "TW-1", "REVIEWER"));
        assertThat(admin.post(
                                "/api/platform/municipalities/" + failing + "/memberships",
                                "application/json",
                                "{\"username\": \"" + person + "\", \"roles\": [\"AUDITOR\"]}")
                        .statusCode())
                .isEqualTo(201);
        HttpResponse<String> partly = whileTheLogRefuses(
                "new.municipality = '" + failing + "' and new.action = 'USER_DISABLED'",
                () -> admin.send("POST", "/api/platform/accounts/" + person + "/disable"));

        // then: disabled at once, and the municipality still to do is named
        assertThat(partly.statusCode()).isEqualTo(500);
        assertThat(json.readTree(partly.body()).path("unfinished").toString()).isEqualTo("[\"" + failing + "\"]");
        assertThat(new Http(port).as(person).get("/api/review/tasks").statusCode())
                .isEqualTo(401);
        assertThat(disabledIn(failing, person)).isEmpty();

        // when: asked again, it is finished there, and said once where it was already said
        assertThat(admin.send("POST", "/api/platform/accounts/" + person + "/disable")
                        .statusCode())
                .isEqualTo(204);
        assertThat(disabledIn(failing, person)).containsExactly("USER_DISABLED");
        assertThat(disabledIn(Municipality.DEFAULT, person)).containsExactly("USER_DISABLED");
    }

    @Test
    void anAccountGivenANewPasswordOpensWithItOnlyAndItsHolderChoosesTheirOwn() throws Exception {
        Http admin = new Http(port).as(TestUsers.PLATFORM_ADMIN);
        String forgetful = "forgetful-reviewer";
        admin.post(
                "/api/platform/municipalities/" + TestUsers.ZWOLLE + "/users",
                "application/json",
                newAccount(forgetful, "FO-1", "REVIEWER"));
        admin.post(
                "/api/platform/municipalities/" + Municipality.DEFAULT + "/memberships",
                "application/json",
                "{\"username\": \"" + forgetful + "\", \"roles\": [\"AUDITOR\"]}");
        Browserless session = Browserless.choosingPassword(port, forgetful, "given-" + forgetful);
        assertThat(session.get("/review").statusCode()).isEqualTo(200);
        // and: the account is locked after failed sign-ins with a password its holder misremembers
        jdbc.update(
                "insert into sign_in_throttle (kind, key, failures, first_failure_at, not_before, locked_until)"
                        + " values ('ACCOUNT', ?, 10, now(), now() + interval '15 minutes', now() + interval '15 minutes')",
                forgetful);

        HttpResponse<String> given = admin.send("POST", "/api/platform/accounts/" + forgetful + "/password");

        assertThat(given.statusCode()).isEqualTo(200);
        assertThat(given.headers().firstValue("Cache-Control").orElse("")).contains("no-store");
        JsonNode answer = json.readTree(given.body());
        String password = answer.path("password").asString();
        assertThat(password).hasSize(16);
        assertThat(answer.path("enabledAgain").asBoolean()).isFalse();
        assertThat(answer.path("unrecorded").toString()).isEqualTo("[]");
        // the password stored as a hash only
        assertThat(jdbc.queryForObject("select password_hash from users where username = ?", String.class, forgetful))
                .doesNotContain(password)
                .startsWith("{bcrypt}");
        // the session signed in with the old password ends, the old password opens nothing
        HttpResponse<String> ended = session.get("/review");
        assertThat(ended.statusCode()).isEqualTo(302);
        assertThat(ended.headers().firstValue("Location").orElseThrow()).contains("/login");
        assertThat(new Http(port).as(forgetful).get("/api/review/tasks").statusCode())
                .isEqualTo(401);
        // the new one opens the account, lock lifted, for choosing a password of the holder's own only
        assertThat(new Http(port)
                        .basic(forgetful, password)
                        .get("/api/review/tasks")
                        .statusCode())
                .isEqualTo(403);
        Browserless.choosingPassword(port, forgetful, password);
        assertThat(new Http(port).as(forgetful).get("/api/review/tasks").statusCode())
                .isEqualTo(200);
        // each municipality the account works for says so in its log
        assertThat(passwordEventsIn(TestUsers.ZWOLLE, forgetful)).containsExactly("PASSWORD_GIVEN");
        assertThat(passwordEventsIn(Municipality.DEFAULT, forgetful)).containsExactly("PASSWORD_GIVEN");

        // and: an unknown account is 404, the administrator's own is refused (other roles: AuthorizationTests)
        assertThat(admin.send("POST", "/api/platform/accounts/nobody-at-all/password")
                        .statusCode())
                .isEqualTo(404);
        HttpResponse<String> own =
                admin.send("POST", "/api/platform/accounts/" + TestUsers.PLATFORM_ADMIN + "/password");
        assertThat(own.statusCode()).isEqualTo(400);
        assertThat(own.body()).contains("eigen wachtwoord");
    }

    @Test
    void aDisabledAccountIsEnabledAgainWithItsRolesAndANewPasswordButNotItsKeys() throws Exception {
        Http admin = new Http(port).as(TestUsers.PLATFORM_ADMIN);
        String eService = "eloket-returning";
        admin.post(
                "/api/platform/municipalities/" + TestUsers.ZWOLLE + "/users",
                "application/json",
                newAccount(eService, "RE-1", "INTAKE"));
        Http withKey = new Http(port)
                .bearer(json.readTree(admin.post(
                                        "/api/platform/municipalities/" + TestUsers.ZWOLLE + "/api-keys",
                                        "application/json",
                                        "{\"username\": \"" + eService + "\"}")
                                .body())
                        .path("key")
                        .asString());
        assertThat(admin.send("POST", "/api/platform/accounts/" + eService + "/disable")
                        .statusCode())
                .isEqualTo(204);

        JsonNode answer = json.readTree(admin.send("POST", "/api/platform/accounts/" + eService + "/password")
                .body());

        assertThat(answer.path("enabledAgain").asBoolean()).isTrue();
        // an e-service keeps the password it is given, with the roles it had; its revoked key stays revoked
        Http withPassword =
                new Http(port).basic(eService, answer.path("password").asString());
        assertThat(withPassword
                        .post("/api/cases", "application/json", Http.resource("intake/parking-permit-zone-a.json"))
                        .statusCode())
                .as("queued")
                .isEqualTo(202);
        assertThat(withKey.post("/api/cases", "application/json", Http.resource("intake/parking-permit-zone-a.json"))
                        .statusCode())
                .isEqualTo(401);
        assertThat(passwordEventsIn(TestUsers.ZWOLLE, eService)).containsExactly("USER_DISABLED", "USER_ENABLED");

        // when: disabled a second time, the log says so again, and the account opens nothing
        assertThat(admin.send("POST", "/api/platform/accounts/" + eService + "/disable")
                        .statusCode())
                .isEqualTo(204);
        assertThat(passwordEventsIn(TestUsers.ZWOLLE, eService))
                .containsExactly("USER_DISABLED", "USER_ENABLED", "USER_DISABLED");
        assertThat(withPassword
                        .post("/api/cases", "application/json", Http.resource("intake/parking-permit-zone-a.json"))
                        .statusCode())
                .isEqualTo(401);
    }

    @Test
    void anotherPlatformAdministratorGivenAPasswordIsInThePlatformsLog() throws Exception {
        String second = "second-platform-admin";
        accounts.createPlatformAdministrator(second, "PL-2", "Tweede beheerder", "given-" + second, "test");
        Http admin = new Http(port).as(TestUsers.PLATFORM_ADMIN);

        HttpResponse<String> given = admin.send("POST", "/api/platform/accounts/" + second + "/password");

        assertThat(given.statusCode()).isEqualTo(200);
        String password = json.readTree(given.body()).path("password").asString();
        assertThat(new Http(port)
                        .basic(second, "given-" + second)
                        .get("/api/platform/municipalities")
                        .statusCode())
                .isEqualTo(401);
        assertThat(new Http(port)
                        .basic(second, password)
                        .get("/api/platform/municipalities")
                        .statusCode())
                .as("to choose a password of their own first")
                .isEqualTo(403);
        assertThat(admin.get("/api/platform/audit?limit=5").body())
                .contains("\"action\":\"PASSWORD_GIVEN\"")
                .contains("\"subjectId\":\"" + second + "\"");
    }

    @Test
    void theMunicipalityPageGivesANewPasswordShownOnceAndEnablesADisabledAccount() {
        Http admin = new Http(port).as(TestUsers.PLATFORM_ADMIN);
        String person = "page-forgetful";
        admin.post(
                "/api/platform/municipalities/" + TestUsers.ZWOLLE + "/users",
                "application/json",
                newAccount(person, "PF-1", "MONITORING"));
        Browserless pages = Browserless.signedIn(port, TestUsers.PLATFORM_ADMIN);
        String municipalityPage = "/platform/municipalities/" + TestUsers.ZWOLLE;
        assertThat(pages.get(municipalityPage).body()).contains("id=\"password-" + person + "\"");

        HttpResponse<String> given = pages.post(municipalityPage + "/accounts/" + person + "/password", "");

        assertThat(given.statusCode())
                .as("shown on the answering page, no redirect")
                .isEqualTo(200);
        assertThat(given.headers().firstValue("Cache-Control").orElse("")).contains("no-store");
        Matcher shown = Pattern.compile("id=\"given-password\">([^<]+)<").matcher(given.body());
        assertThat(shown.find()).isTrue();
        assertThat(given.body()).contains("Nieuw wachtwoord voor " + person);
        assertThat(new Http(port)
                        .basic(person, shown.group(1))
                        .get("/api/operations/metrics", MunicipalityFilter.HEADER, TestUsers.ZWOLLE)
                        .statusCode())
                .as("a monitoring account keeps the password it is given")
                .isEqualTo(200);
        assertThat(pages.get(municipalityPage).body()).as("shown once").doesNotContain(shown.group(1));

        pages.post(municipalityPage + "/accounts/" + person + "/disable", "");
        assertThat(pages.get(municipalityPage).body()).contains("id=\"enable-" + person + "\"");
        HttpResponse<String> enabled = pages.post(municipalityPage + "/accounts/" + person + "/password", "");
        assertThat(enabled.body()).contains("Account " + person + " is weer ingeschakeld");
        assertThat(jdbc.queryForObject("select enabled from users where username = ?", Boolean.class, person))
                .isTrue();

        assertThat(pages.post("/platform/municipalities/9999/accounts/" + person + "/password", "")
                        .statusCode())
                .isEqualTo(404);
        assertThat(pages.post(municipalityPage + "/accounts/nobody-at-all/password", "")
                        .body())
                .contains("Gebruikersnaam: er is geen account nobody-at-all.");
    }

    private List<String> passwordEventsIn(String municipality, String subject) throws Exception {
        return Municipality.call(
                municipality,
                () -> jdbc.queryForList(
                        "select action from audit_log where subject_id = ? and action in ('PASSWORD_GIVEN',"
                                + " 'USER_ENABLED', 'USER_DISABLED') order by id",
                        String.class,
                        subject));
    }

    @Test
    void anAccountIsDisabledEvenWhenItsFirstMunicipalitysCleanUpFails() throws Exception {
        Http admin = new Http(port).as(TestUsers.PLATFORM_ADMIN);
        String eService = "eloket-first-fails";
        admin.post(
                "/api/platform/municipalities/" + Municipality.DEFAULT + "/users",
                "application/json",
                newAccount(eService, "FF-1", "INTAKE"));
        String keyId = json.readTree(admin.post(
                                "/api/platform/municipalities/" + Municipality.DEFAULT + "/api-keys",
                                "application/json",
                                "{\"username\": \"" + eService + "\"}")
                        .body())
                .path("keyId")
                .asString();
        HttpResponse<String> partly = whileTheLogRefuses(
                "new.action = 'API_KEY_REVOKED' and new.subject_id = '" + eService + "'",
                () -> admin.send("POST", "/api/platform/accounts/" + eService + "/disable"));

        // then: the account is disabled all the same, and its municipality named as still to do
        assertThat(partly.statusCode()).isEqualTo(500);
        assertThat(json.readTree(partly.body()).path("unfinished").toString())
                .isEqualTo("[\"" + Municipality.DEFAULT + "\"]");
        assertThat(jdbc.queryForObject("select enabled from users where username = ?", Boolean.class, eService))
                .isFalse();
        assertThat(new Http(port)
                        .basic(eService, "given-" + eService)
                        .get("/api/cases/1")
                        .statusCode())
                .isEqualTo(401);

        // when: asked again, the key is revoked, and the log says the account was disabled once
        assertThat(admin.send("POST", "/api/platform/accounts/" + eService + "/disable")
                        .statusCode())
                .isEqualTo(204);
        assertThat(jdbc.queryForObject(
                        "select revoked_at is not null from api_keys where key_id = ?", Boolean.class, keyId))
                .isTrue();
        assertThat(disabledIn(Municipality.DEFAULT, eService)).containsExactly("USER_DISABLED");
    }

    /**
     * Does the work while the audit log refuses entries that match the condition (on {@code new}),
     * as a municipality's database part failing midway would.
     */
    private static <T> T whileTheLogRefuses(String condition, java.util.function.Supplier<T> work) {
        JdbcTemplate superuser = new JdbcTemplate(TestDatabase.owner());
        superuser.execute("create function refuse_for_the_test() returns trigger language plpgsql as"
                + " $$ begin raise exception 'refused for the test'; end $$");
        superuser.execute("create trigger refuse_for_the_test before insert on audit_log for each row when ("
                + condition + ") execute function refuse_for_the_test()");
        try {
            return work.get();
        } finally {
            superuser.execute("drop trigger refuse_for_the_test on audit_log");
            superuser.execute("drop function refuse_for_the_test()");
        }
    }

    private List<String> disabledIn(String municipality, String subject) throws Exception {
        return Municipality.call(
                municipality,
                () -> jdbc.queryForList(
                        "select action from audit_log where subject_id = ? and action = 'USER_DISABLED' order by id",
                        String.class,
                        subject));
    }

    @Test
    void theMunicipalityPageIssuesAKeyShownOnceAndRevokesIt() {
        Http admin = new Http(port).as(TestUsers.PLATFORM_ADMIN);
        String apeldoorn = "0200";
        String eService = "eloket-apeldoorn";
        admin.post(
                "/api/platform/municipalities", "application/json", "{\"cbsCode\": \"0200\", \"name\": \"Apeldoorn\"}");
        Browserless pages = Browserless.signedIn(port, TestUsers.PLATFORM_ADMIN);
        assertThat(pages.get("/platform/municipalities/" + apeldoorn).body()).contains("id=\"no-e-services\"");
        admin.post(
                "/api/platform/municipalities/" + apeldoorn + "/users",
                "application/json",
                newAccount(eService, "AP-1", "INTAKE"));

        String form = "username=" + eService + "&seen=0"; // as the page with no keys yet sends it
        HttpResponse<String> issued = pages.post("/platform/municipalities/" + apeldoorn + "/api-keys", form);

        assertThat(issued.statusCode()).isEqualTo(200);
        assertThat(issued.headers().firstValue("Cache-Control").orElse(""))
                .as("no cache keeps the page with the key")
                .contains("no-store");
        java.util.regex.Matcher shown = java.util.regex.Pattern.compile("id=\"issued-key\">(bsk_[^<]+)<")
                .matcher(issued.body());
        assertThat(shown.find()).as(issued.body()).isTrue();
        String key = shown.group(1);
        Http withKey = new Http(port).bearer(key);
        String application = Http.resource("intake/parking-permit-zone-a.json");
        assertThat(withKey.post("/api/cases", "application/json", application).statusCode())
                .isEqualTo(202);
        String listed = pages.get("/platform/municipalities/" + apeldoorn).body();
        assertThat(listed).as("shown once").doesNotContain(key).contains("in gebruik");
        String keyId = json.readTree(admin.get("/api/platform/municipalities/" + apeldoorn + "/api-keys")
                        .body())
                .path(0)
                .path("keyId")
                .asString();
        assertThat(listed).contains("id=\"key-" + keyId + "\"").contains("name=\"seen\" value=\"1\"");
        // the same form sent again, as a reload of the page with the key does: no second key
        HttpResponse<String> reloaded = pages.post("/platform/municipalities/" + apeldoorn + "/api-keys", form);
        assertThat(reloaded.body()).contains("id=\"key-again\"").doesNotContain("id=\"issued-key\"");
        assertThat(json.readTree(admin.get("/api/platform/municipalities/" + apeldoorn + "/api-keys")
                                .body())
                        .size())
                .isEqualTo(1);

        assertThat(pages.post("/platform/municipalities/" + apeldoorn + "/api-keys/" + keyId + "/revoke", "")
                        .statusCode())
                .isEqualTo(302);
        assertThat(pages.get("/platform/municipalities/" + apeldoorn).body())
                .contains("Sleutel " + keyId + " is ingetrokken.")
                .doesNotContain("id=\"revoke-" + keyId + "\"");
        assertThat(withKey.post("/api/cases", "application/json", application).statusCode())
                .isEqualTo(401);
        pages.post("/platform/municipalities/" + apeldoorn + "/api-keys/" + keyId + "/revoke", "");
        assertThat(pages.get("/platform/municipalities/" + apeldoorn).body())
                .contains("Sleutel " + keyId + " was al ingetrokken");

        // a person's account gets no key, and an unknown municipality is not found
        assertThat(pages.post(
                                "/platform/municipalities/" + apeldoorn + "/api-keys",
                                "username=" + TestUsers.REVIEWER + "&seen=1")
                        .body())
                .contains("id=\"key-username-error\"")
                .doesNotContain("id=\"issued-key\"");
        assertThat(pages.post("/platform/municipalities/9999/api-keys", "username=" + eService)
                        .statusCode())
                .isEqualTo(404);
        assertThat(pages.post("/platform/municipalities/9999/api-keys/" + keyId + "/revoke", "")
                        .statusCode())
                .isEqualTo(404);
    }

    /** The actions the platform administrator's requests left in a municipality's log, oldest first. */
    private List<String> auditedBy(String municipality) throws Exception {
        return Municipality.call(
                municipality,
                () -> jdbc.queryForList(
                        "select action || ' ' || subject_id from audit_log where actor = ?"
                                + " and action in ('USER_DISABLED', 'API_KEY_REVOKED') order by id",
                        String.class,
                        TestUsers.PLATFORM_ADMIN));
    }

    private static String newAccount(String username, String personId, String role) {
        return "{\"username\": \"" + username + "\", \"personId\": \"" + personId
                + "\", \"displayName\": \"" + username + "\", \"roles\": [\"" + role
                + "\"], \"password\": \"given-" + username + "\"}";
    }

    @Test
    void theAdministratorReadsNoCaseDataOfAnyMunicipality() {
        // given: a case with a decision, a review task and audit entries in Utrecht
        HttpResponse<String> decided = new Http(port)
                .as(TestUsers.INTAKE)
                .post(
                        "/api/cases/decide-now",
                        "application/json",
                        Http.resource("review/parking-permit-waiting-list.json"));
        long caseId = json.readTree(decided.body()).path("id").asLong();
        Http admin = new Http(port).as(TestUsers.PLATFORM_ADMIN);

        // then: every endpoint with a municipality's data refuses the role, also naming Utrecht
        for (String path : List.of(
                "/api/cases/" + caseId,
                "/api/cases/" + caseId + "/recomputation",
                "/api/review/tasks",
                "/api/dashboard",
                "/api/rulesets/PARKING_PERMIT/candidates",
                "/api/rulesets/PARKING_PERMIT/table.csv",
                "/api/norms",
                "/api/norms/candidates")) {
            assertThat(admin.get(path).statusCode()).as(path).isEqualTo(403);
            assertThat(admin.get(path, MunicipalityFilter.HEADER, Municipality.DEFAULT)
                            .statusCode())
                    .as(path + " for Utrecht")
                    .isEqualTo(403);
        }
        assertThat(admin.post(
                                "/api/cases/decide-now",
                                "application/json",
                                Http.resource("review/parking-permit-waiting-list.json"))
                        .statusCode())
                .isEqualTo(403);
        assertThat(admin.post("/api/review/tasks/1/claim", "application/json", "{}")
                        .statusCode())
                .isEqualTo(403);

        Browserless pages = Browserless.signedIn(port, TestUsers.PLATFORM_ADMIN);
        for (String path : List.of(
                "/review", "/review/cases/" + caseId, "/dashboard", "/rules", "/rules/cases/" + caseId, "/norms")) {
            assertThat(pages.get(path).statusCode()).as(path).isEqualTo(403);
        }
        assertThat(pages.post("/municipality", "municipality=" + Municipality.DEFAULT)
                        .statusCode())
                .as("nor may it switch to a municipality")
                .isEqualTo(403);
        assertThat(pages.get("/").headers().firstValue("Location").orElse("")).endsWith("/platform");
        HttpResponse<String> platform = pages.get("/platform");
        assertThat(platform.statusCode()).isEqualTo(200);
        assertThat(platform.body()).contains("Utrecht").contains("Zwolle").doesNotContain("id=\"municipality-name\"");
    }

    @Test
    void theOnboardingPagesShowWhatIsWrongBesideTheField() {
        Browserless pages = Browserless.signedIn(port, TestUsers.PLATFORM_ADMIN);

        HttpResponse<String> duplicate = pages.post("/platform/municipalities", "cbsCode=0193&name=Zwolle");
        HttpResponse<String> malformed = pages.post("/platform/municipalities", "cbsCode=19&name=");

        assertThat(duplicate.statusCode()).isEqualTo(200);
        assertThat(duplicate.body())
                .contains("id=\"cbsCode-error\">CBS-code: gemeente 0193 bestaat al (Zwolle).</p>")
                .contains("aria-invalid=\"true\"");
        assertThat(malformed.body())
                .contains("id=\"cbsCode-error\">CBS-code: precies 4 cijfers, zoals 0363.</p>")
                .contains("id=\"name-error\">Naam: verplicht");
        HttpResponse<String> account = pages.post(
                "/platform/municipalities/0193/users",
                "username=nieuw-zwolle&personId=700001&displayName=Nina+Nieuw&roles=REVIEWER&password=kort");
        assertThat(account.body())
                .contains("id=\"password-error\">Wachtwoord: minstens 12 tekens.</p>")
                .contains("value=\"nieuw-zwolle\"")
                .doesNotContain("value=\"kort\"");

        // an account withdrawn already (a second click, a second administrator): said, nothing changed
        HttpResponse<String> again = pages.post("/platform/municipalities/0193/memberships/nobody-here/withdraw", "");
        assertThat(again.statusCode()).isEqualTo(302);
        assertThat(pages.get("/platform/municipalities/0193").body())
                .contains("Account nobody-here werkt niet (meer) voor deze gemeente; er is niets gewijzigd.");
        assertThat(pages.post("/platform/municipalities/9999/memberships/nobody-here/withdraw", "")
                        .statusCode())
                .isEqualTo(404);
    }

    @Test
    void theOnboardingPagesSayWhatIsWrongInThePagesLanguageAndTheApiInDutch() {
        TestUsers.ensureZwolle(accounts, jdbc); // its e-service, for the key form
        Browserless pages = Browserless.signedIn(port, TestUsers.PLATFORM_ADMIN);
        String zwolle = "/platform/municipalities/" + TestUsers.ZWOLLE;
        String malformed = "username=met+spatie&personId=700002&displayName=Nina+Nieuw&roles=REVIEWER&password=kort";

        // in English, as chosen in the header
        assertThat(pages.get("/platform?lang=en").statusCode()).isEqualTo(200);
        assertThat(pages.post("/platform/municipalities", "cbsCode=19&name=").body())
                .contains("id=\"cbsCode-error\">CBS code: exactly 4 digits, such as 0363.</p>")
                .contains("id=\"name-error\">Name: required, at most 100 characters, such as Amsterdam.</p>");
        assertThat(pages.post("/platform/municipalities", "cbsCode=0193&name=Zwolle")
                        .body())
                .contains("id=\"cbsCode-error\">CBS code: municipality 0193 exists already (Zwolle).</p>");
        assertThat(pages.post(zwolle + "/users", malformed).body())
                .contains("id=\"username-error\">User name: 2 to 40 letters, digits, dots, underscores or hyphens,"
                        + " without spaces.</p>")
                .contains("id=\"password-error\">Password: at least 12 characters.</p>")
                .doesNotContain("Gebruikersnaam:")
                .doesNotContain("Wachtwoord:");
        assertThat(pages.post(zwolle + "/memberships", "username=" + TestUsers.REVIEWER)
                        .body())
                .contains("Roles: choose at least one role.");
        assertThat(pages.post(
                                zwolle + "/api-keys",
                                "username=" + TestUsers.ZWOLLE_REVIEWER + "&seen=" + keysSeen(pages))
                        .body())
                .contains("id=\"key-username-error\">E-service: " + TestUsers.ZWOLLE_REVIEWER
                        + " is no enabled e-service (INTAKE) of municipality 0193.</p>");
        assertThat(pages.post(zwolle + "/accounts/nobody-at-all/password", "").body())
                .contains("User name: there is no account nobody-at-all.");
        pages.post(zwolle + "/accounts/" + TestUsers.PLATFORM_ADMIN + "/disable", "");
        assertThat(pages.get(zwolle).body())
                .contains("User name: you cannot disable your own account; another platform administrator does that.");

        // and in Dutch again
        assertThat(pages.get("/platform?lang=nl").statusCode()).isEqualTo(200);
        assertThat(pages.post(zwolle + "/users", malformed).body())
                .contains("id=\"username-error\">Gebruikersnaam: 2 tot 40 letters, cijfers, punten, liggende streepjes"
                        + " of streepjes, zonder spaties.</p>")
                .contains("id=\"password-error\">Wachtwoord: minstens 12 tekens.</p>")
                .doesNotContain("User name:");
        assertThat(pages.post(
                                zwolle + "/api-keys",
                                "username=" + TestUsers.ZWOLLE_REVIEWER + "&seen=" + keysSeen(pages))
                        .body())
                .contains("id=\"key-username-error\">E-dienst: " + TestUsers.ZWOLLE_REVIEWER
                        + " is geen actieve e-dienst (INTAKE) van gemeente 0193.</p>");

        // the API answers in Dutch, whatever language is asked for
        HttpResponse<String> api = new Http(port)
                .as(TestUsers.PLATFORM_ADMIN)
                .post(
                        "/api/platform/municipalities/" + TestUsers.ZWOLLE + "/users?lang=en",
                        "application/json",
                        account("met spatie", "[\"REVIEWER\"]", "kort"),
                        "Accept-Language",
                        "en");
        JsonNode error = assertField(api, 400, "username");
        assertThat(error.path("message").asString())
                .isEqualTo("Gebruikersnaam: 2 tot 40 letters, cijfers, punten, liggende streepjes of streepjes, zonder"
                        + " spaties.");
        assertThat(json.readTree(api.body()).path("detail").asString())
                .startsWith("Gebruikersnaam: ")
                .endsWith(" Er is niets opgeslagen.");
    }

    /** How many keys the municipality page says the administrator has seen, as its form sends it. */
    private static String keysSeen(Browserless pages) {
        Matcher seen = Pattern.compile("name=\"seen\" value=\"([0-9]+)\"")
                .matcher(pages.get("/platform/municipalities/" + TestUsers.ZWOLLE)
                        .body());
        assertThat(seen.find()).as("the key form, for Zwolle's e-service").isTrue();
        return seen.group(1);
    }

    private void assertRefused(Http admin, String body, int status, String field, String message) {
        HttpResponse<String> response = admin.post("/api/platform/municipalities", "application/json", body);
        JsonNode error = assertField(response, status, field);
        assertThat(error.path("message").asString()).contains(message);
    }

    private JsonNode assertField(HttpResponse<String> response, int status, String field) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        JsonNode error = json.readTree(response.body()).path("errors").path(0);
        assertThat(error.path("field").asString()).as(response.body()).isEqualTo(field);
        return error;
    }

    /** An account as the administrator sends it ({@code platform/account.json}), with these values. */
    private static String account(String username, String roles, String password) {
        return Http.resource("platform/account.json").formatted(username, roles, password);
    }
}
