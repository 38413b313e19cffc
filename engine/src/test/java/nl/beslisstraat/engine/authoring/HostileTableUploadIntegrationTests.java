package nl.beslisstraat.engine.authoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import nl.beslisstraat.engine.regulation.table.HostileTables;
import nl.beslisstraat.engine.regulation.table.Tables;
import nl.beslisstraat.engine.support.DatabaseIntegrationTest;
import nl.beslisstraat.engine.support.Http;
import nl.beslisstraat.engine.support.ProcessCpu;
import nl.beslisstraat.engine.support.TestUsers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The hostile decision tables through the officers' REST API, as an attacker with a policy
 * officer's account would send them: each is refused with a 400 naming the problem, nothing is
 * stored, no payload runs, the engine keeps deciding, and no work goes on in the background.
 * Text that would have been code for Drools' spreadsheet compiler, put where a table holds text,
 * is accepted as the text it is.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class HostileTableUploadIntegrationTests extends DatabaseIntegrationTest {

    private final JsonMapper json = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void everyHostileTableIsRefusedNothingIsStoredNothingRunsAndTheEngineIdlesAfterwards() throws Exception {
        Http officer = new Http(port).as(TestUsers.POLICY_OFFICER);
        long uploadsBefore = uploads();
        int n = 0;
        for (Map.Entry<String, HostileTables.Hostile> hostile :
                HostileTables.refused().entrySet()) {
            HttpResponse<String> refused = officer.post(
                    "/api/rulesets/PARKING_PERMIT/candidates?version=6.6." + n++,
                    hostile.getValue().content());

            assertThat(refused.statusCode())
                    .as(hostile.getKey() + ": " + refused.body())
                    .isEqualTo(400);
            assertThat(json.readTree(refused.body()).path("errors").toString())
                    .as(hostile.getKey())
                    .contains(hostile.getValue().problem());
        }

        assertThat(uploads()).as("nothing stored").isEqualTo(uploadsBefore);
        assertThat(System.getProperty(HostileTables.MARKER))
                .as("no payload ran")
                .isNull();
        HttpResponse<String> decided = new Http(port)
                .as(TestUsers.INTAKE)
                .post("/api/cases/decide-now", "application/json", Http.resource("intake/parking-permit-zone-a.json"));
        assertThat(decided.statusCode()).as("the engine still decides").isEqualTo(201);

        // No background work was started for a refused upload: after ten seconds the process is idle.
        assertThat(ProcessCpu.usedWhileIdle(10, 3))
                .as("CPU ms used in 3 s, ten seconds later")
                .isLessThan(1_000);
    }

    @Test
    void textThatIsCodeElsewhereIsStoredAsTextAndDecidesAsData() {
        Http officer = new Http(port).as(TestUsers.POLICY_OFFICER);
        String row = "Art. 9: alleen tekst,,,,,,,,,,NEEDS_REVIEW,ONLY_TEXT,\"%s\",\"%s\"";
        String text = HostileTables.inertTexts().get("quotes").replace("\"", "\"\"");
        String csv = Tables.parkingCsv();
        String last = "Art. 6 lid 2: zone B vol, afwijzen";
        int end = csv.indexOf('\n', csv.indexOf(last)) + 1;
        // a row that never applies (it asks for a vehicle longer than 29 m) only carries the text
        String hostile = csv.substring(0, end)
                + row.formatted(text, text).replace(",,,,,,,,,,", ",,29.00,,,,,,,,") + "\n"
                + csv.substring(end);

        HttpResponse<String> accepted = officer.post(
                "/api/rulesets/PARKING_PERMIT/candidates?version=7.7.7",
                "text/csv",
                hostile.getBytes(StandardCharsets.UTF_8));

        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(201);
        JsonNode draft = json.readTree(accepted.body());
        assertThat(draft.path("failed").asLong())
                .as("the example cases decide as before")
                .isEqualTo(1);
        assertThat(System.getProperty(HostileTables.MARKER)).isNull();
        HttpResponse<String> download = officer.get("/api/rulesets/PARKING_PERMIT/table.csv");
        assertThat(download.body()).doesNotContain("System.setProperty");
    }

    private long uploads() {
        return jdbc.queryForObject("select count(*) from rule_set_candidates", Long.class);
    }
}
