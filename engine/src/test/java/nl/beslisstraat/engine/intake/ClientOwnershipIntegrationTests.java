package nl.beslisstraat.engine.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import nl.beslisstraat.engine.security.Role;
import nl.beslisstraat.engine.support.DatabaseIntegrationTest;
import nl.beslisstraat.engine.support.Http;
import nl.beslisstraat.engine.support.TestUsers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Each e-service reads its own cases only: two INTAKE clients of the same municipality (Utrecht),
 * the second is told a case of the first does not exist; the municipality's reviewers and auditors
 * read every case.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ClientOwnershipIntegrationTests extends DatabaseIntegrationTest {

    private static final String SECOND_INTAKE = "eservice-tweede";

    private final JsonMapper json = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @BeforeEach
    void secondClient() {
        accounts.save(
                SECOND_INTAKE,
                "E-LOKET-2",
                "Tweede e-loket",
                TestUsers.password(SECOND_INTAKE),
                Set.of(Role.INTAKE),
                "test");
    }

    @Test
    void anotherClientOfTheSameMunicipalityIsToldTheCaseDoesNotExist() {
        long id = submit(TestUsers.INTAKE, "/api/cases");

        assertThat(read(SECOND_INTAKE, id)).isEqualTo(404);
        assertThat(read(TestUsers.INTAKE, id)).isEqualTo(200);
        assertThat(read(TestUsers.REVIEWER, id)).isEqualTo(200);
        assertThat(read(TestUsers.AUDITOR, id)).isEqualTo(200);
        assertThat(read(TestUsers.POLICY_OFFICER, id)).isEqualTo(200);
    }

    @Test
    void recordsTheSubmittingClientWithTheCase() {
        long queued = submit(SECOND_INTAKE, "/api/cases");
        long decided = submit(SECOND_INTAKE, "/api/cases/decide-now");

        assertThat(jdbc.queryForList(
                        "select submitted_by from cases where id in (?, ?)", String.class, queued, decided))
                .containsExactly(SECOND_INTAKE, SECOND_INTAKE);
        assertThat(read(SECOND_INTAKE, decided)).isEqualTo(200);
        assertThat(read(TestUsers.INTAKE, decided)).isEqualTo(404);
    }

    @Test
    void aCaseWithoutARecordedClientIsReadByNoClient() {
        long id = submit(TestUsers.INTAKE, "/api/cases");
        jdbc.update("update cases set submitted_by = null where id = ?", id);

        assertThat(read(TestUsers.INTAKE, id)).isEqualTo(404);
        assertThat(read(SECOND_INTAKE, id)).isEqualTo(404);
        assertThat(read(TestUsers.REVIEWER, id)).isEqualTo(200);
    }

    private long submit(String client, String path) {
        var response = new Http(port)
                .as(client)
                .post(path, "application/json", Http.resource("intake/parking-permit-zone-a.json"));
        assertThat(response.statusCode()).isBetween(200, 299);
        return json.readTree(response.body()).path("id").asLong();
    }

    private int read(String user, long id) {
        return new Http(port).as(user).get("/api/cases/" + id).statusCode();
    }
}
