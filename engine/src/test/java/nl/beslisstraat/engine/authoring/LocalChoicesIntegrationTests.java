package nl.beslisstraat.engine.authoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import nl.beslisstraat.engine.regulation.DecisionDeadline;
import nl.beslisstraat.engine.security.Role;
import nl.beslisstraat.engine.support.DatabaseIntegrationTest;
import nl.beslisstraat.engine.support.Http;
import nl.beslisstraat.engine.support.TestUsers;
import nl.beslisstraat.engine.tenancy.Municipality;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Zwolle's officers set Zwolle's parking fees on the shared model, over real HTTP, through the
 * life cycle every version takes (draft with examples, simulation, a colleague's approval), and
 * nothing of it reaches Utrecht: Utrecht decides with the model's fees, and its officers neither
 * see nor approve nor simulate Zwolle's draft.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class LocalChoicesIntegrationTests extends DatabaseIntegrationTest {

    private final JsonMapper json = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @BeforeEach
    void zwolleAccounts() {
        TestUsers.ensureZwolle(accounts, jdbc);
    }

    private Http as(String user) {
        return new Http(port).as(user);
    }

    private static String today() {
        return LocalDate.now(DecisionDeadline.NETHERLANDS).toString();
    }

    private static String parking(String referenceDate, String zone, String fuel, int euroClass) {
        return "{\"caseType\":\"PARKING_PERMIT\",\"referenceDate\":\"" + referenceDate + "\",\"zone\":\"" + zone
                + "\",\"vehicleHolderIsApplicant\":true,\"leaseOrCompanyCar\":false,\"vehicleLength\":4.50,"
                + "\"vehicleHeight\":1.60,\"fuel\":\"" + fuel + "\",\"euroClass\":" + euroClass
                + ",\"permitsAtAddress\":0,\"ownParkingSpace\":false}";
    }

    private JsonNode decideNow(String eservice, String application) {
        HttpResponse<String> decided = as(eservice).post("/api/cases/decide-now", "application/json", application);
        assertThat(decided.statusCode()).as(decided.body()).isEqualTo(201);
        return json.readTree(decided.body());
    }

    private static JsonNode decision(JsonNode decidedCase) {
        return decidedCase.path("decisions").path(0);
    }

    private JsonNode uploadChoices(String officer, String version, String values) {
        HttpResponse<String> uploaded = as(officer)
                .post(
                        "/api/rulesets/PARKING_PERMIT/choices",
                        "application/json",
                        "{\"version\":\"" + version + "\",\"values\":" + values + "}");
        assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(201);
        return json.readTree(uploaded.body());
    }

    /**
     * An approved version is what a colleague approved: the runtime login could rewrite its table or
     * its approver afterwards, and the engine decided with the rewritten table from its next start.
     * Only the steps of four eyes change a version's row; nothing deletes one.
     */
    @Test
    void anApprovedVersionIsNeverRewritten() {
        String version = "k" + System.nanoTime() % 1_000_000;
        long id = uploadChoices(TestUsers.ZWOLLE_POLICY_OFFICER, version, "{\"feeZoneA\":\"180.00\"}")
                .path("id")
                .asLong();
        String tomorrow = LocalDate.parse(today()).plusDays(1).toString();
        HttpResponse<String> approved = as(TestUsers.ZWOLLE_SECOND_POLICY_OFFICER)
                .post("/api/rulesets/candidates/" + id + "/approval?effectiveFrom=" + tomorrow, "application/json", "");
        assertThat(approved.statusCode()).as(approved.body()).isEqualTo(200);

        Municipality.run(TestUsers.ZWOLLE, () -> {
            for (String change : List.of(
                    "content = convert_to('feeZoneA=0.00', 'UTF8')",
                    "approver = author, approver_person = author_person",
                    "status = 'DRAFT'",
                    "effective_from = effective_from - 1",
                    "author = 'someone-else'")) {
                assertThatThrownBy(() -> jdbc.update("update rule_set_candidates set " + change + " where id = ?", id))
                        .as(change)
                        .hasMessageContaining("change only by approval, withdrawal or a hash filled in once");
            }
            assertThatThrownBy(() -> jdbc.update("delete from rule_set_candidates where id = ?", id))
                    .hasMessageContaining("rows are kept");
            assertThat(jdbc.queryForObject(
                            "select convert_from(content, 'UTF8') || ' ' || approver from rule_set_candidates where id = ?",
                            String.class,
                            id))
                    .startsWith("feeZoneA=180.00")
                    .endsWith(" " + TestUsers.ZWOLLE_SECOND_POLICY_OFFICER);
        });

        // the steps themselves still change it: a version not yet in force is withdrawn
        HttpResponse<String> withdrawn = as(TestUsers.ZWOLLE_POLICY_OFFICER)
                .post("/api/rulesets/candidates/" + id + "/withdrawal", "application/json", "");
        assertThat(withdrawn.statusCode()).as(withdrawn.body()).isEqualTo(200);
        assertThat(json.readTree(withdrawn.body()).path("status").asString()).isEqualTo("WITHDRAWN");
    }

    @Test
    void zwolleSetsItsOwnParkingFeesAndUtrechtKeepsTheModels() {
        String version = "z" + System.nanoTime() % 1_000_000;
        JsonNode draft = uploadChoices(
                TestUsers.ZWOLLE_POLICY_OFFICER, version, "{\"feeZoneA\":\"180,00\",\"feeZoneB\":\"95.00\"}");
        long id = draft.path("id").asLong();
        assertThat(draft.path("status").asString()).isEqualTo("DRAFT");
        assertThat(draft.path("format").asString()).isEqualTo("CHOICES");
        // the model's examples expect the model's fees: with Zwolle's they differ, and say so
        assertThat(draft.path("examples").toString()).contains("\"actualAmounts\":{\"fee\":\"180\"}");

        // Utrecht's officers do not see it, and cannot approve, simulate or diff it
        assertThat(as(TestUsers.POLICY_OFFICER)
                        .get("/api/rulesets/PARKING_PERMIT/candidates")
                        .body())
                .doesNotContain("\"id\":" + id + ",");
        assertThat(as(TestUsers.SECOND_POLICY_OFFICER)
                        .post(
                                "/api/rulesets/candidates/" + id + "/approval?effectiveFrom=" + today(),
                                "application/json",
                                "")
                        .statusCode())
                .isEqualTo(404);
        assertThat(as(TestUsers.POLICY_OFFICER)
                        .post("/api/rulesets/candidates/" + id + "/simulation", "application/json", "")
                        .statusCode())
                .isEqualTo(404);
        assertThat(as(TestUsers.POLICY_OFFICER)
                        .get("/api/rulesets/candidates/" + id + "/diff")
                        .statusCode())
                .isEqualTo(404);

        // the diff shows the two cells the choices change, model value before
        JsonNode diff = json.readTree(as(TestUsers.ZWOLLE_POLICY_OFFICER)
                .get("/api/rulesets/candidates/" + id + "/diff")
                .body());
        assertThat(diff.toString())
                .contains("240.00")
                .contains("180.00")
                .contains("120.00")
                .contains("95.00");

        // the author cannot approve; a colleague of Zwolle can
        assertThat(as(TestUsers.ZWOLLE_POLICY_OFFICER)
                        .post(
                                "/api/rulesets/candidates/" + id + "/approval?effectiveFrom=" + today(),
                                "application/json",
                                "")
                        .statusCode())
                .isEqualTo(409);
        HttpResponse<String> approved = as(TestUsers.ZWOLLE_SECOND_POLICY_OFFICER)
                .post("/api/rulesets/candidates/" + id + "/approval?effectiveFrom=" + today(), "application/json", "");
        assertThat(approved.statusCode()).as(approved.body()).isEqualTo(200);

        JsonNode zwolleCase = decideNow(TestUsers.ZWOLLE_INTAKE, parking(today(), "A", "PETROL", 6));
        JsonNode zwolle = decision(zwolleCase);
        JsonNode utrecht = decision(decideNow(TestUsers.INTAKE, parking(today(), "A", "PETROL", 6)));
        assertThat(zwolle.path("amounts").path("fee").asString()).isEqualTo("180.00");
        assertThat(zwolle.path("ruleSetVersion").asString()).endsWith("+0193-" + version);
        assertThat(utrecht.path("amounts").path("fee").asString()).isEqualTo("240.00");
        assertThat(decision(decideNow(TestUsers.ZWOLLE_INTAKE, parking(today(), "B", "PETROL", 6)))
                        .path("amounts")
                        .path("fee")
                        .asString())
                .isEqualTo("95.00");
        // the model's diesel surcharge is applied to Zwolle's own fee
        assertThat(decision(decideNow(TestUsers.ZWOLLE_INTAKE, parking(today(), "A", "DIESEL", 4)))
                        .path("amounts")
                        .path("fee")
                        .asString())
                .isEqualTo("270.00");

        // what Zwolle sees of its choices; Utrecht still follows the model
        String zwolleChoices = as(TestUsers.ZWOLLE_POLICY_OFFICER)
                .get("/api/rulesets/PARKING_PERMIT/choices")
                .body();
        assertThat(zwolleChoices).contains("\"ownValue\":180.00").contains("\"modelValue\":240.00");
        String utrechtChoices = as(TestUsers.POLICY_OFFICER)
                .get("/api/rulesets/PARKING_PERMIT/choices")
                .body();
        assertThat(utrechtChoices).doesNotContain("180.00").contains("\"ownValue\":null");

        // a recomputation of Zwolle's decision takes Zwolle's versions and finds it identical
        long caseId = zwolleCase.path("id").asLong();
        JsonNode recomputed = json.readTree(as(TestUsers.ZWOLLE_AUDITOR)
                .get("/api/cases/" + caseId + "/recomputation")
                .body());
        assertThat(recomputed.path("identical").asBoolean())
                .as(recomputed.toString())
                .isTrue();
        assertThat(recomputed.path("ruleSetVersion").asString()).endsWith("+0193-" + version);
    }

    @Test
    void aMunicipalitysFirstChoicesMayGoBackToWhenItsRegulationAppliedUntilItHasDecidedACase() {
        String groningen = newMunicipality("0014", "Groningen");
        String version = "g" + System.nanoTime() % 1_000_000;
        long first = uploadChoices("officer-" + groningen, version + "-1", "{\"feeZoneA\":\"200.00\"}")
                .path("id")
                .asLong();

        HttpResponse<String> backdated = approve("officer2-" + groningen, first, "2026-01-01");
        assertThat(backdated.statusCode()).as(backdated.body()).isEqualTo(200);
        JsonNode march = decision(decideNow("eservice-" + groningen, parking("2026-03-02", "A", "PETROL", 6)));
        assertThat(march.path("amounts").path("fee").asString()).isEqualTo("200.00");

        // once it has choices (and decisions), a new version starts today or later, like any other
        long second = uploadChoices("officer-" + groningen, version + "-2", "{\"feeZoneA\":\"210.00\"}")
                .path("id")
                .asLong();
        HttpResponse<String> refused = approve("officer2-" + groningen, second, "2026-01-01");
        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(refused.body()).contains("vandaag of later");

        // a municipality that decided a case before it set choices cannot reach back past it either
        String almere = newMunicipality("0034", "Almere");
        decideNow("eservice-" + almere, parking("2026-03-02", "A", "PETROL", 6));
        long late = uploadChoices("officer-" + almere, version + "-a", "{\"feeZoneA\":\"200.00\"}")
                .path("id")
                .asLong();
        assertThat(approve("officer2-" + almere, late, "2026-01-01").statusCode())
                .isEqualTo(409);
        assertThat(approve("officer2-" + almere, late, today()).statusCode()).isEqualTo(200);
    }

    /** A municipality new to the platform, with two officers and an e-service; its name in lower case. */
    private String newMunicipality(String code, String name) {
        jdbc.update("insert into municipalities (cbs_code, name) values (?, ?) on conflict do nothing", code, name);
        String key = name.toLowerCase(Locale.ROOT);
        Municipality.run(code, () -> {
            accounts.save(
                    "officer-" + key,
                    code + "-1",
                    name + " Beleid",
                    TestUsers.password("officer-" + key),
                    Set.of(Role.POLICY_OFFICER),
                    "test");
            accounts.save(
                    "officer2-" + key,
                    code + "-2",
                    name + " Beleid Twee",
                    TestUsers.password("officer2-" + key),
                    Set.of(Role.POLICY_OFFICER),
                    "test");
            accounts.save(
                    "eservice-" + key,
                    "E-LOKET-" + code,
                    "E-loket " + name,
                    TestUsers.password("eservice-" + key),
                    Set.of(Role.INTAKE),
                    "test");
        });
        return key;
    }

    private HttpResponse<String> approve(String officer, long id, String effectiveFrom) {
        return as(officer)
                .post(
                        "/api/rulesets/candidates/" + id + "/approval?effectiveFrom=" + effectiveFrom,
                        "application/json",
                        "");
    }

    @Test
    void zwollesOwnExampleCasesRunWithZwollesChoices() {
        String examples = Http.resource("authoring/zwolle-parking.examples.csv");
        HttpResponse<String> uploaded = as(TestUsers.ZWOLLE_POLICY_OFFICER)
                .post(
                        "/api/rulesets/PARKING_PERMIT/choices",
                        "application/json",
                        json.writeValueAsString(java.util.Map.of(
                                "version",
                                "e" + System.nanoTime() % 1_000_000,
                                "values",
                                java.util.Map.of(
                                        "feeZoneA", "180.00", "feeZoneB", "95.00", "permitsPerAddressZoneB", "3"),
                                "examples",
                                examples)));
        assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(201);
        JsonNode own = json.readTree(uploaded.body()).path("examples");
        long ownPassed = 0;
        long ownTotal = 0;
        for (JsonNode example : own) {
            if (example.path("name").asString().startsWith("eigen: ")) {
                ownTotal++;
                ownPassed += example.path("passed").asBoolean() ? 1 : 0;
            }
        }
        assertThat(ownTotal).isEqualTo(5);
        assertThat(ownPassed).as(own.toString()).isEqualTo(5);
    }

    @Test
    void aNulInAnOwnExampleCaseCellIsRefusedNamingItsLineAndNothingIsStored() {
        long before = zwolleCandidates();
        // the first case's name on line 4 holds a NUL, which PostgreSQL cannot keep
        String examples = Http.resource("authoring/zwolle-parking.examples.csv")
                .replaceFirst("\n([^#\n]*\n)([^,]*),", "\n$1$2\u0000,");
        HttpResponse<String> refused = as(TestUsers.ZWOLLE_POLICY_OFFICER)
                .post(
                        "/api/rulesets/PARKING_PERMIT/choices",
                        "application/json",
                        json.writeValueAsString(java.util.Map.of(
                                "version",
                                "nul1",
                                "values",
                                java.util.Map.of("feeZoneA", "180.00", "feeZoneB", "95.00"),
                                "examples",
                                examples)));
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
        assertThat(refused.body())
                .contains("eigen voorbeeldgevallen, regel 4: de tekst bevat een teken dat niet bewaard");
        assertThat(zwolleCandidates()).isEqualTo(before);
    }

    @Test
    void badChoicesAreRefusedByNameAndNothingIsStored() {
        long before = zwolleCandidates();
        HttpResponse<String> refused = as(TestUsers.ZWOLLE_POLICY_OFFICER)
                .post(
                        "/api/rulesets/PARKING_PERMIT/choices",
                        "application/json",
                        "{\"version\":\"bad1\",\"values\":{\"feeZoneA\":\"1500\",\"feeZoneB\":\"veel\","
                                + "\"permitsPerAddressZoneA\":\"1e999999999\","
                                + "\"permitsPerAddressZoneB\":\"2.5\",\"colour\":\"3\"}}");
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body())
                .contains("Leges per jaar zone A (EUR) (feeZoneA): hier hoort een getal van 0 tot en met 1.000")
                .contains("feeZoneB: 'veel' is geen getal")
                // a number with an exponent is no number a person writes, and printing it would take gigabytes
                .contains("permitsPerAddressZoneA: '1e999999999' is geen getal")
                .contains("permitsPerAddressZoneB")
                .contains("colour: Bewonersparkeervergunning laat geen lokale keuze met deze naam toe");
        HttpResponse<String> noChoices = as(TestUsers.ZWOLLE_POLICY_OFFICER)
                .post(
                        "/api/rulesets/TAX_REMISSION/choices",
                        "application/json",
                        "{\"version\":\"bad2\",\"values\":{\"normPercentage\":\"85\"}}");
        assertThat(noChoices.statusCode()).isEqualTo(400);
        assertThat(noChoices.body()).contains("normPercentage").contains("90");
        assertThat(zwolleCandidates()).isEqualTo(before);
    }

    @Test
    void simulationsTryZwollesPastCasesOnly() {
        // Zwolle's and Utrecht's decided cases from before the diesel surcharge
        decideNow(TestUsers.ZWOLLE_INTAKE, parking("2026-03-15", "A", "DIESEL", 4));
        decideNow(TestUsers.INTAKE, parking("2026-03-15", "A", "DIESEL", 4));
        long zwolleCases = countDecided("0193");

        // a draft raising Zwolle's zone A fee changes Zwolle's granted zone A cases' amounts
        JsonNode draft = uploadChoices(
                TestUsers.ZWOLLE_POLICY_OFFICER, "s" + System.nanoTime() % 1_000_000, "{\"feeZoneA\":\"199.00\"}");
        JsonNode simulated = json.readTree(as(TestUsers.ZWOLLE_POLICY_OFFICER)
                .post("/api/rulesets/candidates/" + draft.path("id").asLong() + "/simulation", "application/json", "")
                .body());
        assertThat(simulated.path("cases").asLong()).as(simulated.toString()).isEqualTo(zwolleCases);
        assertThat(simulated.path("transitions").toString()).contains("GRANTED (ander bedrag)");

        // what model version 2026.2.1 (the diesel surcharge) changes in Zwolle's past cases
        JsonNode model = json.readTree(as(TestUsers.ZWOLLE_POLICY_OFFICER)
                .post("/api/rulesets/PARKING_PERMIT/versions/2026.2.1/simulation?to=2026-06-30", "application/json", "")
                .body());
        assertThat(model.path("cases").asLong()).as(model.toString()).isEqualTo(countDecided("0193", "2026-06-30"));
        assertThat(model.path("transitions").toString()).contains("GRANTED (ander bedrag)");
        // a municipality's own upload is not a model version to simulate
        assertThat(as(TestUsers.ZWOLLE_POLICY_OFFICER)
                        .post("/api/rulesets/PARKING_PERMIT/versions/1999.9/simulation", "application/json", "")
                        .statusCode())
                .isEqualTo(404);
    }

    @Test
    void utrechtsOwnTableDecidesUtrechtsCasesOnly() {
        String csv = nl.beslisstraat.engine.regulation.table.Tables.parkingCsv();
        String zoneA = csv.lines()
                .filter(line -> line.startsWith("Art. 7 lid 1: verlenen zone A"))
                .findFirst()
                .orElseThrow();
        String version = "u" + System.nanoTime() % 1_000_000;
        HttpResponse<String> uploaded = as(TestUsers.POLICY_OFFICER)
                .post(
                        "/api/rulesets/PARKING_PERMIT/candidates?version=" + version,
                        "text/csv",
                        csv.replace(zoneA, zoneA.replace("240.00", "311.00")));
        assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(201);
        long id = json.readTree(uploaded.body()).path("id").asLong();
        assertThat(as(TestUsers.ZWOLLE_SECOND_POLICY_OFFICER)
                        .post(
                                "/api/rulesets/candidates/" + id + "/approval?effectiveFrom=2031-03-03",
                                "application/json",
                                "")
                        .statusCode())
                .isEqualTo(404);
        HttpResponse<String> approved = as(TestUsers.SECOND_POLICY_OFFICER)
                .post("/api/rulesets/candidates/" + id + "/approval?effectiveFrom=2031-03-03", "application/json", "");
        assertThat(approved.statusCode()).as(approved.body()).isEqualTo(200);

        JsonNode utrecht = decision(decideNow(TestUsers.INTAKE, parking("2031-03-03", "A", "PETROL", 6)));
        JsonNode zwolle = decision(decideNow(TestUsers.ZWOLLE_INTAKE, parking("2031-03-03", "A", "PETROL", 6)));
        assertThat(utrecht.path("ruleSetVersion").asString()).isEqualTo("PARKING_PERMIT/" + version);
        assertThat(utrecht.path("amounts").path("fee").asString()).isEqualTo("311.00");
        assertThat(zwolle.path("ruleSetVersion").asString()).doesNotContain(version);
        assertThat(zwolle.path("amounts").path("fee").asString()).isNotEqualTo("311.00");
        assertThat(as(TestUsers.ZWOLLE_POLICY_OFFICER)
                        .get("/api/rulesets/PARKING_PERMIT/candidates")
                        .body())
                .doesNotContain(version);
    }

    @Test
    void aRegulationOfUtrechtsOwnIsNotZwollesToDecide() {
        // DOG_TAX_REMISSION (test resources) declares "municipalities": ["0344"]
        String application = "{\"caseType\":\"DOG_TAX_REMISSION\",\"referenceDate\":\"2026-03-02\"}";
        HttpResponse<String> zwolle = as(TestUsers.ZWOLLE_INTAKE).post("/api/cases", "application/json", application);
        assertThat(zwolle.statusCode()).isEqualTo(400);
        assertThat(zwolle.body()).contains("caseType").doesNotContain("one of CITY_PASS, DOG_TAX_REMISSION");
        HttpResponse<String> utrecht = as(TestUsers.INTAKE).post("/api/cases", "application/json", application);
        assertThat(utrecht.body()).doesNotContain("unknown case type");
        assertThat(as(TestUsers.ZWOLLE_POLICY_OFFICER)
                        .post(
                                "/api/rulesets/DOG_TAX_REMISSION/choices",
                                "application/json",
                                "{\"version\":\"x1\",\"values\":{}}")
                        .body())
                .contains("Onbekend zaaktype DOG_TAX_REMISSION");
    }

    /** Counted in the municipality's name, as the application sees its rows. */
    private long zwolleCandidates() {
        return inZwolle("select count(*) from rule_set_candidates");
    }

    private long countDecided(String municipality) {
        return countDecided(municipality, "9999-12-31");
    }

    private long countDecided(String municipality, String until) {
        return inZwolle("select count(*) from cases c join decisions d on d.case_id = c.id and d.automated"
                + " where c.case_type = 'PARKING_PERMIT' and c.municipality = '" + municipality
                + "' and c.reference_date <= '" + until + "'::date");
    }

    private long inZwolle(String sql) {
        try {
            return Municipality.call(TestUsers.ZWOLLE, () -> jdbc.queryForObject(sql, Long.class));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
