package nl.beslisstraat.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import nl.beslisstraat.engine.support.Browserless;
import nl.beslisstraat.engine.support.DatabaseIntegrationTest;
import nl.beslisstraat.engine.support.Http;
import nl.beslisstraat.engine.support.TestUsers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Parameters Tomcat cannot decode are a 400 that says so, on pages and in the API, and write no
 * error to the log. Sent over a raw socket: Java's own URI refuses such an address before sending.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ExtendWith(OutputCaptureExtension.class)
class UnreadableParametersIntegrationTests extends DatabaseIntegrationTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aParameterThatCannotBeDecodedIsABadRequestAndNoErrorInTheLog(CapturedOutput log) throws IOException {
        String page = send("GET /login?action=%ud800 HTTP/1.1\r\n", "");
        assertThat(page).startsWith("HTTP/1.1 400").contains("Bad request: a parameter cannot be read");

        String basic = Base64.getEncoder()
                .encodeToString((TestUsers.AUDITOR + ":" + TestUsers.password(TestUsers.AUDITOR))
                        .getBytes(StandardCharsets.UTF_8));
        String api = send("GET /api/audit/entries?from=%zz HTTP/1.1\r\n", "Authorization: Basic " + basic + "\r\n");
        assertThat(api)
                .startsWith("HTTP/1.1 400")
                .contains("application/problem+json")
                .contains("\"status\":400");

        String form = "lang=%ud800";
        String posted = send(
                "POST /login HTTP/1.1\r\n",
                "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: " + form.length() + "\r\n",
                form);
        assertThat(posted).startsWith("HTTP/1.1 400");

        // and a well-formed request still reaches the page
        assertThat(send("GET /login?lang=en HTTP/1.1\r\n", "")).startsWith("HTTP/1.1 200");
        assertThat(log.getAll()).doesNotContain("InvalidParameterException").doesNotContain(" ERROR ");
    }

    @Test
    void aFormIsStillReadAsUtf8() {
        HttpResponse<String> decided = new Http(port)
                .as(TestUsers.INTAKE)
                .post("/api/cases/decide-now", "application/json", Http.resource("intake/parking-permit-zone-a.json"));
        assertThat(decided.statusCode()).as(decided.body()).isEqualTo(201);
        long caseId =
                JsonMapper.builder().build().readTree(decided.body()).path("id").asLong();
        String reason = "Eén auto, geen twee – de aanvrager is ’s avonds thuis €";

        Browserless.signedIn(port, TestUsers.REVIEWER)
                .post(
                        "/review/cases/" + caseId + "/objection",
                        "reason=" + URLEncoder.encode(reason, StandardCharsets.UTF_8));

        assertThat(jdbc.queryForList(
                        "select note from review_tasks where case_id = ? and kind = 'OBJECTION'", String.class, caseId))
                .containsExactly(reason);
    }

    private String send(String requestLine, String headers) throws IOException {
        return send(requestLine, headers, "");
    }

    private String send(String requestLine, String headers, String body) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            OutputStream out = socket.getOutputStream();
            out.write((requestLine + "Host: localhost\r\nConnection: close\r\n" + headers + "\r\n" + body)
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
