package nl.beslisstraat.engine.authoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import nl.beslisstraat.engine.regulation.DecisionDeadline;
import nl.beslisstraat.engine.support.Axe;
import nl.beslisstraat.engine.support.BrowserIntegrationTest;
import nl.beslisstraat.engine.support.Chromium;
import nl.beslisstraat.engine.support.Http;
import nl.beslisstraat.engine.support.TestUsers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Zwolle's policy officer in Chromium lowers the visitor limit of the shared event model to 150:
 * sees the model's 200 beside the field, saves the choice as a draft, sees the changed cell; a
 * colleague approves it, and Zwolle's next notification for 180 visitors needs a permit while
 * Utrecht's does not. Screenshots for docs/policy-officer-guide.md ({@code -Dscreenshots=docs}).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class LocalChoicesBrowserTests extends BrowserIntegrationTest {

    @Autowired
    JdbcTemplate jdbc;

    @BeforeEach
    void start() {
        TestUsers.ensureZwolle(accounts, jdbc);
    }

    @Test
    void theModelsAmountsAreWrittenAsThePageReads() {
        Chromium.signIn(browser, port, TestUsers.ZWOLLE_POLICY_OFFICER);
        Chromium.open(browser, port, "/rules?caseType=PARKING_PERMIT");
        assertThat(browser.findElement(By.id("local-choices")).getText())
                .contains("240,00")
                .doesNotContain("240.00");
        Chromium.open(browser, port, "/rules?caseType=PARKING_PERMIT&lang=en");
        assertThat(browser.findElement(By.id("local-choices")).getText()).contains("240.00");
        Chromium.open(browser, port, "/rules?lang=nl");
    }

    @Test
    void zwolleLowersTheVisitorLimitAndAColleagueApproves() {
        Chromium.signIn(browser, port, TestUsers.ZWOLLE_POLICY_OFFICER);
        Chromium.open(browser, port, "/rules?caseType=EVENT_NOTIFICATION");
        String choices = browser.findElement(By.id("local-choices")).getText();
        assertThat(choices)
                .contains("Bezoekersgrens melding")
                .contains("50 – 500")
                .contains("200");
        Axe.assertAccessible(browser, "the local choices");
        browser.findElement(By.id("choice-visitorLimit")).sendKeys("150");
        String version = "zwolle-" + System.nanoTime() % 100_000;
        browser.findElement(By.id("choices-version")).sendKeys(version);
        ((JavascriptExecutor) browser).executeScript("document.getElementById('local-choices').scrollIntoView();");
        Chromium.screenshot(browser, "local-choices");
        browser.findElement(By.id("choices-button")).click();
        Chromium.waitFor(browser, page -> page.getCurrentUrl().contains("/rules/candidates/"));

        assertThat(browser.findElement(By.id("choice-values")).getText()).contains("Bezoekersgrens melding 200 150");
        assertThat(browser.findElement(By.id("diff")).getText()).contains("200 → 150");
        assertThat(browser.findElements(By.id("approve-button")))
                .as("the author cannot approve")
                .isEmpty();
        Chromium.screenshot(browser, "local-choices-draft");
        Axe.assertAccessible(browser, "a draft of local choices");
        String draft = browser.getCurrentUrl();

        // Utrecht's officer cannot open Zwolle's draft
        Chromium.signIn(browser, port, TestUsers.SECOND_POLICY_OFFICER);
        browser.get(draft);
        assertThat(browser.findElements(By.id("choice-values"))).isEmpty();
        Axe.assertAccessible(browser, "another municipality's draft");

        String today = LocalDate.now(DecisionDeadline.NETHERLANDS).toString();
        Chromium.signIn(browser, port, TestUsers.ZWOLLE_SECOND_POLICY_OFFICER);
        browser.get(draft);
        ((JavascriptExecutor) browser)
                .executeScript("document.getElementById('effectiveFrom').value = '" + today + "';");
        browser.findElement(By.id("approve-button")).click();
        Chromium.waitFor(
                browser,
                page -> page.findElement(By.id("candidate-status"))
                        .getAttribute("title")
                        .equals("APPROVED"));
        // the choices have a timeline of their own, the same life cycle as the decision tables'
        Chromium.open(browser, port, "/rules?caseType=EVENT_NOTIFICATION");
        WebElement inForce = browser.findElement(By.cssSelector("#choices-timeline li.IN_FORCE"));
        assertThat(inForce.getAttribute("data-version")).isEqualTo(version);
        assertThat(inForce.getText())
                .contains("Nu van kracht")
                .contains("Goedgekeurd door " + TestUsers.ZWOLLE_SECOND_POLICY_OFFICER)
                .contains("Geüpload door " + TestUsers.ZWOLLE_POLICY_OFFICER);
        assertThat(browser.findElement(By.id("in-force-today")).getText())
                .contains("met lokale keuzes versie " + version);
        Axe.assertAccessible(browser, "the local choices with their timeline");

        String event = "{\"caseType\":\"EVENT_NOTIFICATION\",\"referenceDate\":\"" + today + "\",\"eventDate\":\""
                + LocalDate.parse(today).plusWeeks(6) + "\",\"startTime\":\"12:00\",\"endTime\":\"18:00\","
                + "\"visitors\":180,\"roadClosure\":false,\"objectCount\":2,\"largestObjectArea\":6.00,"
                + "\"alcoholSold\":false}";
        assertThat(new Http(port)
                        .as(TestUsers.ZWOLLE_INTAKE)
                        .post("/api/cases/decide-now", "application/json", event)
                        .body())
                .contains("PERMIT_REQUIRED")
                .contains("meer dan 150 bezoekers");
        assertThat(new Http(port)
                        .as(TestUsers.INTAKE)
                        .post("/api/cases/decide-now", "application/json", event)
                        .body())
                .contains("NOTIFICATION_ACCEPTED");
    }

    @Test
    void anEnglishPageRefusesAValueOutOfRangeInEnglishNamingTheChoice() {
        Chromium.signIn(browser, port, TestUsers.ZWOLLE_POLICY_OFFICER);
        Chromium.open(browser, port, "/rules?caseType=EVENT_NOTIFICATION&lang=en");
        browser.findElement(By.id("choice-visitorLimit")).sendKeys("5000");
        browser.findElement(By.id("choices-version")).sendKeys("zwolle-refused");
        browser.findElement(By.id("choices-button")).click();
        Chromium.waitFor(
                browser, page -> !page.findElements(By.id("upload-errors")).isEmpty());

        assertThat(browser.findElement(By.id("upload-errors")).getText())
                .contains("Visitor limit for a notification (visitorLimit): this takes a number from 50 up to and"
                        + " including 500, not 5,000.")
                .doesNotContain("hier hoort")
                .doesNotContain("Bezoekersgrens");
        Axe.assertAccessible(browser, "a refused local choice in English");
    }
}
