package nl.beslisstraat.engine.authoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
 * The same life cycle for every rule-package format: a decision table as XLSX or CSV, or a DMN
 * decision model (FEEL, COLLECT hit policy); with the officer's own example cases beside the
 * regulation's. The parking permit rules of version 2026.2, written as CSV and as DMN, decide
 * every example case like the shipped table: all but the one case dated before the surcharge
 * took effect, which only an older version decides without it. A DMN model that reaches for
 * Java, imports, or declares XML entities is refused before the DMN engine sees it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class RulePackageFormatsIntegrationTests extends DatabaseIntegrationTest {

    private static final String TABLE = "nl/beslisstraat/rules/parkingpermit/2026.2/parking-permit.table.xlsx";
    /** The one example the 2026.2 rules decide otherwise: diesel Euro 4 on 2026-06-30, no surcharge yet. */
    private static final List<String> ONLY_BEFORE_THE_SURCHARGE = List.of("Diesel Euro 4 day before surcharge");

    private final JsonMapper json = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aCsvTableTakesTheSameRoadAsTheSpreadsheet() {
        Http officer = new Http(port).as(TestUsers.POLICY_OFFICER);
        String csv = officer.get("/api/rulesets/PARKING_PERMIT/table.csv").body();
        assertThat(csv).contains("Tabel: Verlenen en leges", "Art. 7 lid 1: verlenen zone B");

        // as Excel saves "CSV UTF-8": with a byte order mark before the first cell
        JsonNode same = upload(officer, "2029.1", "\uFEFF" + csv, "text/csv");
        assertThat(same.path("format").asString()).isEqualTo("CSV");
        assertThat(failedExamples(same)).isEqualTo(ONLY_BEFORE_THE_SURCHARGE);

        String zoneB = csv.lines()
                .filter(line -> line.startsWith("Art. 7 lid 1: verlenen zone B"))
                .findFirst()
                .orElseThrow();
        JsonNode raised = upload(officer, "2029.2", csv.replace(zoneB, zoneB.replace("120.00", "130.00")), "text/csv");
        JsonNode diff = json.readTree(
                officer.get("/api/rulesets/candidates/" + raised.path("id").asLong() + "/diff")
                        .body());
        assertThat(diff.size()).isEqualTo(1);
        assertThat(diff.path(0).path("cells").path(0).path("before").asString()).isEqualTo("120.00");
        assertThat(diff.path(0).path("cells").path(0).path("after").asString()).isEqualTo("130.00");
        assertThat(failedExamples(raised)).hasSizeGreaterThan(1);
    }

    @Test
    void aCsvCellOfTheWrongTypeIsRefusedNamingTheCell() {
        Http officer = new Http(port).as(TestUsers.POLICY_OFFICER);
        String csv = officer.get("/api/rulesets/PARKING_PERMIT/table.csv").body();
        long before = uploads();
        String hostile = csv.replace(
                "REJECTED,NOT_IN_PERMIT_ZONE", "\"REJECTED\"\"); System.exit(0); (\"\"\",NOT_IN_PERMIT_ZONE");

        HttpResponse<String> refused =
                officer.post("/api/rulesets/PARKING_PERMIT/candidates?version=2029.3", "text/csv", hostile);

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("cel K6", "de uitkomst is een van GRANTED");
        assertThat(uploads()).isEqualTo(before);
    }

    @Test
    void aDmnModelDecidesTheExamplesAndGoesThroughApproval() {
        Http officer = new Http(port).as(TestUsers.POLICY_OFFICER);
        Http colleague = new Http(port).as(TestUsers.SECOND_POLICY_OFFICER);
        Http eservice = new Http(port).as(TestUsers.INTAKE);

        JsonNode draft = upload(officer, "2029.5", Http.resource("authoring/parking-permit.dmn"), "text/xml");
        assertThat(draft.path("format").asString()).isEqualTo("DMN");
        assertThat(draft.path("passed").asLong()).isEqualTo(32);
        assertThat(failedExamples(draft)).isEqualTo(ONLY_BEFORE_THE_SURCHARGE);

        long id = draft.path("id").asLong();
        HttpResponse<String> approved = colleague.post(
                "/api/rulesets/candidates/" + id + "/approval?effectiveFrom=2029-01-01", "application/json", "");
        assertThat(approved.statusCode()).as(approved.body()).isEqualTo(200);
        try {
            HttpResponse<String> decided = eservice.post("/api/cases/decide-now", "application/json", """
                    {"caseType": "PARKING_PERMIT", "referenceDate": "2029-01-08", "zone": "B",
                     "vehicleHolderIsApplicant": true, "leaseOrCompanyCar": false, "vehicleLength": "4.20",
                     "vehicleHeight": "1.50", "fuel": "DIESEL", "euroClass": 4, "permitsAtAddress": 1,
                     "ownParkingSpace": false}
                    """);
            JsonNode decision = json.readTree(decided.body()).path("decisions").path(0);
            assertThat(decision.path("ruleSetVersion").asString()).isEqualTo("PARKING_PERMIT/2029.5");
            assertThat(decision.path("outcome").asString()).isEqualTo("GRANTED");
            assertThat(decision.path("amounts").path("fee").asString()).isEqualTo("180.00");
            assertThat(decision.path("reasons").findValuesAsString("code"))
                    .containsExactly("PERMIT_GRANTED", "DIESEL_SURCHARGE");
            assertThat(decision.path("reasons").path(0).path("motivation").asString())
                    .contains("zone B")
                    .contains("180");
        } finally {
            officer.post("/api/rulesets/candidates/" + id + "/withdrawal", "application/json", "");
        }
    }

    @Test
    void aDmnModelThatReachesForJavaImportsOrEntitiesIsRefusedBeforeCompiling() {
        Http officer = new Http(port).as(TestUsers.POLICY_OFFICER);
        String model = Http.resource("authoring/parking-permit.dmn");
        long before = uploads();
        Map<String, String> hostile = new LinkedHashMap<>();
        hostile.put(
                "external function in a table cell",
                model.replaceFirst(
                        "<text>\"REJECTED\"</text>",
                        "<text>{f: function(c: number) external {java: {class: \"java.lang.System\","
                                + " method signature: \"exit(int)\"}}}.f(0)</text>"));
        hostile.put("Java function", model.replace("<decision id=\"id_Besluit\"", """
                        <businessKnowledgeModel id="bkm" name="exit">
                          <variable id="v_bkm" name="exit"/>
                          <encapsulatedLogic id="fd" kind="Java">
                            <context id="ctx">
                              <contextEntry id="ce1"><variable id="v1" name="class"/>
                                <literalExpression id="l1"><text>"java.lang.Runtime"</text></literalExpression></contextEntry>
                              <contextEntry id="ce2"><variable id="v2" name="method signature"/>
                                <literalExpression id="l2"><text>"getRuntime()"</text></literalExpression></contextEntry>
                            </context>
                          </encapsulatedLogic>
                        </businessKnowledgeModel>
                        <decision id="id_Besluit\""""));
        hostile.put(
                "XML entity",
                model.replace(
                        "<definitions ",
                        "<!DOCTYPE definitions [ <!ENTITY secret SYSTEM \"file:///etc/passwd\"> ]>\n<definitions "));
        hostile.put(
                "import",
                model.replace(
                        "<itemDefinition name=\"tBevinding\">",
                        "<import namespace=\"https://example.org/pmml\" name=\"pm\" locationURI=\"file:///etc/passwd\""
                                + " importType=\"http://www.dmg.org/PMML-4_2\"/>\n<itemDefinition name=\"tBevinding\">"));
        hostile.put(
                "word split by an XML comment",
                model.replaceFirst(
                        "<text>\"REJECTED\"</text>",
                        "<text>{f: function(c: number) ext<!-- -->ernal {java: {class: \"java.lang.System\","
                                + " method signature: \"exit(int)\"}}}.f(0)</text>"));
        hostile.put(
                "word split by CDATA",
                model.replaceFirst(
                        "<text>\"REJECTED\"</text>",
                        "<text>{f: func<![CDATA[tion]]>(c: number) ext<![CDATA[ernal]]> {java: {class:"
                                + " \"java.lang.System\", method signature: \"exit(int)\"}}}.f(0)</text>"));
        hostile.put(
                "quotes hidden in FEEL comments",
                model.replaceFirst(
                        "<text>\"REJECTED\"</text>",
                        "<text>/* \" */ {f: function(c: number) external {java: {class: \"java.lang.System\","
                                + " method signature: \"exit(int)\"}}}.f(0) // \"</text>"));
        hostile.put(
                "engine's own kind attribute",
                model.replace("<definitions ", "<definitions xmlns:drools=\"http://www.drools.org/kie/dmn/1.2\" ")
                        .replace(
                                "<decision id=\"id_Besluit\"",
                                "<businessKnowledgeModel id=\"bkm\" name=\"env\"><variable id=\"v_bkm\" name=\"env\"/>"
                                        + "<encapsulatedLogic id=\"fd\" drools:kind=\"J\"><literalExpression id=\"l\">"
                                        + "<text>1</text></literalExpression></encapsulatedLogic></businessKnowledgeModel>"
                                        + "\n<decision id=\"id_Besluit\""));
        hostile.put(
                "DMN 1.1",
                model.replace(
                        "xmlns=\"https://www.omg.org/spec/DMN/20191111/MODEL/\"",
                        "xmlns=\"http://www.omg.org/spec/DMN/20151101/dmn.xsd\""));
        hostile.put(
                "a loop of a billion",
                model.replaceFirst(
                        "<text>\"REJECTED\"</text>",
                        "<text>if count(for i in 1..1000000000 return i) > 0 then \"REJECTED\" else null</text>"));
        hostile.put("unknown input", model.replace("name=\"fuel\"", "name=\"userHome\""));
        hostile.put("not a model", "<html><body>hello</body></html>");

        Map<String, String> expected = Map.ofEntries(
                Map.entry("word split by an XML comment", "FEEL-functie"),
                Map.entry("word split by CDATA", "FEEL-functie"),
                Map.entry("quotes hidden in FEEL comments", "FEEL-functie"),
                Map.entry("engine's own kind attribute", "functies van soort 'J'"),
                Map.entry("DMN 1.1", "geen DMN-model"),
                Map.entry("external function in a table cell", "FEEL-functie"),
                Map.entry("Java function", "functies van soort 'Java'"),
                Map.entry("XML entity", "DOCTYPE"),
                Map.entry("import", "geen andere modellen of PMML importeren"),
                Map.entry("unknown input", "'userHome' is geen gegeven van de aanvraag"),
                Map.entry("a loop of a billion", "herhalingen"),
                Map.entry("not a model", "geen DMN-model"));
        hostile.forEach((name, upload) -> {
            HttpResponse<String> refused =
                    officer.post("/api/rulesets/PARKING_PERMIT/candidates?version=2029.9", "text/xml", upload);
            assertThat(refused.statusCode()).as(name).isEqualTo(400);
            assertThat(refused.body()).as(name).contains(expected.get(name));
        });
        assertThat(uploads()).isEqualTo(before);
    }

    @Test
    void theOfficersOwnExamplesRunBesideTheRegulations() throws IOException {
        Http officer = new Http(port).as(TestUsers.POLICY_OFFICER);
        String own = """
                case,referenceDate,zone,vehicleHolderIsApplicant,leaseOrCompanyCar,vehicleLength,vehicleHeight,fuel,euroClass,permitsAtAddress,ownParkingSpace,outcome,reasons,fee
                Camper of exactly 6 m in zone B,2026-09-01,B,true,false,6.00,2.40,PETROL,6,0,false,GRANTED,PERMIT_GRANTED,120.00
                Officer expects a refusal that the rules do not give,2026-09-01,A,true,false,4.00,1.50,PETROL,6,0,false,REJECTED,VEHICLE_TOO_LARGE,
                """;
        HttpResponse<String> uploaded = officer.postFiles(
                "/api/rulesets/PARKING_PERMIT/candidates?version=2029.6",
                Map.of("table", table(), "examples", own.getBytes(StandardCharsets.UTF_8)));
        assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(201);
        JsonNode examples = json.readTree(uploaded.body()).path("examples");
        JsonNode camper = find(examples, "eigen: Camper of exactly 6 m in zone B");
        assertThat(camper.path("passed").asBoolean()).isTrue();
        JsonNode wrong = find(examples, "eigen: Officer expects a refusal that the rules do not give");
        assertThat(wrong.path("passed").asBoolean()).isFalse();
        assertThat(wrong.path("actualOutcome").asString()).isEqualTo("GRANTED");
        assertThat(examples.size()).isEqualTo(35);

        HttpResponse<String> refused = officer.postFiles(
                "/api/rulesets/PARKING_PERMIT/candidates?version=2029.7",
                Map.of("table", table(), "examples", "case,referenceDate,colour,outcome,reasons\n".getBytes()));
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("column 'colour'");
    }

    private JsonNode upload(Http officer, String version, String content, String contentType) {
        HttpResponse<String> response =
                officer.post("/api/rulesets/PARKING_PERMIT/candidates?version=" + version, contentType, content);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return json.readTree(response.body());
    }

    private static List<String> failedExamples(JsonNode candidate) {
        List<String> failed = new java.util.ArrayList<>();
        candidate.path("examples").forEach(example -> {
            if (!example.path("passed").asBoolean()) {
                failed.add(example.path("name").asString());
            }
        });
        return failed;
    }

    private static JsonNode find(JsonNode examples, String name) {
        for (JsonNode example : examples) {
            if (example.path("name").asString().equals(name)) {
                return example;
            }
        }
        throw new AssertionError("No example " + name + " in " + examples);
    }

    private long uploads() {
        return jdbc.queryForObject("select count(*) from rule_set_candidates", Long.class);
    }

    private static byte[] table() throws IOException {
        try (InputStream in =
                RulePackageFormatsIntegrationTests.class.getClassLoader().getResourceAsStream(TABLE)) {
            return in.readAllBytes();
        }
    }
}
