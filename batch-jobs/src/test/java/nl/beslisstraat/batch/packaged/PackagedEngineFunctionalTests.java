package nl.beslisstraat.batch.packaged;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.List;
import nl.beslisstraat.batch.demo.DemoSeeder;
import nl.beslisstraat.batch.nightly.NightlyRunLauncher;
import nl.beslisstraat.engine.support.DatabaseIntegrationTest;
import nl.beslisstraat.engine.support.Http;
import nl.beslisstraat.engine.support.TestUsers;
import nl.beslisstraat.engine.tenancy.Municipality;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The engine as it ships, from its executable jar: an officer's simulation decides past cases on
 * threads of the engine's own, and Drools works on them as on every other thread of the engine.
 * On Maven's class path every thread sees every class, so only the packaged engine can show this.
 */
@SpringBootTest(properties = "beslisstraat.command-line.enabled=false")
class PackagedEngineFunctionalTests extends DatabaseIntegrationTest {

    private static final String UTRECHT = Municipality.DEFAULT;

    @Autowired
    DemoSeeder demo;

    @Autowired
    NightlyRunLauncher launcher;

    @Autowired
    JsonMapper json;

    @Test
    void anOfficersSimulationsRunTheRulesInTheShippedEngine() throws Exception {
        // given: a night of Utrecht's decisions, taken by this JVM
        Municipality.run(UTRECHT, () -> demo.seed(1_000));
        assertThat(launcher.runFor(UTRECHT, LocalDate.of(2026, 8, 13), false).getStatus())
                .isEqualTo(BatchStatus.COMPLETED);

        try (EngineProcess engine = EngineProcess.start("packaged-simulation")) {
            Http officer = new Http(engine.port()).as(TestUsers.POLICY_OFFICER);
            // when: the officer simulates two shipped versions on the latest past cases, in parallel
            // (enough cases of each type for Drools to compile its constraints as it goes)
            for (String version : List.of("PARKING_PERMIT/versions/2026.2", "CITY_PASS/versions/2026.1")) {
                HttpResponse<String> answer =
                        officer.post("/api/rulesets/" + version + "/simulation?last=1000", "text/plain", "");

                // then: each is decided in full, and the first left Drools working for the second
                assertThat(answer.statusCode())
                        .as("%s: %s%n%s", version, answer.body(), engine.log())
                        .isEqualTo(200);
                JsonNode result = json.readTree(answer.body());
                assertThat(result.get("cases").asLong()).as(version).isGreaterThan(100);
                assertThat(result.get("stopped").isNull()).as(version).isTrue();
            }
            assertThat(engine.log()).doesNotContain("ExceptionInInitializerError", "NoClassDefFoundError");
        }
    }
}
