package nl.beslisstraat.engine.norms;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import nl.beslisstraat.engine.audit.AuditLog;
import nl.beslisstraat.engine.authoring.ApprovalRefused;
import nl.beslisstraat.engine.authoring.NormCandidates;
import nl.beslisstraat.engine.security.Role;
import nl.beslisstraat.engine.support.Browserless;
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
 * A policy officer raises a norm amount from 2027-01-01 the way the workbench intends: download
 * the table in force as CSV, change it, upload it as a new version, see the example cases and
 * which past decisions would change, and have a colleague approve it. The running engine then
 * decides cases dated 2027 with the new amount and cases dated 2026 with the old one. A broken
 * table is refused line by line and changes nothing.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class NormApiIntegrationTests extends DatabaseIntegrationTest {

    /** The single person's cost of living norm below pension age, second half of 2026. */
    static final String SINGLE_2026 = "COST_OF_LIVING,SINGLE,false,2026-07-01,,1271.15";

    private final JsonMapper json = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    NormStore store;

    @Autowired
    AuditLog audit;

    @Autowired
    NormCandidates candidates;

    @Test
    void aRaisedNormGoesThroughUploadSimulationAndApprovalAndDecidesOnlyCasesFromItsDate() {
        Http intake = new Http(port).as(TestUsers.INTAKE);
        Http officer = new Http(port).as(TestUsers.POLICY_OFFICER);
        Http colleague = new Http(port).as(TestUsers.SECOND_POLICY_OFFICER);
        Http auditor = new Http(port).as(TestUsers.AUDITOR);

        // 1680.00 is above 130 % of 1271.15 (1652.495) but within 130 % of 1300.00 (1690.00)
        HttpResponse<String> past =
                intake.post("/api/cases/decide-now", "application/json", Http.resource("intake/city-pass-2026.json"));
        assertThat(decision(past).path("outcome").asString()).isEqualTo("REJECTED");
        long pastCase = json.readTree(past.body()).path("id").asLong();
        HttpResponse<String> before =
                intake.post("/api/cases/decide-now", "application/json", Http.resource("intake/city-pass-2027.json"));
        assertThat(decision(before).path("outcome").asString()).isEqualTo("REJECTED");
        assertThat(decision(before).path("normVersion").asString()).isEqualTo("2026.1");

        String current = officer.get("/api/norms/2026.1/csv").body();
        assertThat(current).contains("norm,householdType,pensionAge,validFrom,validUntil,amount", SINGLE_2026);
        String raised = current.replace(
                SINGLE_2026,
                "COST_OF_LIVING,SINGLE,false,2026-07-01,2026-12-31,1271.15\n"
                        + "COST_OF_LIVING,SINGLE,false,2027-01-01,,1300.00");
        HttpResponse<String> uploaded =
                officer.post("/api/norms/candidates?version=2027.1&note=Normen%202027", "text/csv", "\uFEFF" + raised);
        assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(201);
        JsonNode draft = json.readTree(uploaded.body());
        long id = draft.path("id").asLong();
        assertThat(draft.path("status").asString()).isEqualTo("DRAFT");
        // the example cases of TAX_REMISSION (30) and CITY_PASS (30) are dated 2026: all as before
        assertThat(draft.path("passed").asLong()).isEqualTo(60);
        assertThat(draft.path("failed").asLong()).isZero();
        // nothing is in force yet
        assertThat(decision(intake.post(
                                "/api/cases/decide-now",
                                "application/json",
                                Http.resource("intake/city-pass-2027.json")))
                        .path("normVersion")
                        .asString())
                .isEqualTo("2026.1");

        String diff = officer.get("/api/norms/candidates/" + id + "/diff").body();
        assertThat(json.readTree(diff).findValuesAsString("change")).containsExactlyInAnyOrder("CHANGED", "ADDED");
        assertThat(diff).contains("\"validUntilAfter\":\"2026-12-31\"").contains("\"amountAfter\":1300.00");

        // the newest past case, decided with 1271.15, would be granted with the 2027 amount
        JsonNode simulation =
                json.readTree(officer.post("/api/norms/candidates/" + id + "/simulation?last=1", new byte[0])
                        .body());
        assertThat(simulation.path("cases").asLong()).isEqualTo(1);
        assertThat(simulation.path("changed").asLong()).isEqualTo(1);
        JsonNode transition = simulation.path("transitions").path(0);
        assertThat(transition.path("from").asString()).isEqualTo("REJECTED");
        assertThat(transition.path("to").asString()).isEqualTo("GRANTED");
        // ... and with the amounts of 2026 the same cases keep their outcome
        JsonNode asIn2026 = json.readTree(
                officer.post("/api/norms/candidates/" + id + "/simulation?asOf=2026-12-01&last=2", new byte[0])
                        .body());
        assertThat(asIn2026.path("changed").asLong()).isZero();
        // over a period of reference dates: the 2026 case is among those that would change
        JsonNode period = json.readTree(
                officer.post("/api/norms/candidates/" + id + "/simulation?from=2026-07-01&to=2026-12-31", new byte[0])
                        .body());
        assertThat(period.path("transitions").findValuesAsString("to")).contains("GRANTED");

        assertThat(officer.post("/api/norms/candidates/" + id + "/approval?effectiveFrom=2027-01-01", new byte[0])
                        .statusCode())
                .as("the author cannot approve")
                .isEqualTo(409);
        HttpResponse<String> approved =
                colleague.post("/api/norms/candidates/" + id + "/approval?effectiveFrom=2027-01-01", new byte[0]);
        assertThat(approved.statusCode()).as(approved.body()).isEqualTo(200);
        assertThat(json.readTree(approved.body()).path("approver").asString())
                .isEqualTo(TestUsers.SECOND_POLICY_OFFICER);

        JsonNode in2027 = decision(
                intake.post("/api/cases/decide-now", "application/json", Http.resource("intake/city-pass-2027.json")));
        assertThat(in2027.path("outcome").asString()).isEqualTo("GRANTED");
        assertThat(in2027.path("normVersion").asString()).isEqualTo("2027.1");
        assertThat(in2027.path("dates").path("validUntil").asString()).isEqualTo("2027-12-31");
        JsonNode in2026 = decision(
                intake.post("/api/cases/decide-now", "application/json", Http.resource("intake/city-pass-2026.json")));
        assertThat(in2026.path("outcome").asString()).isEqualTo("REJECTED");
        assertThat(in2026.path("normVersion").asString()).isEqualTo("2026.1");

        assertThat(json.readTree(officer.get("/api/norms").body()).findValuesAsString("version"))
                .contains("2026.1", "2027.1");
        assertThat(jdbc.queryForList(
                        "select action from audit_log where subject_type = 'norm-version' and subject_id = ? order by id",
                        String.class,
                        Long.toString(id)))
                .containsExactly("NORM_VERSION_UPLOADED", "NORM_VERSION_APPROVED");
        assertThat(jdbc.queryForObject(
                        "select created_by || '/' || approved_by from norm_versions where version = '2027.1'",
                        String.class))
                .isEqualTo(TestUsers.POLICY_OFFICER + "/" + TestUsers.SECOND_POLICY_OFFICER);
        // the decision taken before the new version still recomputes identically with its own norms
        JsonNode recomputed = json.readTree(
                auditor.get("/api/cases/" + pastCase + "/recomputation").body());
        assertThat(recomputed.path("identical").asBoolean()).isTrue();
        assertThat(recomputed.path("normVersion").asString()).isEqualTo("2026.1");
    }

    @Test
    void aVersionWithdrawnBeforeItsDateIsNoLongerUsedButStillKnown() {
        Http intake = new Http(port).as(TestUsers.INTAKE);
        Http officer = new Http(port).as(TestUsers.POLICY_OFFICER);
        Http colleague = new Http(port).as(TestUsers.SECOND_POLICY_OFFICER);
        String table = officer.get("/api/norms/2026.1/csv")
                .body()
                .replace(
                        SINGLE_2026,
                        "COST_OF_LIVING,SINGLE,false,2026-07-01,2028-03-31,1271.15\n"
                                + "COST_OF_LIVING,SINGLE,false,2028-04-01,,1500.00");
        long id = json.readTree(officer.post("/api/norms/candidates?version=2028.2", "text/csv", table)
                        .body())
                .path("id")
                .asLong();
        assertThat(colleague
                        .post("/api/norms/candidates/" + id + "/approval?effectiveFrom=2028-04-01", new byte[0])
                        .statusCode())
                .isEqualTo(200);
        String april2028 = Http.resource("intake/city-pass-2027.json").replace("2027-01-04", "2028-04-03");
        assertThat(decision(intake.post("/api/cases/decide-now", "application/json", april2028))
                        .path("normVersion")
                        .asString())
                .isEqualTo("2028.2");

        HttpResponse<String> withdrawn = officer.post("/api/norms/candidates/" + id + "/withdrawal", new byte[0]);
        assertThat(withdrawn.statusCode()).as(withdrawn.body()).isEqualTo(200);
        assertThat(decision(intake.post("/api/cases/decide-now", "application/json", april2028))
                        .path("normVersion")
                        .asString())
                .isNotEqualTo("2028.2");
        assertThat(json.readTree(officer.get("/api/norms").body()).findValuesAsString("version"))
                .doesNotContain("2028.2");
        assertThat(officer.get("/api/norms/2028.2").statusCode()).isEqualTo(200);
        assertThat(jdbc.queryForObject(
                        "select withdrawn_by from norm_withdrawals where version = '2028.2'", String.class))
                .isEqualTo(TestUsers.POLICY_OFFICER);
        assertThat(officer.post("/api/norms/candidates/" + id + "/withdrawal", new byte[0])
                        .statusCode())
                .isEqualTo(409);

        // a restarted engine, and the next nightly run, read the norm table from the database:
        // the withdrawn version is known for recomputing but not in force
        NormCatalog restarted = new NormTable.Catalog().normCatalog(store, audit);
        assertThat(restarted.knows("2028.2")).isTrue();
        assertThat(restarted.inForce(LocalDate.of(2028, 4, 3)).version()).isNotEqualTo("2028.2");
    }

    @Test
    void theNextNightlyRunReadsAnApprovedVersionFromTheDatabase() {
        Http officer = new Http(port).as(TestUsers.POLICY_OFFICER);
        Http colleague = new Http(port).as(TestUsers.SECOND_POLICY_OFFICER);
        String table = officer.get("/api/norms/2026.1/csv")
                .body()
                .replace(
                        SINGLE_2026,
                        "COST_OF_LIVING,SINGLE,false,2026-07-01,2029-06-30,1271.15\n"
                                + "COST_OF_LIVING,SINGLE,false,2029-07-01,,1400.00");
        long id = json.readTree(officer.post("/api/norms/candidates?version=2029.2", "text/csv", table)
                        .body())
                .path("id")
                .asLong();
        assertThat(colleague
                        .post("/api/norms/candidates/" + id + "/approval?effectiveFrom=2029-07-01", new byte[0])
                        .statusCode())
                .isEqualTo(200);

        // the nightly job builds its catalog from the database at start, like this
        NormCatalog nightly = new NormTable.Catalog().normCatalog(store, audit);
        assertThat(nightly.inForce(LocalDate.of(2029, 7, 2)).version()).isEqualTo("2029.2");
        assertThat(nightly.inForce(LocalDate.of(2029, 7, 2))
                        .amount(
                                "COST_OF_LIVING",
                                Map.of("householdType", "SINGLE", "pensionAge", "false")::get,
                                LocalDate.of(2029, 7, 2)))
                .hasValueSatisfying(amount -> assertThat(amount).isEqualByComparingTo("1400.00"));
        assertThat(nightly.inForce(LocalDate.of(2029, 6, 30)).version()).isNotEqualTo("2029.2");

        // leave the norms in force as they were for the other tests
        assertThat(officer.post("/api/norms/candidates/" + id + "/withdrawal", new byte[0])
                        .statusCode())
                .isEqualTo(200);
    }

    @Test
    void anEmployeeNumberInOtherCapitalsIsTheSamePerson() {
        accounts.save(
                "officer.hoofd",
                "AB-7",
                "Anna Hoofd",
                TestUsers.password("officer.hoofd"),
                Set.of(Role.POLICY_OFFICER),
                "test");
        accounts.save(
                "officer.klein",
                "ab-7",
                "Anna Hoofd (tweede account)",
                TestUsers.password("officer.klein"),
                Set.of(Role.POLICY_OFFICER),
                "test");
        Http author = new Http(port).as("officer.hoofd");
        String table = author.get("/api/norms/2026.1/csv")
                .body()
                .replace(
                        SINGLE_2026,
                        "COST_OF_LIVING,SINGLE,false,2026-07-01,2031-06-30,1271.15\n"
                                + "COST_OF_LIVING,SINGLE,false,2031-07-01,,1460.00");
        HttpResponse<String> uploaded = author.post("/api/norms/candidates?version=2031.2", "text/csv", table);
        assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(201);
        long id = json.readTree(uploaded.body()).path("id").asLong();

        assertThat(Browserless.signedIn(port, "officer.klein")
                        .get("/norms/candidates/" + id)
                        .body())
                .doesNotContain("approve-button");
        HttpResponse<String> refused = new Http(port)
                .as("officer.klein")
                .post("/api/norms/candidates/" + id + "/approval?effectiveFrom=2031-07-01", new byte[0]);
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(409);
        assertThat(json.readTree(refused.body()).path("detail").asString()).contains("dezelfde persoon");
        assertThat(jdbc.queryForObject("select status from norm_candidates where id = ?", String.class, id))
                .isEqualTo("DRAFT");
        assertThat(author.post("/api/norms/candidates/" + id + "/withdrawal", new byte[0])
                        .statusCode())
                .isEqualTo(200);
    }

    @Test
    void aSecondAccountOfTheAuthorIsTheSamePersonAndADisabledAccountApprovesNothing() {
        String secondAccount = "officer.tweede";
        accounts.save(
                secondAccount,
                TestUsers.POLICY_OFFICER_PERSON,
                "Olga Officer (tweede account)",
                TestUsers.password(secondAccount),
                Set.of(Role.POLICY_OFFICER),
                "test");
        String retired = "officer.vertrokken";
        accounts.save(
                retired, "100099", "Vera Vertrokken", TestUsers.password(retired), Set.of(Role.POLICY_OFFICER), "test");
        accounts.disable(retired, "test");
        Http officer = new Http(port).as(TestUsers.POLICY_OFFICER);
        String table = officer.get("/api/norms/2026.1/csv")
                .body()
                .replace(
                        SINGLE_2026,
                        "COST_OF_LIVING,SINGLE,false,2026-07-01,2030-06-30,1271.15\n"
                                + "COST_OF_LIVING,SINGLE,false,2030-07-01,,1450.00");
        HttpResponse<String> uploaded = officer.post("/api/norms/candidates?version=2030.2", "text/csv", table);
        assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(201);
        long id = json.readTree(uploaded.body()).path("id").asLong();
        assertThat(json.readTree(uploaded.body())
                        .path("authorship")
                        .path("authorPerson")
                        .asString())
                .isEqualTo(TestUsers.POLICY_OFFICER_PERSON);

        // the page names the author's person, and offers the author's second account no approval
        String page = Browserless.signedIn(port, secondAccount)
                .get("/norms/candidates/" + id)
                .body();
        assertThat(page)
                .contains(TestUsers.POLICY_OFFICER + " (personeelsnummer " + TestUsers.POLICY_OFFICER_PERSON + ")");
        assertThat(page).doesNotContain("approve-button");
        assertThat(Browserless.signedIn(port, TestUsers.SECOND_POLICY_OFFICER)
                        .get("/norms/candidates/" + id)
                        .body())
                .contains("approve-button");

        HttpResponse<String> bySecondAccount = new Http(port)
                .as(secondAccount)
                .post("/api/norms/candidates/" + id + "/approval?effectiveFrom=2030-07-01", new byte[0]);
        assertThat(bySecondAccount.statusCode()).as(bySecondAccount.body()).isEqualTo(409);
        assertThat(json.readTree(bySecondAccount.body()).path("detail").asString())
                .contains("dezelfde persoon (personeelsnummer " + TestUsers.POLICY_OFFICER_PERSON + ")");
        // a disabled account cannot sign in, and an approval in a session opened before is refused
        assertThat(new Http(port)
                        .as(retired)
                        .post("/api/norms/candidates/" + id + "/approval?effectiveFrom=2030-07-01", new byte[0])
                        .statusCode())
                .isEqualTo(401);
        assertThatThrownBy(() -> candidates.approve(id, retired, LocalDate.of(2030, 7, 1)))
                .isInstanceOf(ApprovalRefused.class)
                .hasMessageContaining("uitgeschakeld");
        assertThat(jdbc.queryForMap("select status, approver from norm_candidates where id = ?", id))
                .containsEntry("status", "DRAFT")
                .containsEntry("approver", null);

        HttpResponse<String> approved = new Http(port)
                .as(TestUsers.SECOND_POLICY_OFFICER)
                .post("/api/norms/candidates/" + id + "/approval?effectiveFrom=2030-07-01", new byte[0]);
        assertThat(approved.statusCode()).as(approved.body()).isEqualTo(200);
        assertThat(jdbc.queryForObject(
                        "select author_person || '/' || approver_person from norm_candidates where id = ?",
                        String.class,
                        id))
                .isEqualTo(TestUsers.POLICY_OFFICER_PERSON + "/100002");
        // leave the norms in force as they were for the other tests
        assertThat(officer.post("/api/norms/candidates/" + id + "/withdrawal", new byte[0])
                        .statusCode())
                .isEqualTo(200);
    }

    @Test
    void refusesABrokenNormTableNamingLineAndColumnAndChangesNothing() {
        Http http = new Http(port).as(TestUsers.POLICY_OFFICER);
        long versionsBefore = jdbc.queryForObject("select count(*) from norm_versions", Long.class);
        long uploadsBefore = jdbc.queryForObject("select count(*) from norm_candidates", Long.class);

        HttpResponse<String> refused =
                http.post("/api/norms/candidates?version=2027.9", "text/csv", Http.resource("norms/norms-broken.csv"));

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(json.readTree(refused.body()).path("errors").toString())
                .contains("regel 2, kolom amount: '13OO.00' is geen bedrag zoals 1245.00")
                .contains("regel 3, kolom norm: 'cost of living' is geen normnaam")
                .contains("regel 3, kolom validFrom: '01-01-2027' is geen datum")
                .contains("regel 4: validUntil 31 december 2026 ligt voor validFrom 1 januari 2027");
        assertThat(http.post("/api/norms/candidates?version=2026.1", "text/csv", Http.resource("norms/norms-2027.csv"))
                        .body())
                .contains("2026.1 bestaat al");
        assertThat(jdbc.queryForObject("select count(*) from norm_versions", Long.class))
                .isEqualTo(versionsBefore);
        assertThat(jdbc.queryForObject("select count(*) from norm_candidates", Long.class))
                .isEqualTo(uploadsBefore);
    }

    @Test
    void refusesAmountsOutsideTheirNormsRangeNamingLineColumnNormAndRangeAndStoresNothing() {
        Http http = new Http(port).as(TestUsers.POLICY_OFFICER);
        long uploadsBefore = jdbc.queryForObject("select count(*) from norm_candidates", Long.class);

        HttpResponse<String> refused = http.post(
                "/api/norms/candidates?version=2027.8", "text/csv", Http.resource("norms/norms-out-of-range.csv"));

        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
        String costOfLiving = "COST_OF_LIVING € 250,00 t/m € 4.000,00, hoogstens 2 decimalen";
        assertThat(json.readTree(refused.body()).path("errors").valueStream().map(JsonNode::asString))
                .contains(
                        "regel 2, kolom amount: '1E20' staat in exponentnotatie; schrijf het bedrag voluit,"
                                + " zoals 1245.00 (" + costOfLiving + ")",
                        "regel 3, kolom amount: '999999999999.99' ligt buiten het bereik van COST_OF_LIVING"
                                + " (kosten van bestaan per maand): € 250,00 t/m € 4.000,00, hoogstens 2 decimalen",
                        "regel 4, kolom amount: '1300.005' heeft meer dan 2 decimalen (" + costOfLiving + ")",
                        "regel 5, kolom amount: 'veel' is geen bedrag zoals 1245.00 (" + costOfLiving + ")",
                        "regel 6, kolom amount: '46.00' ligt buiten het bereik van ASSET_ALLOWANCE"
                                + " (vermogensvrijstelling): € 1.000,00 t/m € 15.000,00, hoogstens 2 decimalen",
                        "regel 8, kolom norm: RENT_ALLOWANCE is geen bekende norm; bekend zijn"
                                + " ASSET_ALLOWANCE, COST_OF_LIVING",
                        "regel 9, kolom amount: '1.815,34' heeft een komma; schrijf een punt voor de centen,"
                                + " zoals 1245.00 (" + costOfLiving + ")")
                .noneMatch(error -> error.startsWith("regel 7"));
        assertThat(jdbc.queryForObject("select count(*) from norm_candidates", Long.class))
                .isEqualTo(uploadsBefore);
    }

    @Test
    void refusesANoteOrCommentLineTheApproverCannotReadAsWrittenNamingItAndStoresNothing() {
        Http http = new Http(port).as(TestUsers.POLICY_OFFICER);
        long uploadsBefore = jdbc.queryForObject("select count(*) from norm_candidates", Long.class);
        String table = Http.resource("norms/norms-2027.csv");

        // NUL (which PostgreSQL refuses), a control character, a right-to-left override, a line break
        for (String note : List.of("a%00b", "a%01b", "Normen%E2%80%AE7202", "Normen%0D%0A2027")) {
            HttpResponse<String> refused =
                    http.post("/api/norms/candidates?version=2027.7&note=" + note, "text/csv", table);
            assertThat(refused.statusCode()).as(note + ": " + refused.body()).isEqualTo(400);
            assertThat(refused.body()).as(note).contains("note: de toelichting moet één regel zichtbare tekst zijn");
        }
        HttpResponse<String> nulInComment =
                http.post("/api/norms/candidates?version=2027.7", "text/csv", "# \0\n" + table);
        assertThat(nulInComment.statusCode()).as(nulInComment.body()).isEqualTo(400);
        assertThat(nulInComment.body()).contains("normentabel, regel 1: de tekst bevat een teken dat niet bewaard kan");
        assertThat(jdbc.queryForObject("select count(*) from norm_candidates", Long.class))
                .isEqualTo(uploadsBefore);
    }

    @Test
    void refusesKeysTheNormDoesNotKnowNamingLineAndColumnAndStoresNothing() {
        Http http = new Http(port).as(TestUsers.POLICY_OFFICER);
        long uploadsBefore = jdbc.queryForObject("select count(*) from norm_candidates", Long.class);
        List<String> lines = new ArrayList<>(http.get("/api/norms/2026.1/csv")
                .body()
                .lines()
                .filter(line -> !line.startsWith("#"))
                .toList());
        int single = lines.indexOf(SINGLE_2026);
        int couple = lines.indexOf("COST_OF_LIVING,COUPLE,true,2026-07-01,,1909.27");
        lines.set(single, SINGLE_2026.replace("SINGLE", "SINGEL"));
        lines.set(couple, "COST_OF_LIVING,=cmd|' /C calc'!A0,true,2026-07-01,,1909.27");

        HttpResponse<String> refused =
                http.post("/api/norms/candidates?version=2027.6", "text/csv", String.join("\n", lines) + "\n");

        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
        assertThat(json.readTree(refused.body()).path("errors").valueStream().map(JsonNode::asString))
                .containsExactlyInAnyOrder(
                        "regel " + (single + 1) + ", kolom householdType: 'SINGEL' is geen bekende waarde voor"
                                + " COST_OF_LIVING; bekend zijn SINGLE, SINGLE_PARENT, COUPLE",
                        "regel " + (couple + 1) + ", kolom householdType: '=cmd|' /C calc'!A0' is geen bekende"
                                + " waarde voor COST_OF_LIVING; bekend zijn SINGLE, SINGLE_PARENT, COUPLE");
        assertThat(jdbc.queryForObject("select count(*) from norm_candidates", Long.class))
                .isEqualTo(uploadsBefore);
    }

    @Test
    void refusesATableThatLeavesAHouseholdWithoutAnAmountAndStoresNothing() {
        Http http = new Http(port).as(TestUsers.POLICY_OFFICER);
        long uploadsBefore = jdbc.queryForObject("select count(*) from norm_candidates", Long.class);
        String table = http.get("/api/norms/2026.1/csv").body().replace(SINGLE_2026 + "\n", "");

        HttpResponse<String> refused = http.post("/api/norms/candidates?version=2027.5", "text/csv", table);

        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
        assertThat(json.readTree(refused.body()).path("errors").valueStream().map(JsonNode::asString))
                .containsExactly("er ontbreekt een bedrag voor COST_OF_LIVING {householdType=SINGLE, pensionAge=false}"
                        + " op 1 juli 2026; de andere combinaties hebben er op die dag wel een");
        assertThat(jdbc.queryForObject("select count(*) from norm_candidates", Long.class))
                .isEqualTo(uploadsBefore);
    }

    @Test
    void theShippedTableGoesThroughDownloadAndUploadUnchanged() {
        Http http = new Http(port).as(TestUsers.POLICY_OFFICER);
        String downloaded = http.get("/api/norms/2026.1/csv").body();

        HttpResponse<String> uploaded = http.post("/api/norms/candidates?version=2027.4", "text/csv", downloaded);

        assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(201);
        JsonNode draft = json.readTree(uploaded.body());
        assertThat(draft.path("passed").asLong()).isEqualTo(60);
        assertThat(draft.path("failed").asLong()).isZero();
        long id = draft.path("id").asLong();
        // (the amount-by-amount round trip is NormTableRoundTripTests; the diff here is against
        // whichever version other tests approved last)
        assertThat(http.post("/api/norms/candidates/" + id + "/withdrawal", new byte[0])
                        .statusCode())
                .isEqualTo(200);
    }

    @Test
    void noUploadWhateverItsBytesIsAnsweredWithAnErrorOfTheApplication() {
        Http http = new Http(port).as(TestUsers.POLICY_OFFICER);
        long uploadsBefore = jdbc.queryForObject("select count(*) from norm_candidates", Long.class);
        String header = "norm,householdType,pensionAge,validFrom,validUntil,amount\n";
        byte[] garbage = new byte[4096];
        new Random(9).nextBytes(garbage);
        Map<String, byte[]> hostile = new LinkedHashMap<>();
        hostile.put("random bytes", garbage);
        hostile.put("a spreadsheet sent as CSV", new byte[] {'P', 'K', 3, 4, 20, 0, 6, 0, 8, 0, 0, 0, '!', 0});
        hostile.put("an open quote", (header + "COST_OF_LIVING,SINGLE,false,2027-01-01,,\"1300.00\n").getBytes(UTF_8));
        hostile.put(
                "a duplicate column", "norm,norm,validFrom,validUntil,amount\nA,B,2027-01-01,,1.00\n".getBytes(UTF_8));
        hostile.put("an empty body", new byte[0]);
        hostile.put(
                "a huge line",
                (header + "COST_OF_LIVING,SINGLE,false,2027-01-01,," + "9".repeat(200_000)).getBytes(UTF_8));
        hostile.put(
                "too many rows",
                (header + "COST_OF_LIVING,SINGLE,false,2027-01-01,,1300.00\n".repeat(3_000)).getBytes(UTF_8));
        hostile.put("a huge file", "#".repeat(1_000_000).getBytes(UTF_8));
        hostile.forEach((what, body) -> {
            HttpResponse<String> response = http.post("/api/norms/candidates?version=2027.7", "text/csv", body);
            assertThat(response.statusCode()).as(what + ": " + response.body()).isEqualTo(400);
            assertThat(response.body()).as(what).hasSizeLessThan(20_000).contains("errors");
        });
        assertThat(http.post("/api/norms/candidates?version=2027.7", "text/csv", garbage)
                        .body())
                .contains("geen CSV-tekst in UTF-8");
        assertThat(jdbc.queryForObject("select count(*) from norm_candidates", Long.class))
                .isEqualTo(uploadsBefore);
    }

    private JsonNode decision(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return json.readTree(response.body()).path("decisions").path(0);
    }
}
