package nl.beslisstraat.engine.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpResponse;
import nl.beslisstraat.engine.audit.AuditLog;
import nl.beslisstraat.engine.support.Browserless;
import nl.beslisstraat.engine.support.DatabaseIntegrationTest;
import nl.beslisstraat.engine.support.Http;
import nl.beslisstraat.engine.support.TestUsers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A person's account made by the platform administrator keeps the administrator's password for one
 * thing only: signing in to choose the holder's own. Until then no page or endpoint serves it, and
 * afterwards the administrator's password no longer opens it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ChosenPasswordIntegrationTests extends DatabaseIntegrationTest {

    @LocalServerPort
    int port;

    @Autowired
    AuditLog audit;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    UserAccounts accounts;

    @Test
    void theHolderChoosesTheirOwnPasswordBeforeAnythingElseAndTheGivenOneStopsWorking() {
        String user = "new-reviewer-" + System.nanoTime() % 1_000_000;
        String given = "given-by-the-administrator";
        create(user, given, "REVIEWER");

        // the API refuses it, saying why
        HttpResponse<String> api = basic(user, given).get("/api/review/tasks");
        assertThat(api.statusCode()).isEqualTo(403);
        assertThat(api.body()).contains("/account/password");

        // signed in, every page leads to choosing a password
        Browserless holder = signIn(user, given);
        HttpResponse<String> queue = holder.get("/review");
        assertThat(queue.statusCode()).isEqualTo(302);
        assertThat(queue.headers().firstValue("Location").orElseThrow()).endsWith("/account/password");
        assertThat(holder.get("/account/password").body()).contains("id=\"to-choose\"");

        // a wrong current password, a short one or two that differ change nothing
        String refused = holder.post("/account/password", "current=wrong-password-1&chosen=short&repeated=other")
                .body();
        assertThat(refused)
                .contains("id=\"current-error\"")
                .contains("id=\"chosen-error\"")
                .contains("id=\"repeated-error\"")
                .contains("dit is niet uw huidige wachtwoord");
        assertThat(holder.get("/review").statusCode()).isEqualTo(302);

        // chosen: the pages and the API serve it, with the new password only
        String own = TestUsers.password(user);
        HttpResponse<String> chosen =
                holder.post("/account/password", "current=" + given + "&chosen=" + own + "&repeated=" + own);
        assertThat(chosen.statusCode()).isEqualTo(302);
        assertThat(chosen.headers().firstValue("Location").orElseThrow()).endsWith("/account/password?chosen");
        assertThat(holder.get("/review").statusCode()).isEqualTo(200);
        assertThat(basic(user, own).get("/api/review/tasks").statusCode()).isEqualTo(200);
        assertThat(basic(user, given).get("/api/review/tasks").statusCode()).isEqualTo(401);
        assertThat(audit.entriesFor("user", user).stream().map(entry -> entry.get("action")))
                .contains("USER_CREATED", "PASSWORD_CHOSEN");
    }

    @Test
    void aPlatformAdministratorCreatedByAnOperatorChoosesTheirOwnPasswordFirst() {
        String user = "new-platform-admin-" + System.nanoTime() % 1_000_000;
        String given = "given-by-the-operator";
        accounts.createPlatformAdministrator(user, "P-" + user.hashCode(), "Nieuwe Beheerder", given, "operator:test");

        HttpResponse<String> api = basic(user, given).get("/api/platform/municipalities");
        assertThat(api.statusCode()).isEqualTo(403);
        assertThat(api.body()).contains("/account/password");
        Browserless holder = signIn(user, given);
        HttpResponse<String> platform = holder.get("/platform");
        assertThat(platform.statusCode()).isEqualTo(302);
        assertThat(platform.headers().firstValue("Location").orElseThrow()).endsWith("/account/password");

        String own = TestUsers.password(user);
        assertThat(holder.post("/account/password", "current=" + given + "&chosen=" + own + "&repeated=" + own)
                        .statusCode())
                .isEqualTo(302);
        assertThat(holder.get("/platform").statusCode()).isEqualTo(200);
        assertThat(basic(user, own).get("/api/platform/municipalities").statusCode())
                .isEqualTo(200);
        assertThat(basic(user, given).get("/api/platform/municipalities").statusCode())
                .isEqualTo(401);
        // it works for no municipality, as every platform administrator; its story is the platform's
        assertThat(basic(user, own).get("/api/review/tasks").statusCode()).isEqualTo(403);
        assertThat(nl.beslisstraat.engine.tenancy.Municipality.callForPlatform(() -> jdbc.queryForList(
                        "select action from platform_audit_log where subject_id = ? order by chain_position",
                        String.class,
                        user)))
                .containsExactly("USER_CREATED", "PASSWORD_CHOSEN");
    }

    @Test
    void anOperatorCannotTakeOverAnExistingAccountAsAPlatformAdministrator() {
        String reviewer = TestUsers.REVIEWER.toUpperCase(java.util.Locale.ROOT);
        String before = jdbc.queryForObject(
                "select password_hash || roles::text from users where username = ?", String.class, TestUsers.REVIEWER);

        assertThatThrownBy(() -> accounts.createPlatformAdministrator(
                        reviewer, "P-1", "Overnemer", "given-by-the-operator", "operator:test"))
                .isInstanceOf(AccountRefused.class)
                .hasMessageContaining("bestaat al");
        assertThatThrownBy(() -> accounts.createPlatformAdministrator(
                        "no-person-" + System.nanoTime() % 1_000_000, "", "Iemand", "given-by-the-operator", "t"))
                .isInstanceOf(AccountRefused.class)
                .extracting(refused -> ((AccountRefused) refused).field())
                .isEqualTo("personId");

        assertThat(jdbc.queryForObject(
                        "select password_hash || roles::text from users where username = ?",
                        String.class,
                        TestUsers.REVIEWER))
                .isEqualTo(before);
    }

    @Test
    void aSessionOfTheGivenPasswordEndsWhenTheHolderChoosesAndAWrongCurrentPasswordCountsAsAGuess() {
        String user = "two-sessions-" + System.nanoTime() % 1_000_000;
        String given = "given-by-the-administrator";
        create(user, given, "REVIEWER");
        Browserless administrator = signIn(user, given);
        Browserless holder = signIn(user, given);
        String own = TestUsers.password(user);

        assertThat(holder.post("/account/password", "current=" + given + "&chosen=" + own + "&repeated=" + own)
                        .statusCode())
                .isEqualTo(302);

        HttpResponse<String> ended = administrator.get("/account/password");
        assertThat(ended.statusCode()).isEqualTo(302);
        assertThat(ended.headers().firstValue("Location").orElseThrow()).endsWith("/login?ended");
        assertThat(administrator.get("/review").statusCode())
                .as("signed out for good")
                .isEqualTo(302);
        assertThat(holder.get("/review").statusCode()).isEqualTo(200);

        // guessing the current password in a session is held to the sign-in limit
        String refused = "";
        for (int i = 0; i < 6; i++) {
            refused = holder.post(
                            "/account/password",
                            "current=guess-number-" + i + "&chosen=another-one-123&repeated=another-one-123")
                    .body();
        }
        assertThat(refused).contains("te veel mislukte pogingen");
        jdbc.update("delete from sign_in_throttle where key in (?, '127.0.0.1', '0:0:0:0:0:0:0:1')", user);
    }

    @Test
    void aPersonsRoleGivenDuringASessionHoldsItToChoosingAtOnce() {
        String user = "monitor-then-reviewer-" + System.nanoTime() % 1_000_000;
        String given = "given-by-the-administrator";
        create(user, given, "MONITORING");
        Browserless session = signIn(user, given);
        assertThat(session.get("/account/password").body()).doesNotContain("id=\"to-choose\"");

        assertThat(new Http(port)
                        .as(TestUsers.PLATFORM_ADMIN)
                        .post(
                                "/api/platform/municipalities/0344/memberships",
                                "application/json",
                                "{\"username\": \"" + user + "\", \"roles\": [\"REVIEWER\", \"MONITORING\"]}")
                        .statusCode())
                .isIn(200, 201);

        HttpResponse<String> review = session.get("/review");
        assertThat(review.statusCode()).isEqualTo(302);
        assertThat(review.headers().firstValue("Location").orElseThrow()).endsWith("/account/password");
    }

    private void create(String user, String password, String role) {
        HttpResponse<String> created = new Http(port)
                .as(TestUsers.PLATFORM_ADMIN)
                .post(
                        "/api/platform/municipalities/0344/users",
                        "application/json",
                        "{\"username\": \"" + user + "\", \"personId\": \"N-" + user.hashCode()
                                + "\", \"displayName\": \"Iemand Nieuw\", \"roles\": [\"" + role + "\"],"
                                + " \"password\": \"" + password + "\"}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    }

    private Browserless signIn(String user, String password) {
        Browserless browser = Browserless.anonymous(port);
        browser.post("/login", "username=" + user + "&password=" + password);
        return browser;
    }

    @Test
    void anAccountThatChoseItsPasswordMayChangeItAndIsNeverHeldToIt() {
        Browserless auditor = Browserless.signedIn(port, TestUsers.AUDITOR);
        assertThat(auditor.get("/audit").statusCode()).isEqualTo(200);
        assertThat(auditor.get("/account/password").body())
                .contains("id=\"choose-password\"")
                .doesNotContain("id=\"to-choose\"");
    }

    @Test
    void thePasswordPageSaysWhatIsWrongInThePagesLanguage() {
        Browserless auditor = Browserless.signedIn(port, TestUsers.AUDITOR);
        // the current password right, so that nothing counts as a guess; the new one too short
        String tooShort = "current=" + TestUsers.password(TestUsers.AUDITOR) + "&chosen=short&repeated=other";

        assertThat(auditor.get("/account/password?lang=en").statusCode()).isEqualTo(200);
        assertThat(auditor.post("/account/password", tooShort).body())
                .contains("id=\"chosen-error\">New password: at least 12 characters, at most 72 bytes, and not your"
                        + " user name.</p>")
                .contains("id=\"repeated-error\">New password again: this is not the same as the new password.</p>")
                .doesNotContain("Nieuw wachtwoord:");

        assertThat(auditor.get("/account/password?lang=nl").statusCode()).isEqualTo(200);
        assertThat(auditor.post("/account/password", tooShort).body())
                .contains("id=\"chosen-error\">Nieuw wachtwoord: minstens 12 tekens, hoogstens 72 bytes, en niet"
                        + " gelijk aan uw gebruikersnaam.</p>")
                .doesNotContain("New password:");
    }

    private Http basic(String user, String password) {
        return new Http(port).basic(user, password);
    }
}
