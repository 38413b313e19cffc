package nl.beslisstraat.engine.authoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.List;
import nl.beslisstraat.engine.audit.AuditLog;
import nl.beslisstraat.engine.cases.CaseApplication;
import nl.beslisstraat.engine.decision.DecisionOutcome;
import nl.beslisstraat.engine.decision.DecisionService;
import nl.beslisstraat.engine.decision.DecisionStore;
import nl.beslisstraat.engine.decision.Recomputation;
import nl.beslisstraat.engine.norms.NormCatalog;
import nl.beslisstraat.engine.regulation.RegulationCatalog;
import nl.beslisstraat.engine.support.Browserless;
import nl.beslisstraat.engine.support.DatabaseIntegrationTest;
import nl.beslisstraat.engine.support.Http;
import nl.beslisstraat.engine.support.TestUsers;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A policy officer raises the zone A fee from 2027 by uploading a new version of the table: the
 * example cases show what changes, a colleague approves it, the running engine decides 2027 cases
 * with it and 2026 cases with the old version, without a restart; withdrawn before it takes
 * effect, the old version applies again. A hostile upload changes nothing.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class RuleSetApiIntegrationTests extends DatabaseIntegrationTest {

    private static final String TABLE = "nl/beslisstraat/rules/parkingpermit/2026.2.1/parking-permit.table.xlsx";

    private final JsonMapper json = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    JsonMapper springJson;

    @Autowired
    DecisionService decisions;

    @Autowired
    AuditLog audit;

    @Autowired
    NormCatalog norms;

    @Autowired
    RegulationCatalog regulations;

    @Autowired
    RuleSetCandidates candidates;

    @Autowired
    DecisionStore decisionStore;

    @Autowired
    Recomputation recomputation;

    @Test
    void anApprovedVersionDecidesCasesFromItsEffectiveDateWithoutARestart() throws IOException {
        Http author = new Http(port).as(TestUsers.POLICY_OFFICER);
        Http colleague = new Http(port).as(TestUsers.SECOND_POLICY_OFFICER);
        Http eservice = new Http(port).as(TestUsers.INTAKE);

        HttpResponse<String> uploaded =
                author.post("/api/rulesets/PARKING_PERMIT/candidates?version=2027.1", zoneAFee("250.00"));
        assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(201);
        JsonNode candidate = json.readTree(uploaded.body());
        long id = candidate.path("id").asLong();
        assertThat(candidate.path("status").asString()).isEqualTo("DRAFT");
        assertThat(candidate.path("failed").asLong())
                .as("examples expecting 240.00 in zone A")
                .isPositive();
        assertThat(candidate.path("passed").asLong())
                .as("zone B, rejections, reviews")
                .isPositive();

        JsonNode diff = json.readTree(
                author.get("/api/rulesets/candidates/" + id + "/diff").body());
        assertThat(diff.size()).isEqualTo(1);
        assertThat(diff.path(0).path("rule").asString()).isEqualTo("Art. 7 lid 1: verlenen zone A");
        assertThat(diff.path(0).path("change").asString()).isEqualTo("CHANGED");
        assertThat(diff.path(0).path("cells").path(0).path("column").asString()).isEqualTo("Leges per jaar (EUR)");
        assertThat(diff.path(0).path("cells").path(0).path("before").asString()).isEqualTo("240.00");
        assertThat(diff.path(0).path("cells").path(0).path("after").asString()).isEqualTo("250.00");

        HttpResponse<String> ownApproval = author.post(
                "/api/rulesets/candidates/" + id + "/approval?effectiveFrom=2027-01-01", "application/json", "");
        assertThat(ownApproval.statusCode()).isEqualTo(409);
        assertThat(json.readTree(ownApproval.body()).path("detail").asString()).contains("Vier ogen");

        HttpResponse<String> approved = colleague.post(
                "/api/rulesets/candidates/" + id + "/approval?effectiveFrom=2027-01-01", "application/json", "");
        assertThat(approved.statusCode()).as(approved.body()).isEqualTo(200);

        JsonNode in2027 = decision(eservice, "2027-01-04");
        assertThat(in2027.path("ruleSetVersion").asString()).isEqualTo("PARKING_PERMIT/2027.1");
        assertThat(in2027.path("amounts").path("fee").asString()).isEqualTo("250.00");
        JsonNode in2026 = decision(eservice, "2026-12-01");
        assertThat(in2026.path("ruleSetVersion").asString()).isEqualTo("PARKING_PERMIT/2026.2.1");
        assertThat(in2026.path("amounts").path("fee").asString()).isEqualTo("240.00");

        // 2026.1 (no diesel surcharge) brought back from 2027-06-01 as version 2027.9
        HttpResponse<String> back = author.post(
                "/api/rulesets/PARKING_PERMIT/versions/2026.1/reactivation?newVersion=2027.9", "application/json", "");
        assertThat(back.statusCode()).as(back.body()).isEqualTo(201);
        long backId = json.readTree(back.body()).path("id").asLong();
        JsonNode backAuthorship = json.readTree(back.body()).path("authorship");
        assertThat(backAuthorship.path("authorPerson").asString()).isEqualTo(TestUsers.POLICY_OFFICER_PERSON);
        assertThat(backAuthorship.path("reactivatedFrom").asString()).isEqualTo("2026.1");
        assertThat(backAuthorship.path("originAuthor").isNull())
                .as("shipped with the product")
                .isTrue();
        assertThat(colleague
                        .post(
                                "/api/rulesets/candidates/" + backId + "/approval?effectiveFrom=2027-06-01",
                                "application/json",
                                "")
                        .statusCode())
                .isEqualTo(200);
        assertThat(decision(eservice, "2027-06-02").path("ruleSetVersion").asString())
                .isEqualTo("PARKING_PERMIT/2027.9");
        assertThat(decision(eservice, "2027-05-31").path("ruleSetVersion").asString())
                .isEqualTo("PARKING_PERMIT/2027.1");
        assertThat(author.post("/api/rulesets/candidates/" + backId + "/withdrawal", "application/json", "")
                        .statusCode())
                .isEqualTo(200);

        // the colleague brings back the author's 2027.1: the colleague is its author, and the
        // author of 2027.1 may not approve it either
        HttpResponse<String> again = colleague.post(
                "/api/rulesets/PARKING_PERMIT/versions/2027.1/reactivation?newVersion=2027.8", "application/json", "");
        assertThat(again.statusCode()).as(again.body()).isEqualTo(201);
        JsonNode againCandidate = json.readTree(again.body());
        long againId = againCandidate.path("id").asLong();
        assertThat(againCandidate.path("author").asString()).isEqualTo(TestUsers.SECOND_POLICY_OFFICER);
        assertThat(againCandidate.path("authorship").path("originAuthor").asString())
                .isEqualTo(TestUsers.POLICY_OFFICER);
        assertThat(againCandidate.path("authorship").path("originAuthorPerson").asString())
                .isEqualTo(TestUsers.POLICY_OFFICER_PERSON);
        assertThat(Browserless.signedIn(port, TestUsers.SECOND_POLICY_OFFICER)
                        .get("/rules/candidates/" + againId)
                        .body())
                .contains("Brengt versie 2027.1 terug, geschreven door " + TestUsers.POLICY_OFFICER
                        + " (personeelsnummer " + TestUsers.POLICY_OFFICER_PERSON + ")")
                .doesNotContain("approve-button");
        HttpResponse<String> byOriginalAuthor = author.post(
                "/api/rulesets/candidates/" + againId + "/approval?effectiveFrom=2027-09-01", "application/json", "");
        assertThat(byOriginalAuthor.statusCode()).as(byOriginalAuthor.body()).isEqualTo(409);
        assertThat(json.readTree(byOriginalAuthor.body()).path("detail").asString())
                .contains("brengt versie 2027.1 terug");
        assertThat(jdbc.queryForObject("select status from rule_set_candidates where id = ?", String.class, againId))
                .isEqualTo("DRAFT");
        assertThat(jdbc.queryForList(
                        "select action from audit_log where subject_type = 'rule-set-version' and subject_id = ? order by id",
                        String.class,
                        Long.toString(againId)))
                .containsExactly("RULE_SET_UPLOADED", "RULE_SET_REACTIVATED");
        assertThat(colleague
                        .post("/api/rulesets/candidates/" + againId + "/withdrawal", "application/json", "")
                        .statusCode())
                .isEqualTo(200);

        assertThat(author.post("/api/rulesets/candidates/" + id + "/withdrawal", "application/json", "")
                        .statusCode())
                .isEqualTo(200);
        assertThat(decision(eservice, "2027-01-04").path("ruleSetVersion").asString())
                .isEqualTo("PARKING_PERMIT/2026.2.1");
        assertThat(jdbc.queryForList(
                        "select action from audit_log where subject_type = 'rule-set-version' and subject_id = ? order by id",
                        String.class,
                        Long.toString(id)))
                .containsExactly("RULE_SET_UPLOADED", "RULE_SET_APPROVED", "RULE_SET_WITHDRAWN");

        // After a restart (a new catalog read from the database), the withdrawn version is not in
        // force, yet the 2027 decision taken with it before the withdrawal still recomputes.
        RegulationCatalog restarted = new RegulationCatalog(springJson);
        new RuleSetCandidates(
                restarted, decisions, jdbc, audit, springJson, event -> {}, accounts, OfficerJobs.withDefaultBudgets());
        assertThat(restarted.inForce("PARKING_PERMIT", LocalDate.of(2027, 1, 4)).version())
                .isEqualTo("PARKING_PERMIT/2026.2.1");
        DecisionOutcome recomputed = new DecisionService(restarted, norms, springJson)
                .recompute(
                        new CaseApplication(
                                "PARKING_PERMIT",
                                LocalDate.of(2027, 1, 4),
                                springJson.readTree(Http.resource("intake/parking-permit-zone-a.json")
                                        .replace("2026-03-15", "2027-01-04"))),
                        "PARKING_PERMIT/2027.1",
                        null);
        assertThat(recomputed.amounts().get("fee")).isEqualByComparingTo("250.00");
    }

    @Test
    void aSimulationShowsWhichPastOutcomesTheCandidateWouldChange() throws IOException {
        Http author = new Http(port).as(TestUsers.POLICY_OFFICER);
        Http eservice = new Http(port).as(TestUsers.INTAKE);
        String longCar = Http.resource("intake/parking-permit-zone-a.json").replace("\"4.50\"", "\"5.50\"");
        HttpResponse<String> decided = eservice.post("/api/cases/decide-now", "application/json", longCar);
        long longCarCase = json.readTree(decided.body()).path("id").asLong();
        eservice.post("/api/cases/decide-now", "application/json", Http.resource("intake/parking-permit-zone-a.json"));

        // the candidate lowers the maximum length from 6.00 m to 5.00 m
        byte[] shorter = edited(sheet -> {
            for (Row row : sheet) {
                if (row.getCell(0) != null
                        && row.getCell(0).toString().equals("Art. 3 lid 1a: voertuig te lang, afwijzen")) {
                    row.getCell(2).setCellValue("5.00");
                }
            }
        });
        long id = json.readTree(author.post("/api/rulesets/PARKING_PERMIT/candidates?version=2027.2", shorter)
                        .body())
                .path("id")
                .asLong();

        HttpResponse<String> simulated =
                author.post("/api/rulesets/candidates/" + id + "/simulation?last=2", "application/json", "");

        assertThat(simulated.statusCode()).as(simulated.body()).isEqualTo(200);
        JsonNode result = json.readTree(simulated.body());
        assertThat(result.path("cases").asLong()).isEqualTo(2);
        assertThat(result.path("changed").asLong()).isEqualTo(1);
        JsonNode transition = result.path("transitions").path(0);
        assertThat(transition.path("from").asString()).isEqualTo("GRANTED");
        assertThat(transition.path("to").asString()).isEqualTo("REJECTED");
        assertThat(transition.path("sampleCases").toString()).isEqualTo("[" + longCarCase + "]");
    }

    /**
     * Issue 9, item 4: an officer uploads a draft labelled like shipped 2026.2, a colleague
     * "reactivates shipped 2026.2" and approves what is in fact the unapproved draft, which then
     * replaces 2026.2 for every recomputation. A label names one content, for good.
     */
    @Test
    void aVersionLabelNamesOneContentForGood() throws IOException {
        Http author = new Http(port).as(TestUsers.POLICY_OFFICER);
        Http colleague = new Http(port).as(TestUsers.SECOND_POLICY_OFFICER);
        String shipped = "PARKING_PERMIT/2026.2";
        String shippedHash = regulations.version(shipped).contentHash();

        // a shipped label cannot be uploaded
        HttpResponse<String> posing =
                author.post("/api/rulesets/PARKING_PERMIT/candidates?version=2026.2", zoneAFee("1.00"));
        assertThat(posing.statusCode()).as(posing.body()).isEqualTo(400);
        assertThat(json.readTree(posing.body()).path("errors").toString())
                .contains(
                        "versielabel 2026.2 van Bewonersparkeervergunning is al gebruikt door een meegeleverde versie");
        assertThat(jdbc.queryForObject(
                        "select count(*) from rule_set_candidates where case_type = 'PARKING_PERMIT' and version = '2026.2'",
                        Long.class))
                .isZero();

        // a label withdrawn as a draft stays taken
        long first = json.readTree(
                        author.post("/api/rulesets/PARKING_PERMIT/candidates?version=2028.1", zoneAFee("260.00"))
                                .body())
                .path("id")
                .asLong();
        assertThat(jdbc.queryForObject(
                        "select content_hash from rule_set_candidates where id = ?", String.class, first))
                .matches("[0-9a-f]{64}")
                .isNotEqualTo(shippedHash);
        assertThat(author.post("/api/rulesets/candidates/" + first + "/withdrawal", "application/json", "")
                        .statusCode())
                .isEqualTo(200);
        HttpResponse<String> reused =
                author.post("/api/rulesets/PARKING_PERMIT/candidates?version=2028.1", zoneAFee("270.00"));
        assertThat(reused.statusCode()).isEqualTo(400);
        assertThat(json.readTree(reused.body()).path("errors").toString())
                .contains("versielabel 2028.1 van Bewonersparkeervergunning is al gebruikt door een eerdere upload");

        // only approved or shipped content can be reactivated
        long draft = json.readTree(
                        author.post("/api/rulesets/PARKING_PERMIT/candidates?version=2028.2", zoneAFee("280.00"))
                                .body())
                .path("id")
                .asLong();
        HttpResponse<String> fromDraft = colleague.post(
                "/api/rulesets/PARKING_PERMIT/versions/2028.2/reactivation?newVersion=2028.3", "application/json", "");
        assertThat(fromDraft.statusCode()).isEqualTo(409);
        assertThat(json.readTree(fromDraft.body()).path("detail").asString())
                .contains("Versie 2028.2 van Bewonersparkeervergunning is een concept");
        HttpResponse<String> fromWithdrawnDraft = colleague.post(
                "/api/rulesets/PARKING_PERMIT/versions/2028.1/reactivation?newVersion=2028.3", "application/json", "");
        assertThat(fromWithdrawnDraft.statusCode()).isEqualTo(409);
        assertThat(json.readTree(fromWithdrawnDraft.body()).path("detail").asString())
                .contains("ingetrokken voordat die was goedgekeurd");

        // a draft planted under the shipped label before labels were guarded: reactivating shipped
        // 2026.2 copies the shipped table, and the planted draft cannot be approved
        byte[] planted = zoneAFee("1.00");
        long plantedId = jdbc.queryForObject(
                "insert into rule_set_candidates (case_type, version, table_resource, content, author, example_results)"
                        + " values ('PARKING_PERMIT', '2026.2', '2026.2/parking-permit.drl.xlsx', ?, 'officer', '[]')"
                        + " returning id",
                Long.class,
                planted);
        HttpResponse<String> back = colleague.post(
                "/api/rulesets/PARKING_PERMIT/versions/2026.2/reactivation?newVersion=2028.4", "application/json", "");
        assertThat(back.statusCode()).as(back.body()).isEqualTo(201);
        long backId = json.readTree(back.body()).path("id").asLong();
        assertThat(jdbc.queryForObject("select content from rule_set_candidates where id = ?", byte[].class, backId))
                .isEqualTo(regulations.version(shipped).tableContent());
        HttpResponse<String> plantedApproval = colleague.post(
                "/api/rulesets/candidates/" + plantedId + "/approval?effectiveFrom=2028-01-01", "application/json", "");
        assertThat(plantedApproval.statusCode()).isEqualTo(409);
        assertThat(json.readTree(plantedApproval.body()).path("detail").asString())
                .contains("meegeleverde versie");
        assertThat(regulations.version(shipped).contentHash()).isEqualTo(shippedHash);

        // approved content can be reactivated in turn
        assertThat(author.post(
                                "/api/rulesets/candidates/" + backId + "/approval?effectiveFrom=2028-06-01",
                                "application/json",
                                "")
                        .statusCode())
                .isEqualTo(200);
        HttpResponse<String> again = colleague.post(
                "/api/rulesets/PARKING_PERMIT/versions/2028.4/reactivation?newVersion=2028.5", "application/json", "");
        assertThat(again.statusCode()).as(again.body()).isEqualTo(201);
        long againId = json.readTree(again.body()).path("id").asLong();
        assertThat(author.post("/api/rulesets/candidates/" + backId + "/withdrawal", "application/json", "")
                        .statusCode())
                .isEqualTo(200);

        // every decision records the hash of the content that decided it
        JsonNode decided = decision(new Http(port).as(TestUsers.INTAKE), "2026-12-01");
        // (the model version in force then is 2026.2.1: 2026.2 with the local choices named in its texts)
        assertThat(decided.path("ruleSetVersion").asString()).isEqualTo(shipped + ".1");
        assertThat(decided.path("ruleSetHash").asString())
                .isEqualTo(regulations.version(shipped + ".1").contentHash());
        assertThat(jdbc.queryForObject(
                        "select content_hash from rule_set_labels where case_type = 'PARKING_PERMIT' and version = '2026.2'",
                        String.class))
                .isEqualTo(shippedHash);
        assertThat(List.of(draft, againId))
                .allSatisfy(id -> assertThat(jdbc.queryForObject(
                                "select status from rule_set_candidates where id = ?", String.class, id))
                        .isEqualTo("DRAFT"));
    }

    @Test
    void decisionsRecordedBeforeHashesGetTheHashOfTheVersionTheyNameAtStartUp() {
        JsonNode decided = decision(new Http(port).as(TestUsers.INTAKE), "2026-03-15");
        long caseId = jdbc.queryForObject(
                "select case_id from decisions where id = ?",
                Long.class,
                decided.path("id").asLong());
        long legacy = jdbc.queryForObject(
                "insert into cases (case_type, reference_date, input, status)"
                        + " select case_type, reference_date, input, 'DECIDED' from cases where id = ? returning id",
                Long.class,
                caseId);
        jdbc.update(
                "insert into decisions (case_id, outcome, automated, decided_by, reference_date, rule_set_version,"
                        + " reasons, amounts, fired_rules, input_hash)"
                        + " select ?, outcome, true, decided_by, reference_date, rule_set_version, reasons, amounts,"
                        + " fired_rules, input_hash from decisions where case_id = ?",
                legacy,
                caseId);

        new RecordedContentHashes(candidates, regulations, norms, decisionStore, jdbc);

        assertThat(jdbc.queryForObject("select rule_set_hash from decisions where case_id = ?", String.class, legacy))
                .isEqualTo(regulations.version("PARKING_PERMIT/2026.1.1").contentHash());
        assertThat(recomputation.ofCase(legacy).orElseThrow().identical()).isTrue();
    }

    @Test
    void aHostileUploadIsRefusedAndChangesNothing() throws IOException {
        Http author = new Http(port).as(TestUsers.POLICY_OFFICER);
        // code where a length in metres belongs, and a cell beside the table
        byte[] hostile = edited(sheet -> {
            sheet.getRow(6).createCell(2).setCellValue("6.00B || System.exit(0) == null");
            sheet.getRow(6).createCell(20).setCellValue("RuleTable");
        });

        HttpResponse<String> refused = author.post("/api/rulesets/PARKING_PERMIT/candidates?version=6.6.6", hostile);

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(json.readTree(refused.body()).path("errors").toString())
                .contains("cel C7: hier hoort een getal tussen 0 en 30")
                .contains("cel U7: deze cel ligt buiten de tabel");
        assertThat(jdbc.queryForObject("select count(*) from rule_set_candidates where version = '6.6.6'", Long.class))
                .isZero();
        JsonNode still = decision(new Http(port).as(TestUsers.INTAKE), "2026-12-01");
        assertThat(still.path("ruleSetVersion").asString()).isEqualTo("PARKING_PERMIT/2026.2.1");
    }

    private JsonNode decision(Http eservice, String referenceDate) {
        String payload = Http.resource("intake/parking-permit-zone-a.json").replace("2026-03-15", referenceDate);
        HttpResponse<String> response = eservice.post("/api/cases/decide-now", "application/json", payload);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return json.readTree(response.body()).path("decisions").path(0);
    }

    private static byte[] zoneAFee(String fee) throws IOException {
        return edited(sheet -> {
            for (Row row : sheet) {
                if (row.getCell(0) != null && row.getCell(0).toString().equals("Art. 7 lid 1: verlenen zone A")) {
                    row.getCell(6).setCellValue(fee);
                }
            }
        });
    }

    private static byte[] edited(java.util.function.Consumer<Sheet> edit) throws IOException {
        try (InputStream in = RuleSetApiIntegrationTests.class.getClassLoader().getResourceAsStream(TABLE);
                XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(in.readAllBytes()))) {
            edit.accept(workbook.getSheetAt(0));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            workbook.write(out);
            return out.toByteArray();
        }
    }
}
