package nl.beslisstraat.engine.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.SequenceInputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import nl.beslisstraat.engine.regulation.DecisionDeadline;
import nl.beslisstraat.engine.support.DatabaseIntegrationTest;
import nl.beslisstraat.engine.support.Http;
import nl.beslisstraat.engine.support.TestUsers;
import nl.beslisstraat.rules.calendar.WorkingDays;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The intake API over real HTTP, against a real PostgreSQL and the real parking-permit rules.
 * Payloads live in {@code src/test/resources/intake}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CaseApiIntegrationTests extends DatabaseIntegrationTest {

    private String user = TestUsers.INTAKE;
    private final JsonMapper json = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void queuesAnApplicationForTheNightlyRun() {
        HttpResponse<String> response = post("/api/cases", payload("parking-permit-zone-a.json"));

        assertThat(response.statusCode()).isEqualTo(202);
        long id = json.readTree(response.body()).path("id").asLong();
        assertThat(response.headers().firstValue("Location")).hasValue("/api/cases/" + id);

        JsonNode caseFile = json.readTree(get("/api/cases/" + id).body());
        assertThat(caseFile.path("status").asString()).isEqualTo("QUEUED");
        assertThat(caseFile.path("decisions").size()).isZero();
        assertThat(caseFile.path("input").path("vehicleLength").asString()).isEqualTo("4.50");
    }

    @Test
    void decidesNowAndGrantsAZoneAPermitWithItsFeeAndMotivation() {
        HttpResponse<String> response = post("/api/cases/decide-now", payload("parking-permit-zone-a.json"));

        assertThat(response.statusCode()).isEqualTo(201);
        JsonNode caseFile = json.readTree(response.body());
        assertThat(caseFile.path("status").asString()).isEqualTo("DECIDED");
        JsonNode decision = caseFile.path("decisions").path(0);
        assertThat(decision.path("outcome").asString()).isEqualTo("GRANTED");
        assertThat(decision.path("automated").asBoolean()).isTrue();
        assertThat(decision.path("ruleSetVersion").asString()).isEqualTo("PARKING_PERMIT/2026.1.1");
        assertThat(decision.path("referenceDate").asString()).isEqualTo("2026-03-15");
        assertThat(decision.path("amounts").path("fee").asString()).isEqualTo("240.00");
        JsonNode reason = decision.path("reasons").path(0);
        assertThat(reason.path("code").asString()).isEqualTo("PERMIT_GRANTED");
        assertThat(reason.path("motivation").asString()).contains("EUR 240,00 per jaar");
        long id = caseFile.path("id").asLong();
        JsonNode inEnglish = json.readTree(get("/api/cases/" + id + "?lang=en").body());
        assertThat(inEnglish
                        .path("decisions")
                        .path(0)
                        .path("reasons")
                        .path(0)
                        .path("motivation")
                        .asString())
                .contains("EUR 240.00 per year");
        JsonNode byHeader = json.readTree(
                get("/api/cases/" + id, "Accept-Language", "en-GB,en;q=0.9").body());
        assertThat(byHeader.path("decisions")
                        .path(0)
                        .path("reasons")
                        .path(0)
                        .path("language")
                        .asString())
                .isEqualTo("en");
        assertThat(decision.path("firedRules").toString()).contains("Art. 7 lid 1: verlenen zone A");
        assertThat(caseFile.path("reviewTask").isNull()).isTrue();
        assertThat(jdbc.queryForObject(
                        "select count(*) from audit_trail where subject_type = 'case' and subject_id = ? and action = 'CASE_DECIDED'",
                        Long.class,
                        Long.toString(id)))
                .isEqualTo(1);
    }

    @Test
    void sendsAnApplicationWithoutVehicleLengthToReviewNamingTheField() {
        LocalDate receivedToday = LocalDate.now(DecisionDeadline.NETHERLANDS);

        HttpResponse<String> response = post("/api/cases/decide-now", payload("parking-permit-length-missing.json"));

        assertThat(response.statusCode()).isEqualTo(201);
        JsonNode caseFile = json.readTree(response.body());
        assertThat(caseFile.path("status").asString()).isEqualTo("IN_REVIEW");
        JsonNode decision = caseFile.path("decisions").path(0);
        assertThat(decision.path("outcome").asString()).isEqualTo("NEEDS_REVIEW");
        assertThat(decision.path("reasons").path(0).path("code").asString()).isEqualTo("INCOMPLETE_DATA");
        assertThat(decision.path("reasons").path(0).path("motivation").asString())
                .contains("'lengte voertuig' (vehicleLength) ontbreekt");
        JsonNode task = caseFile.path("reviewTask");
        assertThat(task.path("reasonCodes").toString()).isEqualTo("[\"INCOMPLETE_DATA\"]");
        // eight weeks after receipt, on to the next working day when that is a weekend or holiday
        assertThat(task.path("deadline").asString())
                .isEqualTo(WorkingDays.onOrAfter(receivedToday.plusWeeks(8)).toString());
    }

    @Test
    void refusesWrongTypesWithAnErrorPerFieldAndStoresNothing() {
        long casesBefore = countCases();

        HttpResponse<String> response = post("/api/cases", payload("parking-permit-wrong-types.json"));

        assertThat(response.statusCode()).isEqualTo(400);
        JsonNode errors = json.readTree(response.body()).path("errors");
        assertThat(errors.findValuesAsString("field"))
                .containsExactlyInAnyOrder("zone", "vehicleHolderIsApplicant", "vehicleLength", "euroClass");
        assertThat(countCases()).isEqualTo(casesBefore);
    }

    @Test
    void refusesEveryFieldTheSchemaDoesNotDeclareByNameAndStoresNothing() {
        long casesBefore = countCases();

        HttpResponse<String> response = post("/api/cases", payload("parking-permit-unknown-fields.json"));

        assertThat(response.statusCode()).isEqualTo(400);
        JsonNode errors = json.readTree(response.body()).path("errors");
        assertThat(errors.findValuesAsString("field")).containsExactly("nationality", "remarks", "applicant");
        assertThat(errors.path(0).path("message").asString()).contains("is not a field of this application");
        assertThat(countCases()).isEqualTo(casesBefore);
    }

    @Test
    void namesEveryOneOfManyUnknownFieldsUnderTheSizeLimit() {
        long casesBefore = countCases();
        StringBuilder body = new StringBuilder("{\"caseType\": \"PARKING_PERMIT\", \"referenceDate\": \"2026-03-15\"");
        for (int i = 0; i < 1000; i++) {
            body.append(", \"k").append(i).append("\": 0");
        }

        HttpResponse<String> response =
                post("/api/cases/decide-now", body.append('}').toString());

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json.readTree(response.body()).path("errors").findValuesAsString("field"))
                .hasSize(1000)
                .contains("k0", "k999");
        assertThat(countCases()).isEqualTo(casesBefore);
    }

    @Test
    void refusesANumberWithMoreDigitsThanAnyAmountHas() {
        long casesBefore = countCases();

        HttpResponse<String> response = post("/api/cases", payload("parking-permit-long-digits.json"));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json.readTree(response.body()).path("errors").findValuesAsString("field"))
                .containsExactly("vehicleHeight");
        assertThat(countCases()).isEqualTo(casesBefore);
    }

    @Test
    void refusesAThirtyMegabyteApplicationWith413AndStoresNothing() {
        long casesBefore = countCases();
        String huge = "{\"caseType\": \"PARKING_PERMIT\", \"referenceDate\": \"2026-03-15\", \"zone\": \"A\","
                + " \"padding\": \"" + "x".repeat(30 * 1024 * 1024) + "\"}";

        for (String path : List.of("/api/cases", "/api/cases/decide-now")) {
            HttpResponse<String> response = post(path, huge);

            assertThat(response.statusCode()).as(path).isEqualTo(413);
            assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            JsonNode problem = json.readTree(response.body());
            assertThat(problem.path("status").asInt()).isEqualTo(413);
            assertThat(problem.path("detail").asString()).contains("nothing was stored");
            assertThat(problem.path("errors").path(0).path("field").asString()).isEqualTo("(body)");
        }
        assertThat(countCases()).isEqualTo(casesBefore);
    }

    @Test
    void refusesAChunkedBodyOverTheLimitAsItArrives() {
        long casesBefore = countCases();
        byte[] head = "{\"caseType\": \"PARKING_PERMIT\", \"referenceDate\": \"2026-03-15\", \"pad\": \""
                .getBytes(StandardCharsets.UTF_8);

        HttpResponse<String> response = new Http(port)
                .as(user)
                .postChunked(
                        "/api/cases",
                        "application/json",
                        () -> new SequenceInputStream(
                                new ByteArrayInputStream(head), new ByteArrayInputStream(new byte[30 * 1024 * 1024])));

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(countCases()).isEqualTo(casesBefore);
    }

    @Test
    void refusesADocumentOfSevenHundredThousandKeysAndStoresNothing() {
        long casesBefore = countCases();
        StringBuilder body = new StringBuilder("{\"caseType\": \"PARKING_PERMIT\", \"referenceDate\": \"2026-03-15\"");
        for (int i = 0; i < 700_000; i++) {
            body.append(",\"k").append(i).append("\":0");
        }

        HttpResponse<String> response = post("/api/cases", body.append('}').toString());

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(countCases()).isEqualTo(casesBefore);
    }

    @Test
    void refusesMalformedJson() {
        long casesBefore = countCases();

        HttpResponse<String> response = post("/api/cases/decide-now", payload("malformed.json"));

        assertThat(response.statusCode()).isEqualTo(400);
        JsonNode error = json.readTree(response.body()).path("errors").path(0);
        // the document ends after the zone: reading stopped there
        assertThat(error.path("field").asString()).isEqualTo("zone");
        assertThat(error.path("message").asString()).startsWith("is not valid JSON");
        assertThat(countCases()).isEqualTo(casesBefore);
    }

    @Test
    void refusesBytesThatAreNoUtf8NamingTheField() {
        long casesBefore = countCases();
        byte[] body = "{\"caseType\": \"PARKING_PERMIT\", \"referenceDate\": \"2026-03-15\", \"zone\": \"?\"}"
                .getBytes(StandardCharsets.UTF_8);
        body[body.length - 3] = (byte) 0xff; // the zone's one letter, a byte no UTF-8 text has

        HttpResponse<String> response = new Http(port).as(user).post("/api/cases", "application/json", body);

        assertThat(response.statusCode()).isEqualTo(400);
        JsonNode error = json.readTree(response.body()).path("errors").path(0);
        assertThat(error.path("field").asString()).isEqualTo("zone");
        assertThat(error.path("message").asString()).contains("UTF-8");
        assertThat(countCases()).isEqualTo(casesBefore);
    }

    @Test
    void refusesANameGivenTwiceNamingIt() {
        long casesBefore = countCases();
        Map<String, String> twice = Map.of(
                "caseType",
                "{\"caseType\": \"PARKING_PERMIT\", \"referenceDate\": \"2026-03-15\", \"caseType\": \"CITY_PASS\"}",
                "zone",
                "{\"caseType\": \"PARKING_PERMIT\", \"referenceDate\": \"2026-03-15\", \"zone\": \"A\", \"zone\": \"B\"}");

        twice.forEach((field, body) -> {
            HttpResponse<String> response = post("/api/cases", body);

            assertThat(response.statusCode()).as(body).isEqualTo(400);
            JsonNode error = json.readTree(response.body()).path("errors").path(0);
            assertThat(error.path("field").asString()).as(body).isEqualTo(field);
            assertThat(error.path("message").asString()).as(body).contains("Duplicate");
        });
        assertThat(countCases()).isEqualTo(casesBefore);
    }

    @Test
    void refusesAnUnknownCaseTypeAndNamesTheKnownOnes() {
        HttpResponse<String> response = post("/api/cases", payload("unknown-case-type.json"));

        assertThat(response.statusCode()).isEqualTo(400);
        JsonNode error = json.readTree(response.body()).path("errors").path(0);
        assertThat(error.path("field").asString()).isEqualTo("caseType");
        assertThat(error.path("message").asString()).contains("DOG_LICENCE").contains("PARKING_PERMIT");
    }

    @Test
    void refusesAReferenceDateThatIsNotAnIsoDate() {
        HttpResponse<String> response = post("/api/cases", payload("reference-date-not-a-date.json"));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json.readTree(response.body()).path("errors").findValuesAsString("field"))
                .containsExactly("referenceDate");
    }

    @Test
    void refusesAnEventDateThatNamesNoDayNamingTheFieldAndStoresNothing() {
        // 2026-02-30 has the shape of a date: it passed the schema and the decision failed, naming no field
        long casesBefore = countCases();

        for (String path : List.of("/api/cases", "/api/cases/decide-now")) {
            HttpResponse<String> response = post(path, payload("event-date-no-such-day.json"));

            assertThat(response.statusCode()).as(path).isEqualTo(400);
            assertThat(json.readTree(response.body()).path("errors").findValuesAsString("field"))
                    .as(path)
                    .containsExactly("eventDate");
        }
        assertThat(countCases()).isEqualTo(casesBefore);
    }

    @Test
    void recomputesAStoredDecisionAndReportsWhatDiffers() {
        long id = json.readTree(post("/api/cases/decide-now", payload("parking-permit-zone-a.json"))
                        .body())
                .path("id")
                .asLong();
        user = TestUsers.AUDITOR;
        JsonNode identical =
                json.readTree(get("/api/cases/" + id + "/recomputation").body());
        assertThat(identical.path("identical").asBoolean())
                .as(identical.toString())
                .isTrue();
        assertThat(identical.path("ruleSetVersion").asString()).isEqualTo("PARKING_PERMIT/2026.1.1");

        // a decision whose stored fee no longer follows from its input and rules
        long tampered = jdbc.queryForObject(
                "insert into cases (case_type, reference_date, input, status)"
                        + " select case_type, reference_date, input, 'DECIDED' from cases where id = ? returning id",
                Long.class,
                id);
        jdbc.update(
                "insert into decisions (case_id, outcome, automated, decided_by, reference_date, rule_set_version,"
                        + " rule_set_hash, reasons, amounts, fired_rules, input_hash)"
                        + " select ?, outcome, true, decided_by, reference_date, rule_set_version, rule_set_hash, reasons,"
                        + " '{\"fee\": \"999.00\"}', fired_rules, input_hash from decisions where case_id = ?",
                tampered,
                id);
        JsonNode different =
                json.readTree(get("/api/cases/" + tampered + "/recomputation").body());
        assertThat(different.path("identical").asBoolean()).isFalse();
        assertThat(different.path("differences").toString())
                .contains("amounts")
                .contains("999.00")
                .contains("240.00");
    }

    @Test
    void refusesToRecomputeWithContentOtherThanTheDecisionWasTakenWith() {
        long id = json.readTree(post("/api/cases/decide-now", payload("parking-permit-zone-a.json"))
                        .body())
                .path("id")
                .asLong();
        user = TestUsers.AUDITOR;
        String shippedHash =
                jdbc.queryForObject("select rule_set_hash from decisions where case_id = ?", String.class, id);
        assertThat(shippedHash).as("SHA-256, hex").matches("[0-9a-f]{64}");

        // recorded with other content under the same label
        long otherContent = copyOf(id, "PARKING_PERMIT/2026.1.1", "0".repeat(64));
        HttpResponse<String> refused = get("/api/cases/" + otherContent + "/recomputation");
        assertThat(refused.statusCode()).isEqualTo(409);
        JsonNode problem = json.readTree(refused.body());
        long decisionId = problem.path("decisionId").asLong();
        assertThat(problem.path("detail").asString())
                .contains("Besluit " + decisionId)
                .contains("PARKING_PERMIT/2026.1.1")
                .contains("0".repeat(64))
                .contains(shippedHash);

        // a label whose content is nowhere to be found
        long missing = copyOf(id, "PARKING_PERMIT/1999.1", shippedHash);
        HttpResponse<String> gone = get("/api/cases/" + missing + "/recomputation");
        assertThat(gone.statusCode()).isEqualTo(409);
        assertThat(json.readTree(gone.body()).path("detail").asString())
                .contains("PARKING_PERMIT/1999.1")
                .contains(shippedHash)
                .contains("niet te vinden");

        // no hash recorded: which content decided cannot be told
        long unknown = copyOf(id, "PARKING_PERMIT/2026.1.1", null);
        assertThat(json.readTree(get("/api/cases/" + unknown + "/recomputation").body())
                        .path("detail")
                        .asString())
                .contains("geen inhoudshash");
    }

    @Test
    void aDecisionsHashIsFilledOnceAndNeverChanged() {
        long id = json.readTree(post("/api/cases/decide-now", payload("parking-permit-zone-a.json"))
                        .body())
                .path("id")
                .asLong();
        long legacy = copyOf(id, "PARKING_PERMIT/2026.1", null);

        jdbc.update("update decisions set rule_set_hash = ? where case_id = ?", "a".repeat(64), legacy);

        assertThat(jdbc.queryForObject("select rule_set_hash from decisions where case_id = ?", String.class, legacy))
                .isEqualTo("a".repeat(64));
        org.assertj.core.api.Assertions.assertThatThrownBy(() ->
                        jdbc.update("update decisions set rule_set_hash = ? where case_id = ?", "b".repeat(64), legacy))
                .hasMessageContaining("immutable");
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> jdbc.update("update decisions set outcome = 'REJECTED' where case_id = ?", id))
                .hasMessageContaining("immutable");
    }

    /** A copy of a case and its automated decision, recorded with the given label and hash. */
    private long copyOf(long caseId, String ruleSetVersion, String ruleSetHash) {
        long copy = jdbc.queryForObject(
                "insert into cases (case_type, reference_date, input, status)"
                        + " select case_type, reference_date, input, 'DECIDED' from cases where id = ? returning id",
                Long.class,
                caseId);
        jdbc.update(
                "insert into decisions (case_id, outcome, automated, decided_by, reference_date, rule_set_version,"
                        + " rule_set_hash, reasons, amounts, fired_rules, input_hash)"
                        + " select ?, outcome, true, decided_by, reference_date, ?, ?, reasons, amounts, fired_rules,"
                        + " input_hash from decisions where case_id = ?",
                copy,
                ruleSetVersion,
                ruleSetHash,
                caseId);
        return copy;
    }

    @Test
    void answersNotFoundForAnUnknownCase() {
        assertThat(get("/api/cases/987654321").statusCode()).isEqualTo(404);
    }

    @Test
    void anApplicationSentAgainWithItsKeyIsStoredOnceAndTheKeyWithAnotherIsRefused() {
        String key = "queue-" + java.util.UUID.randomUUID();
        String application = payload("parking-permit-zone-a.json");
        long casesBefore = countCases();

        HttpResponse<String> first = postWithKey("/api/cases", application, key);
        HttpResponse<String> again = postWithKey("/api/cases", application, key);
        HttpResponse<String> other = postWithKey("/api/cases", payload("parking-permit-length-missing.json"), key);

        assertThat(first.statusCode()).isEqualTo(202);
        assertThat(again.statusCode()).isEqualTo(202);
        long id = json.readTree(first.body()).path("id").asLong();
        assertThat(json.readTree(again.body()).path("id").asLong()).isEqualTo(id);
        assertThat(again.headers().firstValue("Location")).hasValue("/api/cases/" + id);
        assertThat(other.statusCode()).isEqualTo(422);
        assertThat(json.readTree(other.body()).path("errors").findValuesAsString("field"))
                .containsExactly("Idempotency-Key");
        assertThat(countCases()).as("one case for the three requests").isEqualTo(casesBefore + 1);

        HttpResponse<String> noKey = postWithKey("/api/cases", application, "a key with spaces");
        assertThat(noKey.statusCode()).isEqualTo(400);
        assertThat(json.readTree(noKey.body()).path("errors").findValuesAsString("field"))
                .containsExactly("Idempotency-Key");
        assertThat(countCases()).isEqualTo(casesBefore + 1);
    }

    @Test
    void decidedAtOnceAndSentAgainAtOnceByManyItIsOneCaseWithOneDecision() throws Exception {
        String key = "now-" + java.util.UUID.randomUUID();
        String application = payload("parking-permit-zone-a.json");
        long casesBefore = countCases();

        // the same application with the same key, eight times at once, then once more
        java.util.concurrent.ExecutorService senders = java.util.concurrent.Executors.newFixedThreadPool(8);
        List<java.util.concurrent.Future<HttpResponse<String>>> sent = new java.util.ArrayList<>();
        try {
            for (int i = 0; i < 8; i++) {
                sent.add(senders.submit(() -> postWithKey("/api/cases/decide-now", application, key)));
            }
        } finally {
            senders.shutdown();
        }
        java.util.Set<Long> ids = new java.util.HashSet<>();
        for (java.util.concurrent.Future<HttpResponse<String>> request : sent) {
            HttpResponse<String> answer = request.get(1, java.util.concurrent.TimeUnit.MINUTES);
            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(201);
            JsonNode caseFile = json.readTree(answer.body());
            assertThat(caseFile.path("decisions").path(0).path("outcome").asString())
                    .isEqualTo("GRANTED");
            ids.add(caseFile.path("id").asLong());
        }
        HttpResponse<String> later = postWithKey("/api/cases/decide-now", application, key);

        assertThat(ids).as("every request answered with the same case").hasSize(1);
        long id = ids.iterator().next();
        assertThat(json.readTree(later.body()).path("id").asLong()).isEqualTo(id);
        assertThat(countCases()).isEqualTo(casesBefore + 1);
        assertThat(jdbc.queryForObject("select count(*) from decisions where case_id = ?", Long.class, id))
                .isEqualTo(1);
    }

    private HttpResponse<String> postWithKey(String path, String body, String key) {
        return new Http(port).as(user).post(path, "application/json", body, "Idempotency-Key", key);
    }

    private long countCases() {
        return jdbc.queryForObject("select count(*) from cases", Long.class);
    }

    private HttpResponse<String> post(String path, String body) {
        return new Http(port).as(user).post(path, "application/json", body);
    }

    private HttpResponse<String> get(String path, String... headers) {
        return new Http(port).as(user).get(path, headers);
    }

    private static String payload(String name) {
        return Http.resource("intake/" + name);
    }
}
