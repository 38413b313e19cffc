package nl.beslisstraat.engine.authoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import nl.beslisstraat.engine.regulation.table.Tables;
import nl.beslisstraat.engine.support.Axe;
import nl.beslisstraat.engine.support.BrowserIntegrationTest;
import nl.beslisstraat.engine.support.Chromium;
import nl.beslisstraat.engine.support.Http;
import nl.beslisstraat.engine.support.TestUsers;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.boot.test.context.SpringBootTest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A policy officer in Chromium uploads a new version of the parking table, sees the example cases
 * and the simulation, and cannot approve it; a colleague approves it with an effective date. A
 * table with a gap and two rows that both set the fee shows both, and cannot be approved.
 * Screenshots for docs/policy-officer-guide.md ({@code -Dscreenshots=docs}).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class OfficerBrowserTests extends BrowserIntegrationTest {

    @Test
    void anOfficerUploadsTestsAndSimulatesAndAColleagueApproves() throws IOException {
        Path table = Files.createTempFile("parking-permit-2027", ".xlsx");
        Files.write(table, zoneAFee("255.00"));

        Chromium.signIn(browser, port, TestUsers.POLICY_OFFICER);
        assertThat(browser.getCurrentUrl()).contains("/rules");
        Axe.assertAccessible(browser, "the rules");
        browser.findElement(By.id("version")).sendKeys("2027.7");
        browser.findElement(By.id("table")).sendKeys(table.toString());
        browser.findElement(By.id("upload-button")).click();
        Chromium.waitFor(browser, page -> page.getCurrentUrl().contains("/rules/candidates/"));
        assertThat(browser.findElement(By.id("example-summary")).getText())
                .contains("anders")
                .doesNotStartWith("0 ");
        assertThat(browser.findElement(By.id("diff")).getText()).contains("€ 240,00 → € 255,00");
        // an example expecting the old fee: expected and actual side by side, in words, the difference marked
        WebElement differs = browser.findElement(By.cssSelector("#examples td.differs"));
        assertThat(differs.getText()).contains("€ 255,00");
        assertThat(differs.findElement(By.className("visually-hidden")).getAttribute("textContent"))
                .isEqualTo("(afwijkend)");
        String examples = browser.findElement(By.id("examples")).getText();
        assertThat(examples)
                .contains("Leges per jaar (EUR): € 240,00")
                .contains("Vergunning verleend")
                .contains("Toegekend")
                .doesNotContain("PERMIT_GRANTED")
                .doesNotContain("GRANTED")
                .doesNotContain("{fee=");
        assertThat(browser.findElements(By.id("approve-button")))
                .as("the author cannot approve")
                .isEmpty();
        Chromium.screenshot(browser, "officer-upload");
        Axe.assertAccessible(browser, "a rule-set draft with its examples");

        browser.findElement(By.id("simulate-button")).click();
        Chromium.waitFor(
                browser, page -> !page.findElements(By.id("simulation")).isEmpty());
        assertThat(browser.findElement(By.id("simulation")).getText()).contains("zaken opnieuw beslist");
        Axe.assertAccessible(browser, "a simulated table");
        String candidatePage = browser.getCurrentUrl();

        Chromium.signIn(browser, port, TestUsers.SECOND_POLICY_OFFICER);
        browser.get(candidatePage);
        Axe.assertAccessible(browser, "a table to approve");
        ((JavascriptExecutor) browser).executeScript("document.getElementById('effectiveFrom').value = '2027-01-01';");
        browser.findElement(By.id("approve-button")).click();
        Chromium.waitFor(
                browser,
                page -> page.findElement(By.id("candidate-status")).getText().equals("Goedgekeurd"));
        Chromium.screenshot(browser, "officer-approved");
        Axe.assertAccessible(browser, "an approved table");

        browser.findElement(By.id("withdraw")).click(); // leave the rules in force as they were
        Chromium.waitFor(
                browser,
                page -> page.findElement(By.id("candidate-status"))
                        .getAttribute("title")
                        .equals("WITHDRAWN"));
    }

    @Test
    void theCandidatePageShowsAGapWithAnExampleCaseAndAConflictThatBlocksApproval() throws IOException {
        String csv = Tables.parkingCsv()
                .lines()
                .filter(line -> !line.startsWith("Art. 7 lid 1: verlenen zone B"))
                .map(line -> line.startsWith("Art. 7 lid 1: verlenen zone A")
                        ? line + "\nArt. 7 lid 3: verlenen zone A tweede tarief,A,GRANTED,PERMIT_GRANTED,"
                                + "U krijgt een vergunning.,You are granted a permit.,300.00"
                        : line)
                .collect(java.util.stream.Collectors.joining("\n", "", "\n"));
        Path table = Files.createTempFile("parking-permit-gap", ".csv");
        Files.writeString(table, csv);

        Chromium.signIn(browser, port, TestUsers.POLICY_OFFICER);
        browser.findElement(By.id("version")).sendKeys("2031.8");
        browser.findElement(By.id("table")).sendKeys(table.toString());
        browser.findElement(By.id("upload-button")).click();
        Chromium.waitFor(browser, page -> page.getCurrentUrl().contains("/rules/candidates/"));

        String gaps = browser.findElement(By.id("gaps")).getText();
        assertThat(gaps).contains("zone: B", "zone = B");
        String conflicts = browser.findElement(By.id("conflicts")).getText();
        assertThat(conflicts)
                .contains("Art. 7 lid 1: verlenen zone A / Art. 7 lid 3: verlenen zone A tweede tarief")
                .contains("opgeteld");
        ((JavascriptExecutor) browser).executeScript("document.getElementById('verification').scrollIntoView();");
        Chromium.screenshot(browser, "officer-verification");
        Axe.assertAccessible(browser, "a table with a gap and a conflict");
        String candidatePage = browser.getCurrentUrl();

        Chromium.signIn(browser, port, TestUsers.SECOND_POLICY_OFFICER);
        browser.get(candidatePage);
        ((JavascriptExecutor) browser).executeScript("document.getElementById('effectiveFrom').value = '2027-01-01';");
        browser.findElement(By.id("approve-button")).click();
        Chromium.waitFor(browser, page -> !page.findElements(By.id("error")).isEmpty());
        assertThat(browser.findElement(By.id("error")).getText()).contains("tegenspreken");
        assertThat(browser.findElement(By.id("candidate-status")).getText()).isEqualTo("Concept");
        Axe.assertAccessible(browser, "a refused approval");

        // the same refusal on an English page is in English, naming the rows as the sheet does
        browser.get(candidatePage + "?lang=en");
        ((JavascriptExecutor) browser).executeScript("document.getElementById('effectiveFrom').value = '2027-01-01';");
        browser.findElement(By.id("approve-button")).click();
        Chromium.waitFor(browser, page -> !page.findElements(By.id("error")).isEmpty());
        assertThat(browser.findElement(By.id("error")).getText())
                .contains("The table has rules that contradict each other: 'Art. 7 lid 1: verlenen zone A' and"
                        + " 'Art. 7 lid 3: verlenen zone A tweede tarief'")
                .doesNotContain("tegenspreken")
                .doesNotContain(" en ");
        Axe.assertAccessible(browser, "a refused approval in English");

        // the findings stored with the draft read in English on an English page ...
        browser.get(candidatePage + "?lang=en");
        assertThat(browser.findElement(By.id("gaps")).getText())
                .contains("zone: B", "zone = B")
                .doesNotContain(" geen ", "een van", "ten hoogste", "minder dan", "meer dan", "minstens", "(leeg)");
        assertThat(browser.findElement(By.id("conflicts")).getText())
                .contains("Both rules set fee; for an application both apply to, the amounts are added up. Make the"
                        + " conditions exclude each other.")
                .doesNotContain("Beide regels", "opgeteld");
        // ... and in Dutch through the API, also when English is asked for
        long id = Long.parseLong(candidatePage.replaceAll(".*/candidates/([0-9]+).*", "$1"));
        HttpResponse<String> history = new Http(port)
                .as(TestUsers.POLICY_OFFICER)
                .get("/api/rulesets/PARKING_PERMIT/candidates", "Accept-Language", "en");
        JsonNode verification = null;
        for (JsonNode candidate : JsonMapper.builder().build().readTree(history.body())) {
            if (candidate.path("id").asLong() == id) {
                verification = candidate.path("verification");
            }
        }
        assertThat(verification).as(history.body()).isNotNull();
        assertThat(verification.path("overlaps").toString())
                .contains("Beide regels stellen fee vast; bij een aanvraag waarvoor beide gelden, worden de bedragen"
                        + " opgeteld.")
                .doesNotContain("Both rules");
        assertThat(verification.path("gaps").get(0).path("conditions").get(0).isString())
                .as("a condition is one Dutch text")
                .isTrue();
    }

    @Test
    void anEnglishPageRefusesAnUploadInEnglishNamingTheCellOrTheModelElement() throws IOException {
        String csv = Tables.parkingCsv()
                .lines()
                .map(line ->
                        line.startsWith("Art. 7 lid 1: verlenen zone A,") ? line.replaceAll(",[^,]*$", ",veel") : line)
                .collect(java.util.stream.Collectors.joining("\n", "", "\n"));
        Path table = Files.createTempFile("parking-permit-refused", ".csv");
        Files.writeString(table, csv);

        Chromium.signIn(browser, port, TestUsers.POLICY_OFFICER);
        Chromium.open(browser, port, "/rules?caseType=PARKING_PERMIT&lang=en");
        browser.findElement(By.id("version")).sendKeys("2031.9");
        browser.findElement(By.id("table")).sendKeys(table.toString());
        browser.findElement(By.id("upload-button")).click();
        Chromium.waitFor(
                browser, page -> !page.findElements(By.id("upload-errors")).isEmpty());

        assertThat(browser.findElement(By.id("upload-errors")).getText())
                .containsPattern(
                        "Sheet '[^']+', cell [A-Z]+[0-9]+: this takes a number between 0 and [0-9.,]+," + " not 'veel'")
                .doesNotContain("Werkblad")
                .doesNotContain("hier hoort");
        Axe.assertAccessible(browser, "a refused upload in English");

        // a DMN model that calls itself is refused in English too, naming its knowledge models
        Path model = Files.createTempFile("bkm-mutual-recursion", ".dmn");
        Files.writeString(model, Http.resource("authoring/hostile/bkm-mutual-recursion.dmn"));
        Chromium.open(browser, port, "/rules?caseType=PARKING_PERMIT&lang=en");
        browser.findElement(By.id("version")).sendKeys("2031.9");
        browser.findElement(By.id("table")).sendKeys(model.toString());
        browser.findElement(By.id("upload-button")).click();
        Chromium.waitFor(
                browser, page -> !page.findElements(By.id("upload-errors")).isEmpty());
        assertThat(browser.findElement(By.id("upload-errors")).getText())
                .contains("'ping' calls itself (ping -> pong -> ping); recursion is not allowed")
                .doesNotContain("roept zichzelf aan");

        // a file of own example cases with a cell that is not true or false: in English, naming line and column
        Path good = Files.createTempFile("parking-permit", ".csv");
        Files.writeString(good, Tables.parkingCsv());
        String wrongExamples = "case,referenceDate,zone,vehicleHolderIsApplicant,outcome,reasons\n"
                + "Yes for true,2026-09-01,A,yes,GRANTED,PERMIT_GRANTED\n";
        Path examples = Files.createTempFile("own-examples", ".csv");
        Files.writeString(examples, wrongExamples);
        Chromium.open(browser, port, "/rules?caseType=PARKING_PERMIT&lang=en");
        browser.findElement(By.id("version")).sendKeys("2031.9");
        browser.findElement(By.id("table")).sendKeys(good.toString());
        browser.findElement(By.id("examples")).sendKeys(examples.toString());
        browser.findElement(By.id("upload-button")).click();
        Chromium.waitFor(
                browser, page -> !page.findElements(By.id("upload-errors")).isEmpty());
        assertThat(browser.findElement(By.id("upload-errors")).getText())
                .contains("own example cases, line 2: vehicleHolderIsApplicant: 'yes' is not true or false.")
                .doesNotContain("eigen voorbeeldgevallen", "regel 2");
        Axe.assertAccessible(browser, "a refused file of example cases in English");
        // the API answers in Dutch
        HttpResponse<String> refused = new Http(port)
                .as(TestUsers.POLICY_OFFICER)
                .postFiles(
                        "/api/rulesets/PARKING_PERMIT/candidates?version=2031.9",
                        java.util.Map.of(
                                "table",
                                Tables.parkingCsv().getBytes(java.nio.charset.StandardCharsets.UTF_8),
                                "examples",
                                wrongExamples.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body())
                .contains("eigen voorbeeldgevallen, regel 2: vehicleHolderIsApplicant: 'yes' is niet true of false.");
    }

    @Test
    void theTimelineMarksTheVersionInForceTodayInWordsAndTheCaseTypeChangesOnlyOnTonen() {
        Chromium.signIn(browser, port, TestUsers.POLICY_OFFICER);
        Chromium.open(browser, port, "/rules?caseType=PARKING_PERMIT");

        WebElement inForce = browser.findElement(By.cssSelector("#timeline li.IN_FORCE"));
        assertThat(inForce.getText())
                .contains("Nu van kracht")
                .contains("Van kracht van")
                .contains("Meegeleverd");
        assertThat(browser.findElement(By.id("in-force-today")).getText())
                .contains("Vandaag van kracht: Versie " + inForce.getAttribute("data-version"));
        assertThat(browser.findElements(By.cssSelector("#timeline li.IN_FORCE")))
                .as("one version is in force today")
                .hasSize(1);
        assertThat(browser.findElements(By.cssSelector("#timeline li.SUPERSEDED")))
                .extracting(WebElement::getText)
                .as("the shipped version of the first half of 2026, taken over on 1 July; of two shipped on one"
                        + " date, the one the engine did not choose is replaced from that date")
                .anySatisfy(text -> assertThat(text)
                        .contains("Vervangen")
                        .contains("Van kracht van 1 januari 2026 tot en met 30 juni 2026"))
                .anySatisfy(text ->
                        assertThat(text).contains("vervangen door een andere versie met dezelfde ingangsdatum"));
        Axe.assertAccessible(browser, "the rules overview with its timeline");

        // arrow keys move the choice and nothing else; the page changes on Tonen
        String before = browser.getCurrentUrl();
        tabTo("caseType");
        active().sendKeys(Keys.ARROW_DOWN);
        String chosen = new Select(browser.findElement(By.id("caseType")))
                .getFirstSelectedOption()
                .getAttribute("value");
        assertThat(chosen).isNotEqualTo("PARKING_PERMIT");
        assertThat(browser.getCurrentUrl()).isEqualTo(before);
        tabTo("show-case-type");
        active().sendKeys(Keys.ENTER);
        Chromium.waitFor(browser, page -> page.getCurrentUrl().contains("caseType=" + chosen));
        assertThat(new Select(browser.findElement(By.id("caseType")))
                        .getFirstSelectedOption()
                        .getAttribute("value"))
                .isEqualTo(chosen);
        assertThat(browser.findElement(By.cssSelector("#timeline li.IN_FORCE")).getText())
                .contains("Nu van kracht");

        Chromium.open(browser, port, "/rules?caseType=PARKING_PERMIT&lang=en");
        assertThat(browser.findElement(By.cssSelector("#timeline li.IN_FORCE")).getText())
                .contains("In force now")
                .contains("Shipped with the product");
    }

    /**
     * Keyboard only: Tab to each field, type, Enter or Space on the buttons (the file is typed into
     * the focused file field, as a keyboard user picks it in the file dialog).
     */
    @Test
    void anOfficerUploadsAndAColleagueApprovesAndWithdrawsWithTheKeyboardOnly() throws IOException {
        Path table = Files.createTempFile("parking-permit-2028", ".xlsx");
        Files.write(table, zoneAFee("260.00"));

        Chromium.signIn(browser, port, TestUsers.POLICY_OFFICER);
        Chromium.open(browser, port, "/rules?caseType=PARKING_PERMIT");
        tabTo("version");
        active().sendKeys("2028.3");
        tabTo("table");
        active().sendKeys(table.toString());
        tabTo("upload-button");
        active().sendKeys(Keys.ENTER);
        Chromium.waitFor(browser, page -> page.getCurrentUrl().contains("/rules/candidates/"));
        assertThat(browser.findElement(By.id("diff")).getText()).contains("€ 240,00 → € 260,00");
        String candidatePage = browser.getCurrentUrl();
        Axe.assertAccessible(browser, "a rule-set draft");

        Chromium.open(browser, port, "/rules?caseType=PARKING_PERMIT");
        WebElement draft = browser.findElement(By.cssSelector("#timeline li[data-version='2028.3']"));
        assertThat(draft.getText())
                .contains("Concept")
                .contains("Nog geen ingangsdatum")
                .contains("Geüpload door " + TestUsers.POLICY_OFFICER);

        Chromium.signIn(browser, port, TestUsers.SECOND_POLICY_OFFICER);
        browser.get(candidatePage);
        tabTo("effectiveFrom");
        active().sendKeys("01012028"); // day and month alike: the same in every date order
        assertThat(browser.findElement(By.id("effectiveFrom")).getAttribute("value"))
                .isEqualTo("2028-01-01");
        tabTo("approve-button");
        active().sendKeys(Keys.SPACE);
        Chromium.waitFor(
                browser, page -> !page.findElements(By.id("candidate-approver")).isEmpty());

        Chromium.open(browser, port, "/rules?caseType=PARKING_PERMIT");
        WebElement planned = browser.findElement(By.cssSelector("#timeline li[data-version='2028.3']"));
        assertThat(planned.getAttribute("class")).contains("PLANNED");
        assertThat(planned.getText())
                .contains("Gepland")
                .contains("Van kracht vanaf 1 januari 2028")
                .contains("Goedgekeurd door " + TestUsers.SECOND_POLICY_OFFICER)
                .contains("met ingangsdatum 1 januari 2028");
        assertThat(browser.findElement(By.cssSelector("#timeline li.IN_FORCE")).getText())
                .as("the version in force today is followed by the planned one")
                .contains("tot en met 31 december 2027");
        ((JavascriptExecutor) browser).executeScript("document.getElementById('in-force-today').scrollIntoView();");
        Chromium.screenshot(browser, "officer-timeline");
        Axe.assertAccessible(browser, "the timeline with a planned version");

        browser.get(candidatePage); // leave the rules in force as they were
        tabTo("withdraw");
        active().sendKeys(Keys.ENTER);
        Chromium.waitFor(browser, page -> page.findElements(By.id("withdraw")).isEmpty());
        Chromium.open(browser, port, "/rules?caseType=PARKING_PERMIT");
        assertThat(browser.findElement(By.cssSelector("#timeline li[data-version='2028.3']"))
                        .getText())
                .contains("Ingetrokken")
                .contains("Zou gelden vanaf 1 januari 2028")
                .contains("Ingetrokken door " + TestUsers.SECOND_POLICY_OFFICER);
    }

    /** Tabs forward until the field has the focus, as a keyboard user does. */
    private void tabTo(String id) {
        for (int step = 0; step < 150; step++) {
            if (id.equals(active().getAttribute("id"))) {
                return;
            }
            new Actions(browser).sendKeys(Keys.TAB).perform();
        }
        throw new AssertionError("Tab never reached #" + id);
    }

    private WebElement active() {
        return browser.switchTo().activeElement();
    }

    private static byte[] zoneAFee(String fee) throws IOException {
        try (InputStream in = OfficerBrowserTests.class
                        .getClassLoader()
                        .getResourceAsStream("nl/beslisstraat/rules/parkingpermit/2026.2.1/parking-permit.table.xlsx");
                XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(in.readAllBytes()))) {
            for (Row row : workbook.getSheetAt(0)) {
                if (row.getCell(0) != null && row.getCell(0).toString().equals("Art. 7 lid 1: verlenen zone A")) {
                    row.getCell(6).setCellValue(fee);
                }
            }
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            workbook.write(out);
            return out.toByteArray();
        }
    }
}
