package nl.beslisstraat.engine.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Map;
import nl.beslisstraat.engine.support.DatabaseIntegrationTest;
import nl.beslisstraat.engine.support.Http;
import nl.beslisstraat.engine.support.TestUsers;
import nl.beslisstraat.engine.tenancy.Municipality;
import nl.beslisstraat.engine.tenancy.MunicipalityFilter;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * An e-service signs in with an API key over real HTTP: the platform administrator issues it (shown
 * once, audited, stored as a hash only), it decides applications at once in its own municipality,
 * and a wrong, malformed, unknown or revoked key is a bare 401. A key of Utrecht never reaches a
 * case of Zwolle, and gives the role INTAKE only.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ApiKeysIntegrationTests extends DatabaseIntegrationTest {

    private static final String APPLICATION = "intake/parking-permit-zone-a.json";

    private final JsonMapper json = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    PlatformTransactionManager transactions;

    private Http admin;

    @BeforeEach
    void administrator() {
        admin = new Http(port).as(TestUsers.PLATFORM_ADMIN);
    }

    @Test
    void anIssuedKeyIsShownOnceAndDecidesAnApplicationAsItsEService() {
        // when
        HttpResponse<String> issued = issue(Municipality.DEFAULT, TestUsers.INTAKE);

        // then
        assertThat(issued.statusCode()).as(issued.body()).isEqualTo(201);
        assertThat(issued.headers().firstValue("Cache-Control").orElse("")).contains("no-store");
        JsonNode body = json.readTree(issued.body());
        String key = body.path("key").asString();
        String keyId = body.path("keyId").asString();
        assertThat(key).startsWith("bsk_" + keyId + "_").hasSize(4 + 16 + 1 + 43);
        HttpResponse<String> listed = admin.get("/api/platform/municipalities/0344/api-keys");
        assertThat(listed.body()).contains(keyId).doesNotContain(secretOf(key));

        HttpResponse<String> decided = withKey(key).post("/api/cases/decide-now", "application/json", body());
        assertThat(decided.statusCode()).as(decided.body()).isEqualTo(201);
        long caseId = json.readTree(decided.body()).path("id").asLong();
        assertThat(json.readTree(decided.body()).path("status").asString()).isEqualTo("DECIDED");
        assertThat(jdbc.queryForObject("select submitted_by from cases where id = ?", String.class, caseId))
                .as("the same client as with its password")
                .isEqualTo(TestUsers.INTAKE);
        assertThat(withKey(key).get("/api/cases/" + caseId).statusCode()).isEqualTo(200);
        assertThat(new Http(port)
                        .as(TestUsers.INTAKE)
                        .get("/api/cases/" + caseId)
                        .statusCode())
                .isEqualTo(200);
    }

    @Test
    void theStoredFormIsTheHashOfTheSecretNeverTheKey() throws Exception {
        String key = keyOf(issue(Municipality.DEFAULT, TestUsers.INTAKE));
        String keyId = key.substring(4, 20);

        Map<String, Object> row =
                jdbc.queryForMap("select *, api_keys::text as whole from api_keys where key_id = ?", keyId);

        byte[] stored = (byte[]) row.get("secret_sha256");
        byte[] expected =
                MessageDigest.getInstance("SHA-256").digest(secretOf(key).getBytes(StandardCharsets.US_ASCII));
        assertThat(stored).isEqualTo(expected);
        assertThat(row.get("whole").toString()).doesNotContain(secretOf(key)).doesNotContain(key);
    }

    @Test
    void issuingAndRevokingAreAuditedInTheMunicipalitysLogWithoutTheSecret() {
        String key = keyOf(issue(Municipality.DEFAULT, TestUsers.INTAKE));
        String keyId = key.substring(4, 20);
        assertThat(admin.send("DELETE", "/api/platform/municipalities/0344/api-keys/" + keyId)
                        .statusCode())
                .isEqualTo(204);

        List<Map<String, Object>> log = jdbc.queryForList(
                "select actor, action, subject_id, details::text as details from audit_log"
                        + " where action like 'API_KEY_%' and details->>'keyId' = ? order by id",
                keyId);
        assertThat(log).extracting(entry -> entry.get("action")).containsExactly("API_KEY_ISSUED", "API_KEY_REVOKED");
        assertThat(log).allSatisfy(entry -> {
            assertThat(entry.get("actor")).isEqualTo(TestUsers.PLATFORM_ADMIN);
            assertThat(entry.get("subject_id")).isEqualTo(TestUsers.INTAKE);
            assertThat(entry.get("details").toString()).doesNotContain(secretOf(key));
        });
    }

    @Test
    void aWrongMalformedOrUnknownKeyIsABare401() {
        String key = keyOf(issue(Municipality.DEFAULT, TestUsers.INTAKE));
        char last = key.charAt(key.length() - 1);
        String wrongSecret = key.substring(0, key.length() - 1) + (last == 'A' ? 'B' : 'A');
        String unknownId = "bsk_0000000000000000_" + secretOf(key);

        long storedBefore = storedBy(TestUsers.INTAKE);
        for (String presented : List.of(wrongSecret, unknownId, "nonsense", key + "x", "")) {
            HttpResponse<String> refused = withKey(presented).post("/api/cases/decide-now", "application/json", body());
            assertThat(refused.statusCode()).as(presented).isEqualTo(401);
            assertThat(refused.body()).as("no detail").isEmpty();
        }
        assertThat(storedBy(TestUsers.INTAKE)).as("nothing stored").isEqualTo(storedBefore);
    }

    @Test
    void aRevokedKeyIsRefusedFromTheNextRequestOn() {
        String key = keyOf(issue(Municipality.DEFAULT, TestUsers.INTAKE));
        String keyId = key.substring(4, 20);
        assertThat(withKey(key)
                        .post("/api/cases/decide-now", "application/json", body())
                        .statusCode())
                .isEqualTo(201);

        assertThat(admin.send("DELETE", "/api/platform/municipalities/0344/api-keys/" + keyId)
                        .statusCode())
                .isEqualTo(204);

        HttpResponse<String> refused = withKey(key).post("/api/cases/decide-now", "application/json", body());
        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(refused.body()).isEmpty();
        assertThat(admin.send("DELETE", "/api/platform/municipalities/0344/api-keys/" + keyId)
                        .statusCode())
                .as("revoked once")
                .isEqualTo(404);
        assertThat(json.readTree(
                        admin.get("/api/platform/municipalities/0344/api-keys").body()))
                .anySatisfy(listed -> {
                    assertThat(listed.path("keyId").asString()).isEqualTo(keyId);
                    assertThat(listed.path("revokedBy").asString()).isEqualTo(TestUsers.PLATFORM_ADMIN);
                });
    }

    @Test
    void aKeyOfUtrechtNeverReachesACaseOfZwolle() throws Exception {
        TestUsers.ensureZwolle(accounts, jdbc);
        String utrecht = keyOf(issue(Municipality.DEFAULT, TestUsers.INTAKE));
        String zwolle = keyOf(issue(TestUsers.ZWOLLE, TestUsers.ZWOLLE_INTAKE));
        HttpResponse<String> decidedInZwolle =
                withKey(zwolle).post("/api/cases/decide-now", "application/json", body());
        assertThat(decidedInZwolle.statusCode()).as(decidedInZwolle.body()).isEqualTo(201);
        long zwolleCase = json.readTree(decidedInZwolle.body()).path("id").asLong();

        assertThat(withKey(utrecht).get("/api/cases/" + zwolleCase).statusCode())
                .isEqualTo(404);
        assertThat(withKey(utrecht)
                        .get("/api/cases/" + zwolleCase, MunicipalityFilter.HEADER, TestUsers.ZWOLLE)
                        .statusCode())
                .as("nor may it name Zwolle")
                .isEqualTo(403);
        assertThat(withKey(zwolle).get("/api/cases/" + zwolleCase).statusCode()).isEqualTo(200);
        assertThat(Municipality.call(
                        TestUsers.ZWOLLE,
                        () -> jdbc.queryForObject(
                                "select municipality from cases where id = ?", String.class, zwolleCase)))
                .isEqualTo(TestUsers.ZWOLLE);
    }

    @Test
    void aKeyGivesTheRoleIntakeOnlyAndIsIssuedToEServicesOnly() {
        String key = keyOf(issue(Municipality.DEFAULT, TestUsers.INTAKE));

        assertThat(withKey(key).get("/api/dashboard").statusCode()).isEqualTo(403);
        assertThat(withKey(key).get("/api/review/tasks").statusCode()).isEqualTo(403);

        HttpResponse<String> reviewer = issue(Municipality.DEFAULT, TestUsers.REVIEWER);
        assertThat(reviewer.statusCode()).isEqualTo(400);
        assertThat(json.readTree(reviewer.body())
                        .path("errors")
                        .get(0)
                        .path("field")
                        .asString())
                .isEqualTo("username");
        HttpResponse<String> elsewhere = issue(TestUsers.ZWOLLE, TestUsers.INTAKE);
        assertThat(elsewhere.statusCode())
                .as("Utrecht's e-service has no key in Zwolle")
                .isEqualTo(400);
        assertThat(jdbc.queryForObject(
                        "select count(*) from api_keys where username = ? or (municipality = ? and username = ?)",
                        Long.class,
                        TestUsers.REVIEWER,
                        TestUsers.ZWOLLE,
                        TestUsers.INTAKE))
                .isZero();
    }

    @Test
    void aTemporaryTableCannotMakeAReviewerAnEServiceForTheDatabasesCheck() {
        // the runtime login may create temporary tables, which a function without a search path of
        // its own would look in first: the check of a key's account must read the real tables
        TransactionTemplate transaction = new TransactionTemplate(transactions);
        assertThatThrownBy(() -> Municipality.run(
                        Municipality.DEFAULT,
                        () -> transaction.executeWithoutResult(status -> {
                            jdbc.execute("create temporary table user_municipalities"
                                    + " (username text, municipality text, roles text[]) on commit drop");
                            jdbc.update(
                                    "insert into pg_temp.user_municipalities values (?, ?, '{INTAKE}')",
                                    TestUsers.REVIEWER,
                                    Municipality.DEFAULT);
                            jdbc.update(
                                    "insert into api_keys (key_id, username, municipality, secret_sha256, issued_by)"
                                            + " values ('0123456789abcdef', ?, ?, decode(repeat('00', 32), 'hex'), 'test')",
                                    TestUsers.REVIEWER,
                                    Municipality.DEFAULT);
                        })))
                .hasMessageContaining("no enabled e-service");
        assertThat(jdbc.queryForList(
                        "select p.proname || ' ' || coalesce(array_to_string(p.proconfig, ','), 'no path') from pg_proc p"
                                + " join pg_trigger t on t.tgfoid = p.oid"
                                + " where p.pronamespace = current_schema()::regnamespace"
                                + " and p.prosrc ~* '(from|join|update|into)\\s+(users|user_municipalities|cases|decisions"
                                + "|review_tasks|api_keys|municipalities)\\M'",
                        String.class))
                .as("every trigger that reads a table looks in temporary tables last")
                .isNotEmpty()
                .allSatisfy(function -> assertThat(function).endsWith(", pg_temp"));
        assertThat(jdbc.queryForObject("select count(*) from api_keys where key_id = '0123456789abcdef'", Long.class))
                .isZero();
    }

    private HttpResponse<String> issue(String municipality, String username) {
        return admin.post(
                "/api/platform/municipalities/" + municipality + "/api-keys",
                "application/json",
                "{\"username\": \"" + username + "\"}");
    }

    private String keyOf(HttpResponse<String> issued) {
        assertThat(issued.statusCode()).as(issued.body()).isEqualTo(201);
        return json.readTree(issued.body()).path("key").asString();
    }

    private static String secretOf(String key) {
        return key.substring("bsk_".length() + 16 + 1);
    }

    private long storedBy(String client) {
        return jdbc.queryForObject("select count(*) from cases where submitted_by = ?", Long.class, client);
    }

    private Http withKey(String key) {
        return new Http(port).bearer(key);
    }

    private static String body() {
        return Http.resource(APPLICATION);
    }
}
