package nl.beslisstraat.engine.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.beslisstraat.engine.audit.AuditLog;
import nl.beslisstraat.engine.support.Browserless;
import nl.beslisstraat.engine.support.DatabaseIntegrationTest;
import nl.beslisstraat.engine.support.TestUsers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Password guessing is braked per account and per source address, over HTTP Basic and through the
 * sign-in form alike: a growing delay, then a lock that refuses the right password too, audited,
 * and lifted by the platform administrator. Source addresses are given as a proxy gives them
 * ({@code X-Forwarded-For} from loopback), so each test guesses from addresses of its own.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SignInThrottleIntegrationTests extends DatabaseIntegrationTest {

    private static int accountsMade;
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    AuditLog audit;

    /** An account of each test's own, so that its audit trail shows that test's locks only. */
    private String guessed;

    @BeforeEach
    void guessedAccount() {
        jdbc.update("delete from sign_in_throttle");
        guessed = "guessed-" + ++accountsMade;
        accounts.save(
                guessed,
                "70000" + accountsMade,
                "Gerda Geraden",
                TestUsers.password(guessed),
                Set.of(Role.REVIEWER),
                "test");
    }

    @AfterEach
    void forgetFailures() {
        // the other test classes of this JVM sign in from loopback with these accounts
        jdbc.update("delete from sign_in_throttle");
    }

    @Test
    void fiftyWrongBasicPasswordsLockTheAccountAndTheRightOneIsRefusedToo() {
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            statuses.add(basic(guessed, "wrong-password-" + i, "198.51.100.1").statusCode());
        }

        assertThat(statuses.subList(0, 4)).containsOnly(401);
        assertThat(statuses.subList(4, 50)).containsOnly(429);
        HttpResponse<String> right = basic(guessed, TestUsers.password(guessed), "198.51.100.2");
        assertThat(right.statusCode()).isEqualTo(429);
        assertThat(Long.parseLong(right.headers().firstValue("Retry-After").orElseThrow()))
                .isGreaterThan(60);
        assertThat(actions("user", guessed)).containsOnlyOnce("SIGN_IN_LOCKED");
    }

    @Test
    void aDelayGrowsBeforeTheLock() {
        for (int i = 0; i < 4; i++) {
            assertThat(basic(guessed, "wrong-password", "198.51.100.3").statusCode())
                    .isEqualTo(401);
        }

        HttpResponse<String> tooSoon = basic(guessed, TestUsers.password(guessed), "198.51.100.3");
        assertThat(tooSoon.statusCode()).isEqualTo(429);
        assertThat(tooSoon.headers().firstValue("Retry-After")).isPresent();
        assertThat(actions("user", guessed)).doesNotContain("SIGN_IN_LOCKED");
    }

    @Test
    void fiftyWrongPasswordsInTheFormLockTheAccountAndTheRightOneIsRefusedToo() {
        Form attacker = new Form("198.51.100.4");
        for (int i = 0; i < 50; i++) {
            String location = attacker.signIn(guessed, "wrong-password-" + i);
            assertThat(location).matches(".*/login\\?(error|locked)");
        }

        Form owner = new Form("198.51.100.5");
        assertThat(owner.signIn(guessed, TestUsers.password(guessed))).endsWith("/login?locked");
        assertThat(owner.get("/review").statusCode()).isEqualTo(302);
        assertThat(owner.get("/login?locked").body()).contains("id=\"locked\"");
        assertThat(actions("user", guessed)).containsOnlyOnce("SIGN_IN_LOCKED");
    }

    @Test
    void thePlatformAdministratorLiftsALock() {
        for (int i = 0; i < 12; i++) {
            basic(guessed, "wrong-password-" + i, "198.51.100.6");
        }
        assertThat(basic(guessed, TestUsers.password(guessed), "198.51.100.7").statusCode())
                .isEqualTo(429);

        HttpResponse<String> locks = basic(
                TestUsers.PLATFORM_ADMIN,
                TestUsers.password(TestUsers.PLATFORM_ADMIN),
                "GET",
                "/api/platform/sign-in-locks");
        assertThat(locks.body()).contains("\"key\":\"" + guessed + "\"");
        assertThat(basic(
                                TestUsers.REVIEWER,
                                TestUsers.password(TestUsers.REVIEWER),
                                "DELETE",
                                "/api/platform/sign-in-locks/accounts/" + guessed)
                        .statusCode())
                .isEqualTo(403);
        assertThat(basic(
                                TestUsers.PLATFORM_ADMIN,
                                TestUsers.password(TestUsers.PLATFORM_ADMIN),
                                "DELETE",
                                "/api/platform/sign-in-locks/accounts/" + guessed)
                        .statusCode())
                .isEqualTo(204);

        assertThat(basic(guessed, TestUsers.password(guessed), "198.51.100.7").statusCode())
                .isNotIn(401, 429);
        assertThat(actions("user", guessed)).contains("SIGN_IN_LOCKED", "SIGN_IN_UNLOCKED");
    }

    @Test
    void thePlatformAdministratorLiftsALockOnItsPage() {
        for (int i = 0; i < 12; i++) {
            basic(guessed, "wrong-password-" + i, "198.51.100.10");
        }
        Browserless administrator = Browserless.signedIn(port, TestUsers.PLATFORM_ADMIN);
        assertThat(administrator.get("/platform/sign-in-locks").body())
                .contains(guessed)
                .as("locked until a moment in words, not 30-11-2026 14:03:07")
                .containsPattern(">[0-9]{1,2} [a-z]+ 20[0-9]{2} [0-9]{2}:[0-9]{2}:[0-9]{2}<");

        HttpResponse<String> lifted =
                administrator.post("/platform/sign-in-locks/unlock", "kind=ACCOUNT&key=" + guessed);

        assertThat(lifted.headers().firstValue("Location").orElseThrow()).endsWith("/platform/sign-in-locks?unlocked");
        assertThat(administrator.get("/platform/sign-in-locks").body()).doesNotContain(guessed);
        assertThat(basic(guessed, TestUsers.password(guessed), "198.51.100.11").statusCode())
                .isNotIn(401, 429);
        assertThat(actions("user", guessed)).contains("SIGN_IN_UNLOCKED");
    }

    @Test
    void oneAddressGuessingManyNamesIsLockedWithoutLockingTheAccounts() {
        for (int i = 0; i < 60; i++) {
            basic("nobody-" + i, "wrong-password", "198.51.100.8");
        }
        for (int i = 0; i < 20; i++) {
            basic(guessed, "wrong-password-" + i, "198.51.100.8");
        }

        assertThat(basic(guessed, TestUsers.password(guessed), "198.51.100.8").statusCode())
                .isEqualTo(429);
        assertThat(basic(guessed, TestUsers.password(guessed), "198.51.100.9").statusCode())
                .isNotIn(401, 429);
        assertThat(basic(
                                TestUsers.PLATFORM_ADMIN,
                                TestUsers.password(TestUsers.PLATFORM_ADMIN),
                                "GET",
                                "/api/platform/sign-in-locks")
                        .body())
                .as("the platform administrator sees the address's lock")
                .contains("\"key\":\"198.51.100.8\"");
        assertThat(actions("address", "198.51.100.8"))
                .as("no municipality's auditors read another's staff's addresses")
                .isEmpty();
        assertThat(nl.beslisstraat.engine.tenancy.Municipality.callForPlatform(() -> jdbc.queryForList(
                        "select action from platform_audit_log where subject_type = 'address' and subject_id = ?",
                        String.class,
                        "198.51.100.8")))
                .as("the platform's own log has it")
                .contains("SIGN_IN_LOCKED");
        assertThat(actions("user", guessed)).doesNotContain("SIGN_IN_LOCKED");
    }

    @Test
    void aNameNoAccountCanHaveIsCountedAgainstTheAddressOnlyAndNeverWrittenDown() {
        String forged =
                "x\n2026-05-01T02:00:00.000Z  INFO 1 --- [main] UserAccounts : Account admin granted PLATFORM_ADMIN";
        Form attacker = new Form("198.51.100.10");
        for (int i = 0; i < 12; i++) {
            attacker.signIn(forged, "wrong-password-" + i);
        }

        assertThat(jdbc.queryForObject("select count(*) from sign_in_throttle where kind = 'ACCOUNT'", Long.class))
                .isZero();
        assertThat(jdbc.queryForObject(
                        "select failures from sign_in_throttle where kind = 'ADDRESS' and key = '198.51.100.10'",
                        Integer.class))
                .isEqualTo(12);
        assertThat(actions("user", forged)).isEmpty();
    }

    private List<String> actions(String subjectType, String subject) {
        return audit.entriesFor(subjectType, subject).stream()
                .map(entry -> (String) entry.get("action"))
                .toList();
    }

    private HttpResponse<String> basic(String user, String password, String address) {
        return basic(user, password, address, "GET", "/api/review/tasks");
    }

    private HttpResponse<String> basic(String user, String password, String method, String path) {
        return basic(user, password, "127.0.0.1", method, path);
    }

    private HttpResponse<String> basic(String user, String password, String address, String method, String path) {
        String credentials =
                Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        return send(
                HttpClient.newHttpClient(),
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                        .header("Authorization", "Basic " + credentials)
                        .header("X-Forwarded-For", address)
                        .method(method, HttpRequest.BodyPublishers.noBody())
                        .build());
    }

    /** The sign-in form from one address, with a session and its CSRF token. */
    private final class Form {
        private final String address;
        private final HttpClient client = HttpClient.newBuilder()
                .cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();

        Form(String address) {
            this.address = address;
        }

        HttpResponse<String> get(String path) {
            return send(client, request(path).GET().build());
        }

        /** Where the sign-in sends the browser. */
        String signIn(String user, String password) {
            Matcher token = CSRF.matcher(get("/login").body());
            assertThat(token.find()).isTrue();
            String form = encode(Map.of("username", user, "password", password, "_csrf", token.group(1)));
            HttpResponse<String> response = send(
                    client,
                    request("/login")
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .POST(HttpRequest.BodyPublishers.ofString(form))
                            .build());
            assertThat(response.statusCode()).isEqualTo(302);
            return response.headers().firstValue("Location").orElseThrow();
        }

        private HttpRequest.Builder request(String path) {
            return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                    .header("X-Forwarded-For", address);
        }
    }

    private static String encode(Map<String, String> fields) {
        return String.join(
                "&",
                fields.entrySet().stream()
                        .map(field ->
                                field.getKey() + "=" + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8))
                        .toList());
    }

    private static HttpResponse<String> send(HttpClient client, HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
