package nl.beslisstraat.engine.authoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import nl.beslisstraat.engine.support.Axe;
import nl.beslisstraat.engine.support.BrowserIntegrationTest;
import nl.beslisstraat.engine.support.Chromium;
import nl.beslisstraat.engine.support.Http;
import nl.beslisstraat.engine.support.TestUsers;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.springframework.boot.test.context.SpringBootTest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A policy officer in Chromium raises the cost of living norm for singles from 2027-07-01 to
 * 1400.00: uploads
 * the changed CSV, sees the change amount by amount and the example cases unchanged, simulates it
 * on past decisions (a city pass refused on 1680.00 would be granted), and cannot approve it; a
 * colleague approves it, and the running engine decides a case dated July 2027 with it.
 * Screenshots for docs/policy-officer-guide.md ({@code -Dscreenshots=docs}).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class NormOfficerBrowserTests extends BrowserIntegrationTest {

    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void anOfficerRaisesANormSimulatesItAndAColleagueApproves() throws IOException {
        Http intake = new Http(port).as(TestUsers.INTAKE);
        // a past decision: 1680.00 is above 130 % of 1271.15, within 130 % of 1400.00
        assertThat(intake.post("/api/cases/decide-now", "application/json", Http.resource("intake/city-pass-2026.json"))
                        .body())
                .contains("REJECTED");
        // start from the newest version, as the officer does (other tests may have added one)
        Http api = new Http(port).as(TestUsers.POLICY_OFFICER);
        JsonNode versions = json.readTree(api.get("/api/norms").body());
        String newest = versions.path(versions.size() - 1).path("version").asString();
        String current = api.get("/api/norms/" + newest + "/csv").body();
        Path csv = Files.createTempFile("normen-2027", ".csv");
        Files.writeString(
                csv,
                current.replaceAll(
                        "(?m)^COST_OF_LIVING,SINGLE,false,(\\d{4}-\\d{2}-\\d{2}),,(\\S+)$",
                        "COST_OF_LIVING,SINGLE,false,$1,2027-06-30,$2\n"
                                + "COST_OF_LIVING,SINGLE,false,2027-07-01,,1400.00"));

        Chromium.signIn(browser, port, TestUsers.POLICY_OFFICER);
        Chromium.open(browser, port, "/norms");
        // the version in force today on the timeline, its amounts on screen as money, no developer's note
        WebElement inForce = browser.findElement(By.cssSelector("#timeline li.IN_FORCE"));
        assertThat(inForce.getText()).contains("Nu van kracht").contains("Meegeleverd met het product");
        String inForceVersion = inForce.getAttribute("data-version");
        assertThat(browser.findElement(By.id("norms-in-force")).getText()).contains(inForceVersion);
        assertThat(browser.findElement(By.id("amounts")).getText())
                .contains("Kosten van bestaan per maand")
                .contains("Leefsituatie: alleenstaande")
                .doesNotContain("SINGLE")
                .contains("€ 1.271,15")
                .contains("€ 3.400,00");
        assertThat(browser.getPageSource()).doesNotContain("DOMAIN.md");
        assertThat(browser.findElement(By.id("download-csv")).getAttribute("href"))
                .endsWith("/csv");
        Axe.assertAccessible(browser, "the norms with their amounts and timeline");
        // another version's amounts: the choice changes nothing until Tonen
        WebElement shown = browser.findElement(By.id("shown-version"));
        shown.sendKeys(Keys.ARROW_UP);
        assertThat(browser.getCurrentUrl()).doesNotContain("version=");
        browser.findElement(By.id("show-version")).sendKeys(Keys.ENTER);
        Chromium.waitFor(browser, page -> page.getCurrentUrl().contains("version="));
        assertThat(browser.findElement(By.id("amounts-title")).getText()).startsWith("Bedragen van versie");

        browser.findElement(By.id("version")).sendKeys("2027.2");
        browser.findElement(By.id("note")).sendKeys("Kosten van levensonderhoud alleenstaanden per 1 juli 2027");
        browser.findElement(By.id("table")).sendKeys(csv.toString());
        ((JavascriptExecutor) browser).executeScript("document.getElementById('upload').scrollIntoView();");
        Chromium.screenshot(browser, "norms-upload");
        browser.findElement(By.id("upload-button")).click();
        Chromium.waitFor(browser, page -> page.getCurrentUrl().contains("/norms/candidates/"));

        assertThat(browser.findElement(By.id("diff")).getText())
                .as("the norm and household in words, as in the amounts below")
                .contains("Kosten van bestaan per maand")
                .contains("Leefsituatie: alleenstaande")
                .doesNotContain("COST_OF_LIVING")
                .doesNotContain("householdType")
                .contains("nieuw")
                .contains("€ 1.400,00")
                .contains("t/m 30 juni 2027");
        // the draft's amounts on screen, what differs from the version in force marked in words
        assertThat(browser.findElement(By.cssSelector("#amounts caption")).getText())
                .contains("Vergeleken met versie " + inForceVersion);
        assertThat(browser.findElements(By.cssSelector("#amounts td.changed")))
                .extracting(WebElement::getText)
                .anySatisfy(cell -> assertThat(cell).contains("€ 1.400,00").contains("nieuw"))
                // the period that now ends (which one depends on the versions other tests added)
                .anySatisfy(cell -> assertThat(cell).contains("gewijzigd, was zonder einddatum"));
        assertThat(browser.findElements(By.cssSelector("#amounts tbody tr")))
                .as("unchanged amounts are not marked")
                .anySatisfy(row ->
                        assertThat(row.findElements(By.cssSelector(".changed"))).isEmpty());
        ((JavascriptExecutor) browser)
                .executeScript("document.querySelector('#amounts td.changed').scrollIntoView({block: 'center'});");
        Chromium.screenshot(browser, "norms-draft-amounts");
        Axe.assertAccessible(browser, "a norm draft with its amounts marked");
        assertThat(browser.findElement(By.id("example-summary")).getText()).startsWith("60 ");
        assertThat(browser.findElements(By.id("approve-button")))
                .as("the author cannot approve")
                .isEmpty();
        assertThat(browser.findElement(By.id("asOf")).getAttribute("value")).isEqualTo("2027-07-01");
        Axe.assertAccessible(browser, "uploaded norms");

        browser.findElement(By.id("simulate-button")).click();
        Chromium.waitFor(
                browser, page -> !page.findElements(By.id("simulation")).isEmpty());
        assertThat(browser.findElement(By.id("simulation")).getText())
                .contains("Afgewezen → Toegekend")
                .contains("zoals geldig op 1 juli 2027")
                .doesNotContain("REJECTED");
        String examples = browser.findElement(By.id("examples")).getText();
        assertThat(examples)
                .as("the examples of every regulation that reads norms, in words")
                .contains("Stadspas: ")
                .contains("Kwijtschelding gemeentelijke belastingen: ")
                .doesNotContain("CITY_PASS")
                .doesNotContain("GRANTED")
                .doesNotContain("{");
        Chromium.screenshot(browser, "norms-simulation");
        Axe.assertAccessible(browser, "simulated norms");
        String candidatePage = browser.getCurrentUrl();

        // a sample case opens read-only for the officer
        browser.findElement(By.cssSelector("#simulation a")).click();
        Chromium.waitFor(browser, page -> page.getCurrentUrl().contains("/rules/cases/"));
        assertThat(browser.findElement(By.id("input")).getText())
                .contains("Zaaktype Stadspas")
                .contains("Netto-inkomen van het huishouden per maand € ")
                .doesNotContain("caseType")
                .doesNotContain("netIncome");
        Axe.assertAccessible(browser, "a sample case");

        Chromium.signIn(browser, port, TestUsers.SECOND_POLICY_OFFICER);
        browser.get(candidatePage);
        Axe.assertAccessible(browser, "norms to approve");
        ((JavascriptExecutor) browser).executeScript("document.getElementById('effectiveFrom').value = '2027-07-01';");
        browser.findElement(By.id("approve-button")).click();
        Chromium.waitFor(
                browser,
                page -> page.findElement(By.id("candidate-status"))
                        .getAttribute("title")
                        .equals("APPROVED"));
        Chromium.screenshot(browser, "norms-approved");
        Axe.assertAccessible(browser, "approved norms");
        Chromium.open(browser, port, "/norms");
        assertThat(browser.findElement(By.cssSelector("#timeline li[data-version='2027.2']"))
                        .getText())
                .contains("Gepland")
                .contains("Van kracht vanaf 1 juli 2027")
                .contains("Goedgekeurd door " + TestUsers.SECOND_POLICY_OFFICER)
                .contains("Geüpload door " + TestUsers.POLICY_OFFICER);
        ((JavascriptExecutor) browser).executeScript("document.getElementById('timeline').scrollIntoView();");
        Chromium.screenshot(browser, "norms-timeline");
        browser.get(candidatePage);

        String july2027 = Http.resource("intake/city-pass-2026.json").replace("2026-12-01", "2027-07-05");
        String decided = intake.post("/api/cases/decide-now", "application/json", july2027)
                .body();
        assertThat(json.readTree(decided)
                        .path("decisions")
                        .path(0)
                        .path("normVersion")
                        .asString())
                .isEqualTo("2027.2");
        assertThat(json.readTree(decided)
                        .path("decisions")
                        .path(0)
                        .path("outcome")
                        .asString())
                .isEqualTo("GRANTED");

        browser.findElement(By.id("withdraw")).click(); // leave the norms in force as they were
        Chromium.waitFor(
                browser,
                page -> page.findElement(By.id("candidate-status"))
                        .getAttribute("title")
                        .equals("WITHDRAWN"));
    }

    @Test
    void anEnglishPageNamesTheNormsAndRefusesAnUploadInEnglish() throws IOException {
        Path csv = Files.createTempFile("norms-out-of-range", ".csv");
        Files.writeString(csv, Http.resource("norms/norms-out-of-range.csv"));
        Chromium.signIn(browser, port, TestUsers.POLICY_OFFICER);

        Chromium.open(browser, port, "/norms?lang=en");
        assertThat(browser.findElement(By.id("amounts")).getText())
                .contains("Cost of living per month")
                .contains("Asset allowance")
                .contains("€1,271.15")
                .doesNotContain("Kosten van bestaan")
                .doesNotContain("vermogensvrijstelling");

        browser.findElement(By.id("version")).sendKeys("2027.81");
        browser.findElement(By.id("table")).sendKeys(csv.toString());
        browser.findElement(By.id("upload-button")).click();
        Chromium.waitFor(
                browser, page -> !page.findElements(By.id("upload-errors")).isEmpty());
        assertThat(browser.findElement(By.id("upload-errors")).getText())
                .contains("line 3, column amount: '999999999999.99' is outside the range of COST_OF_LIVING"
                        + " (cost of living per month): €250.00 to €4,000.00, at most 2 decimals")
                .contains("line 9, column amount: '1.815,34' has a comma; write a point before the cents")
                .contains("line 8, column norm: RENT_ALLOWANCE is no known norm")
                .doesNotContain("regel")
                .doesNotContain("hoogstens")
                .doesNotContain("t/m");
        Axe.assertAccessible(browser, "a refused norm upload in English");
    }
}
