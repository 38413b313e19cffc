package nl.beslisstraat.engine.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.beslisstraat.engine.audit.ChainBreak.Kind;
import nl.beslisstraat.engine.support.Browserless;
import nl.beslisstraat.engine.support.DatabaseIntegrationTest;
import nl.beslisstraat.engine.support.Http;
import nl.beslisstraat.engine.support.TestDatabase;
import nl.beslisstraat.engine.support.TestUsers;
import nl.beslisstraat.engine.tenancy.Municipality;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The platform's own log: platform events land there and in no municipality's trail; no
 * municipality's connection reads or writes it; entries can be neither changed nor backdated; its
 * chain holds, and a row changed by the superuser is named; the platform administrator reads it as
 * a page and over REST.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PlatformAuditLogIntegrationTests extends DatabaseIntegrationTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    PlatformAuditLog log;

    @Autowired
    ChainVerifications verifications;

    private TransactionTemplate transactions;

    @Autowired
    void transactions(PlatformTransactionManager manager) {
        transactions = new TransactionTemplate(manager);
    }

    @Test
    void platformEventsAreInThePlatformsLogAndInNoMunicipalitysTrail() {
        String administrator = "beheer-" + System.nanoTime() % 1_000_000;
        accounts.createPlatformAdministrator(
                administrator, "P-" + administrator.hashCode(), "Bea Beheer", "given-by-the-operator", "operator:test");
        String address = "203.0.113." + (1 + System.nanoTime() % 250);
        jdbc.update(
                "insert into sign_in_throttle (kind, key, failures, first_failure_at, not_before, locked_until)"
                        + " values ('ADDRESS', ?, 30, now(), now(), now() + interval '15 minutes')",
                address);
        Http admin = new Http(port).as(TestUsers.PLATFORM_ADMIN);
        assertThat(admin.send("DELETE", "/api/platform/sign-in-locks/addresses/" + address)
                        .statusCode())
                .isEqualTo(204);
        assertThat(admin.send("POST", "/api/platform/accounts/" + administrator + "/disable")
                        .statusCode())
                .isEqualTo(204);

        assertThat(platformActions("user", administrator)).containsExactly("USER_CREATED", "USER_DISABLED");
        assertThat(platformActions("address", address)).containsExactly("SIGN_IN_UNLOCKED");
        assertThat(jdbc.queryForObject(
                        "select count(*) from audit_log where subject_id in (?, ?)",
                        Long.class,
                        administrator,
                        address))
                .as("Utrecht's auditors read none of it")
                .isZero();
        Map<String, Object> created = Municipality.callForPlatform(() -> jdbc.queryForMap(
                "select actor, details::text as details from platform_audit_log where subject_id = ?"
                        + " and action = 'USER_CREATED'",
                administrator));
        assertThat(created).containsEntry("actor", "operator:test");
        assertThat((String) created.get("details")).contains("PLATFORM_ADMIN").doesNotContain("given-by");
    }

    @Test
    void noMunicipalitysConnectionReadsOrWritesItAndNobodyChangesOrBackdatesAnEntry() {
        Municipality.runForPlatform(() -> log.append(new AuditEntry("test", "TEST_EVENT", "test", "one", "{}")));

        // this test's thread works for Utrecht
        assertThat(jdbc.queryForObject("select count(*) from platform_audit_log", Long.class))
                .isZero();
        assertThatThrownBy(() ->
                        jdbc.update("insert into platform_audit_log (actor, action, subject_type, subject_id) values"
                                + " ('x', 'FORGED', 'test', 'x')"))
                .rootCause()
                .hasMessageContaining("violates row-level security policy");
        assertThatThrownBy(() -> log.append(new AuditEntry("x", "FORGED", "test", "x", "{}")))
                .isInstanceOf(IllegalStateException.class);

        Municipality.runForPlatform(() -> {
            assertThatThrownBy(() -> jdbc.update("update platform_audit_log set actor = 'someone else'"))
                    .rootCause()
                    .hasMessageContaining("permission denied");
            assertThatThrownBy(() -> jdbc.update("delete from platform_audit_log"))
                    .rootCause()
                    .hasMessageContaining("permission denied");
            jdbc.update("insert into platform_audit_log (at, actor, action, subject_type, subject_id, chain_position,"
                    + " chain_hash) values ('2020-01-01', 'test', 'BACKDATED', 'test', 'two', 1, 'forged')");
            Map<String, Object> backdated = jdbc.queryForMap(
                    "select at > now() - interval '1 hour' as now, chain_position, chain_hash from platform_audit_log"
                            + " where action = 'BACKDATED'");
            assertThat(backdated.get("now"))
                    .as("the database's time, not the writer's")
                    .isEqualTo(true);
            assertThat(backdated.get("chain_position")).isNotEqualTo(1L);
            assertThat(backdated.get("chain_hash")).isNotEqualTo("forged");
        });
    }

    @Test
    void aTemporaryTableNamedLikeTheHeadIsNeverTheOneTheOwnersTriggerMoves() {
        ChainHead before = log.head();

        long position = Municipality.callForPlatform(() -> transactions.execute(status -> {
            // the runtime login may create temporary tables; the trigger runs as the owner
            jdbc.execute("create temporary table platform_chain_head (only_row boolean, position bigint, hash text)"
                    + " on commit drop");
            jdbc.update("insert into pg_temp.platform_chain_head values (true, 1000, 'forged')");
            log.append(new AuditEntry("test", "TEST_EVENT", "test", "shadowed", "{}"));
            return jdbc.queryForObject(
                    "select chain_position from platform_audit_log where subject_id = 'shadowed'", Long.class);
        }));

        assertThat(position).isEqualTo(before.position() + 1);
        assertThat(log.head().position()).isEqualTo(position);
        assertThat(jdbc.queryForList(
                        "select p.proname || ' ' || array_to_string(p.proconfig, ',') from pg_proc p"
                                + " where p.pronamespace = current_schema()::regnamespace and p.prosecdef",
                        String.class))
                .as("every function that runs as the owner looks in temporary tables last")
                .isNotEmpty()
                .allSatisfy(function -> assertThat(function).endsWith(", pg_temp"));
    }

    @Test
    void itsChainHoldsAndARowChangedByTheSuperuserIsNamedAgainstTheEarlierHead() {
        Municipality.runForPlatform(() ->
                log.append(new AuditEntry("test", "TEST_EVENT", "test", "chained", "{\"note\": \"as written\"}")));
        ChainVerification intact = verifications.verifyAll(null, List.of()).stream()
                .filter(result -> result.municipality().equals(PlatformAuditLog.PLATFORM))
                .findFirst()
                .orElseThrow();
        assertThat(intact.intact()).as(intact.breaks().toString()).isTrue();
        ChainHead head = intact.heads().get(0);
        assertThat(head.position()).isPositive();
        long id = Municipality.callForPlatform(() ->
                jdbc.queryForObject("select id from platform_audit_log where subject_id = 'chained'", Long.class));

        JdbcTemplate superuser = new JdbcTemplate(TestDatabase.owner());
        superuser.execute("begin; set local session_replication_role = replica; update platform_audit_log"
                + " set details = '{\"note\": \"changed\"}' where id = " + id + "; commit");
        try {
            ChainVerification broken = log.verify(List.of(head));
            assertThat(broken.breaks()).singleElement().satisfies(first -> {
                assertThat(first.kind()).isEqualTo(Kind.CONTENT_CHANGED);
                assertThat(first.id()).isEqualTo(id);
                assertThat(first.table()).isEqualTo(PlatformAuditLog.CHAIN);
            });
        } finally {
            superuser.execute("begin; set local session_replication_role = replica; update platform_audit_log"
                    + " set details = '{\"note\": \"as written\"}' where id = " + id + "; commit");
        }
        assertThat(log.verify(List.of(head)).intact()).isTrue();
        ChainHead rewritten = new ChainHead(head.table(), head.municipality(), head.position(), "0".repeat(64));
        assertThat(log.verify(List.of(rewritten)).breaks())
                .singleElement()
                .satisfies(first -> assertThat(first.kind()).isEqualTo(Kind.REWRITTEN));
    }

    @Test
    void thePlatformAdministratorReadsItAsAPageAndOverRest() {
        Municipality.runForPlatform(() -> log.append(
                new AuditEntry(TestUsers.PLATFORM_ADMIN, "SIGN_IN_UNLOCKED", "address", "192.0.2.44", "{}")));

        String page = Browserless.signedIn(port, TestUsers.PLATFORM_ADMIN)
                .get("/platform/audit")
                .body();
        assertThat(page)
                .contains("Logboek van het platform")
                .contains("Aanmelden vrijgegeven")
                .contains("Adres 192.0.2.44")
                .contains("id=\"chain\"");
        HttpResponse<String> api = new Http(port).as(TestUsers.PLATFORM_ADMIN).get("/api/platform/audit?limit=5");
        assertThat(api.statusCode()).isEqualTo(200);
        assertThat(api.body()).contains("\"subjectId\":\"192.0.2.44\"");
        assertThat(new Http(port)
                        .as(TestUsers.PLATFORM_ADMIN)
                        .get("/api/platform/audit?limit=0")
                        .statusCode())
                .isEqualTo(400);
        assertThat(new Http(port)
                        .as(TestUsers.AUDITOR)
                        .get("/api/platform/audit")
                        .statusCode())
                .isEqualTo(403);
    }

    @Test
    void itsPagesGoBackInTheChainAndStayTheSameWhileEntriesAreAdded() throws Exception {
        for (int i = 0; i < 201; i++) {
            String address = "198.51.100." + (i % 250);
            Municipality.runForPlatform(() ->
                    log.append(new AuditEntry(TestUsers.PLATFORM_ADMIN, "SIGN_IN_UNLOCKED", "address", address, "{}")));
        }
        Browserless pages = Browserless.signedIn(port, TestUsers.PLATFORM_ADMIN);
        String first = pages.get("/platform/audit").body();
        Matcher older = Pattern.compile("id=\"older\" href=\"/platform/audit\\?before=(\\d+)\"")
                .matcher(first);
        assertThat(older.find()).as("a link to the older entries").isTrue();
        long before = Long.parseLong(older.group(1));
        long head = log.head().position();
        assertThat(before).isEqualTo(head - 199);
        assertThat(first).doesNotContain("id=\"newest\"");

        Municipality.runForPlatform(() -> log.append(
                new AuditEntry(TestUsers.PLATFORM_ADMIN, "SIGN_IN_UNLOCKED", "address", "203.0.113.9", "{}")));
        String second = pages.get("/platform/audit?before=" + before).body();

        assertThat(second).contains("id=\"newest\"").doesNotContain("203.0.113.9");
        assertThat(Pattern.compile("<tr>\\s*<td").matcher(second).results().count())
                .isEqualTo(Math.min(200, before - 1));
        Http admin = new Http(port).as(TestUsers.PLATFORM_ADMIN);
        List<Long> positions = new java.util.ArrayList<>();
        tools.jackson.databind.json.JsonMapper.builder()
                .build()
                .readTree(admin.get("/api/platform/audit?limit=3&before=" + before)
                        .body())
                .forEach(entry -> positions.add(entry.path("position").asLong()));
        assertThat(positions).containsExactly(before - 1, before - 2, before - 3);
        HttpResponse<String> wrong = admin.get("/api/platform/audit?before=0");
        assertThat(wrong.statusCode()).isEqualTo(400);
        assertThat(wrong.body()).contains("\"field\":\"before\"");
        assertThat(pages.get("/platform/audit?before=0").statusCode()).isEqualTo(400);
    }

    private List<String> platformActions(String subjectType, String subject) {
        return Municipality.callForPlatform(() -> jdbc.queryForList(
                "select action from platform_audit_log where subject_type = ? and subject_id = ? order by chain_position",
                String.class,
                subjectType,
                subject));
    }
}
