package nl.beslisstraat.engine.norms;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
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
 * A policy officer raises a norm amount from 2027-01-01 by adding a norm table version, without
 * touching a decision table: cases dated 2027 are decided with the new amount, cases dated 2026
 * with the old one, by the running engine. A broken table is refused line by line and changes
 * nothing.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class NormApiIntegrationTests extends DatabaseIntegrationTest {

    private final JsonMapper json = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aNewNormVersionDecidesCasesDatedFromItsEffectiveDateAndLeavesEarlierOnesAlone() {
        Http http = new Http(port).as(TestUsers.INTAKE);
        Http officer = new Http(port).as(TestUsers.POLICY_OFFICER);
        Http auditor = new Http(port).as(TestUsers.AUDITOR);

        // 1680.00 is above 130 % of 1271.15 (1652.495) but within 130 % of 1300.00 (1690.00)
        HttpResponse<String> before =
                http.post("/api/cases/decide-now", "application/json", Http.resource("intake/city-pass-2027.json"));
        assertThat(decision(before).path("outcome").asString()).isEqualTo("REJECTED");
        assertThat(decision(before).path("normVersion").asString()).isEqualTo("2026.1");

        HttpResponse<String> added = officer.post(
                "/api/norms?version=2027.1&effectiveFrom=2027-01-01&note=Norm%202027",
                "text/csv", Http.resource("norms/norms-2027.csv"));
        assertThat(added.statusCode()).as(added.body()).isEqualTo(201);

        JsonNode in2027 = decision(
                http.post("/api/cases/decide-now", "application/json", Http.resource("intake/city-pass-2027.json")));
        assertThat(in2027.path("outcome").asString()).isEqualTo("GRANTED");
        assertThat(in2027.path("normVersion").asString()).isEqualTo("2027.1");
        assertThat(in2027.path("dates").path("validUntil").asString()).isEqualTo("2027-12-31");

        JsonNode in2026 = decision(
                http.post("/api/cases/decide-now", "application/json", Http.resource("intake/city-pass-2026.json")));
        assertThat(in2026.path("outcome").asString()).isEqualTo("REJECTED");
        assertThat(in2026.path("normVersion").asString()).isEqualTo("2026.1");

        assertThat(json.readTree(officer.get("/api/norms").body()).findValuesAsString("version"))
                .containsExactly("2026.1", "2027.1");
        String diff = officer.get("/api/norms/2026.1/diff/2027.1").body();
        assertThat(json.readTree(diff).findValuesAsString("change")).contains("ADDED", "CHANGED", "REMOVED");
        assertThat(diff).contains("\"validFrom\":\"2027-01-01\"").contains("\"amountAfter\":1300.00");
        assertThat(jdbc.queryForObject(
                        "select count(*) from audit_log where action = 'NORM_VERSION_ADDED' and subject_id = '2027.1'",
                        Long.class))
                .isEqualTo(1);
        // the decision taken before the new version still recomputes identically with its own norms
        long firstCase = json.readTree(before.body()).path("id").asLong();
        JsonNode recomputed = json.readTree(
                auditor.get("/api/cases/" + firstCase + "/recomputation").body());
        assertThat(recomputed.path("identical").asBoolean()).isTrue();
        assertThat(recomputed.path("normVersion").asString()).isEqualTo("2026.1");
    }

    @Test
    void refusesABrokenNormTableNamingLineAndColumnAndChangesNothing() {
        Http http = new Http(port).as(TestUsers.POLICY_OFFICER);
        long versionsBefore = jdbc.queryForObject("select count(*) from norm_versions", Long.class);

        HttpResponse<String> refused = http.post(
                "/api/norms?version=2027.9&effectiveFrom=2027-03-01",
                "text/csv",
                Http.resource("norms/norms-broken.csv"));

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(json.readTree(refused.body()).path("errors").toString())
                .contains("line 2, column amount: '13OO.00' is not an amount")
                .contains("line 3, column norm: 'cost of living' is not a norm name")
                .contains("line 3, column validFrom: '01-01-2027' is not a date")
                .contains("line 4: validUntil 2026-12-31 is before validFrom 2027-01-01");
        assertThat(jdbc.queryForObject("select count(*) from norm_versions", Long.class))
                .isEqualTo(versionsBefore);
    }

    private JsonNode decision(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return json.readTree(response.body()).path("decisions").path(0);
    }
}
