package nl.beslisstraat.engine.norms;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import nl.beslisstraat.engine.support.Browserless;
import nl.beslisstraat.engine.support.DatabaseIntegrationTest;
import nl.beslisstraat.engine.support.Http;
import nl.beslisstraat.engine.support.TestUsers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A norm version Zwolle's officers approve is Zwolle's: Zwolle's cases are decided with it from its
 * date, Utrecht's keep the national norms, and Utrecht's officers neither list, read, approve nor
 * simulate it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class MunicipalNormsIntegrationTests extends DatabaseIntegrationTest {

    private final JsonMapper json = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @BeforeEach
    void zwolleAccounts() {
        TestUsers.ensureZwolle(accounts, jdbc);
    }

    private JsonNode decision(String eservice) {
        HttpResponse<String> decided = new Http(port)
                .as(eservice)
                .post("/api/cases/decide-now", "application/json", Http.resource("intake/city-pass-2027.json"));
        return json.readTree(decided.body()).path("decisions").path(0);
    }

    @Test
    void zwollesNormVersionDecidesZwollesCasesOnly() {
        Http officer = new Http(port).as(TestUsers.ZWOLLE_POLICY_OFFICER);
        Http colleague = new Http(port).as(TestUsers.ZWOLLE_SECOND_POLICY_OFFICER);
        Http utrecht = new Http(port).as(TestUsers.POLICY_OFFICER);
        String version = "zw" + System.nanoTime() % 1_000_000;

        String raised = officer.get("/api/norms/2026.1/csv")
                .body()
                .replace(
                        NormApiIntegrationTests.SINGLE_2026,
                        "COST_OF_LIVING,SINGLE,false,2026-07-01,2026-12-31,1271.15\n"
                                + "COST_OF_LIVING,SINGLE,false,2027-01-01,,1300.00");
        HttpResponse<String> uploaded =
                officer.post("/api/norms/candidates?version=" + version + "&note=Zwolle", "text/csv", raised);
        assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(201);
        long id = json.readTree(uploaded.body()).path("id").asLong();

        assertThat(utrecht.get("/api/norms/candidates").body()).doesNotContain(version);
        assertThat(utrecht.get("/api/norms/candidates/" + id).statusCode()).isEqualTo(404);
        assertThat(new Http(port)
                        .as(TestUsers.SECOND_POLICY_OFFICER)
                        .post("/api/norms/candidates/" + id + "/approval?effectiveFrom=2027-01-01", new byte[0])
                        .statusCode())
                .isEqualTo(404);
        assertThat(utrecht.post("/api/norms/candidates/" + id + "/simulation", new byte[0])
                        .statusCode())
                .isEqualTo(404);

        HttpResponse<String> approved =
                colleague.post("/api/norms/candidates/" + id + "/approval?effectiveFrom=2027-01-01", new byte[0]);
        assertThat(approved.statusCode()).as(approved.body()).isEqualTo(200);

        assertThat(decision(TestUsers.ZWOLLE_INTAKE).path("normVersion").asString())
                .isEqualTo(version);
        assertThat(decision(TestUsers.INTAKE).path("normVersion").asString()).isNotEqualTo(version);
        assertThat(utrecht.get("/api/norms").body()).doesNotContain(version);
        assertThat(utrecht.get("/api/norms/" + version).statusCode()).isEqualTo(404);
        assertThat(officer.get("/api/norms").body()).contains(version);
        assertThat(officer.get("/api/norms/" + version).statusCode()).isEqualTo(200);

        // on the pages too, another municipality's version is answered as one that does not exist
        Browserless utrechtPages = Browserless.signedIn(port, TestUsers.POLICY_OFFICER);
        assertThat(utrechtPages.get("/norms/versions/" + version + "/csv").statusCode())
                .isEqualTo(utrechtPages.get("/norms/versions/nosuch1/csv").statusCode())
                .isEqualTo(404);
        assertThat(utrechtPages.get("/norms?version=" + version).body()).doesNotContain("1.300,00");
        assertThat(Browserless.signedIn(port, TestUsers.ZWOLLE_POLICY_OFFICER)
                        .get("/norms/versions/" + version + "/csv")
                        .body())
                .contains("1300.00");
    }
}
