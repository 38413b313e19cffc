package nl.beslisstraat.engine.workbench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import nl.beslisstraat.engine.support.Axe;
import nl.beslisstraat.engine.support.BrowserIntegrationTest;
import nl.beslisstraat.engine.support.Chromium;
import nl.beslisstraat.engine.support.ReviewQueue;
import nl.beslisstraat.engine.support.TestUsers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.Select;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * A reviewer at work in a real browser (Debian's Chromium, headless): sign in, filter the queue,
 * claim the most urgent case, read why it was escalated, decide it with a motivation, and see it
 * leave the queue; a second reviewer cannot take the claimed task. The screenshots go to
 * {@code target/screenshots}, and to {@code docs/images} with {@code -Dscreenshots=docs}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ReviewerBrowserTests extends BrowserIntegrationTest {

    private WebDriver secondBrowser;

    @AfterEach
    void stop() {
        if (secondBrowser != null) {
            secondBrowser.quit();
        }
    }

    @Test
    void aReviewerDecidesTheMostUrgentCaseAndItLeavesTheQueue() throws IOException {
        long caseId = ReviewQueue.escalate(port, "review/parking-permit-waiting-list.json");
        long taskId = ReviewQueue.openTaskOf(port, caseId);

        Chromium.open(browser, port, "/login");
        Axe.assertAccessible(browser, "the sign-in page");
        Chromium.signIn(browser, port, TestUsers.REVIEWER);
        assertThat(browser.getCurrentUrl()).endsWith("/review");
        Axe.assertAccessible(browser, "the queue");
        new Select(browser.findElement(By.id("reason"))).selectByValue("WAITING_LIST");
        Chromium.waitFor(browser, page -> page.getCurrentUrl().contains("reason=WAITING_LIST"));
        Chromium.waitFor(
                browser, page -> !page.findElements(By.id("task-" + taskId)).isEmpty());
        Chromium.screenshot(browser, "reviewer-queue");
        Axe.assertAccessible(browser, "the queue filtered by reason");

        browser.findElement(By.cssSelector("#task-" + taskId + " button.claim")).click();
        Chromium.waitFor(browser, page -> page.getCurrentUrl().endsWith("/review/cases/" + caseId));
        String casePage = browser.findElement(By.tagName("main")).getText();
        assertThat(casePage)
                .contains("Wachtlijst")
                .contains("Op uw adres zijn al 1 bewonersvergunning(en) uitgegeven")
                .contains("Bewonersparkeervergunning, versie 2026.1")
                .contains("15 maart 2026");
        assertThat(casePage)
                .as("words, not codes: the codes are tooltips only")
                .doesNotContain("WAITING_LIST")
                .doesNotContain("PARKING_PERMIT")
                .doesNotContain("IN_REVIEW")
                .doesNotContain("2026-03-15");
        String application = browser.findElement(By.id("input")).getText();
        assertThat(application)
                .as("the application's fields by the schema's Dutch titles, values in words")
                .contains("Vergunningen op het adres")
                .contains("Aanvrager is kentekenhouder ja")
                .contains("Brandstof benzine")
                .contains("Lengte voertuig 4,50 m")
                .doesNotContain("permitsAtAddress")
                .doesNotContain("vehicleHolderIsApplicant")
                .doesNotContain("true")
                .doesNotContain("PETROL");
        assertThat(browser.findElement(By.cssSelector("#input th[title='permitsAtAddress']"))
                        .getText())
                .isEqualTo("Vergunningen op het adres");
        assertThat(browser.findElement(By.cssSelector(".fired-rules")).getText())
                .as("the applied rules as a list, not JSON")
                .doesNotContain("[")
                .doesNotContain("\"");
        Chromium.screenshot(browser, "reviewer-case");
        Axe.assertAccessible(browser, "a claimed case, in words");
        Chromium.open(browser, port, "/review/cases/" + caseId + "?lang=en");
        String english = browser.findElement(By.tagName("main")).getText();
        assertThat(english)
                .contains("Resident parking permit, version 2026.1")
                .contains("Waiting list")
                .contains("Permits already issued at the address")
                .contains("Applicant is the vehicle holder yes")
                .contains("15 March 2026")
                .doesNotContain("WAITING_LIST")
                .doesNotContain("Wachtlijst");
        Chromium.open(browser, port, "/review/cases/" + caseId + "?lang=nl");

        secondBrowser = Chromium.start();
        Chromium.signIn(secondBrowser, port, TestUsers.SECOND_REVIEWER);
        Chromium.open(secondBrowser, port, "/review/cases/" + caseId);
        assertThat(secondBrowser.findElement(By.tagName("main")).getText()).contains("in behandeling bij reviewer");
        assertThat(secondBrowser.findElements(By.id("claim"))).isEmpty();
        assertThat(secondBrowser.findElements(By.id("check-decision"))).isEmpty();
        Axe.assertAccessible(secondBrowser, "a case claimed by a colleague");

        String motivation = "Er is een plek vrijgekomen in zone A; de vergunning wordt verleend.";
        browser.findElement(By.id("outcome-GRANTED")).click();
        browser.findElement(By.id("motivation")).sendKeys(motivation);
        // the tab's own copy of the motivation outlives a fresh sign-in (all cookies gone)
        Chromium.signIn(browser, port, TestUsers.REVIEWER);
        Chromium.open(browser, port, "/review/cases/" + caseId);
        assertThat(browser.findElement(By.id("motivation")).getAttribute("value"))
                .isEqualTo(motivation);
        browser.findElement(By.id("outcome-GRANTED")).click();
        browser.findElement(By.id("check-decision")).click();
        Chromium.waitFor(browser, page -> !page.findElements(By.id("confirm")).isEmpty());
        browser.findElement(By.id("confirm")).click();

        Chromium.waitFor(browser, page -> page.getCurrentUrl().contains("/review"));
        assertThat(browser.findElement(By.id("decided")).getText()).contains(Long.toString(caseId));
        assertThat(browser.findElements(By.id("task-" + taskId))).isEmpty();
        Axe.assertAccessible(browser, "the queue after a decision");
        Chromium.open(browser, port, "/review/cases/" + caseId);
        assertThat(browser.findElement(By.id("status")).getText()).isEqualTo("Besloten");
        assertThat(browser.findElement(By.tagName("main")).getText())
                .contains("Besluit van de behandelaar")
                .doesNotContain("REVIEWER_DECISION");
        assertThat(browser.findElement(By.id("status")).getAttribute("title")).isEqualTo("DECIDED");
        String history = browser.findElement(By.id("history")).getText();
        assertThat(history)
                .as("the history in words: events, outcomes and reasons, not codes or JSON")
                .contains("Besloten door behandelaar")
                .contains("Automatisch besloten")
                .contains("Naar behandelaar")
                .contains("Wachtlijst")
                .contains("Motivering")
                .contains(motivation)
                .contains("reviewer")
                .doesNotContain("CASE_DECIDED")
                .doesNotContain("WAITING_LIST")
                .doesNotContain("{");
        Chromium.screenshot(browser, "reviewer-decided");
        Axe.assertAccessible(browser, "a decided case");
        assertThat(((org.openqa.selenium.JavascriptExecutor) browser)
                        .executeScript("return sessionStorage.getItem('draft:motivation-task-" + taskId + "')"))
                .as("the draft is forgotten once the decision is recorded")
                .isNull();

        Chromium.signIn(secondBrowser, port, TestUsers.AUDITOR);
        Chromium.open(secondBrowser, port, "/dashboard?lang=en");
        assertThat(secondBrowser.findElement(By.tagName("h1")).getText()).isEqualTo("Overview");
        Chromium.screenshot(secondBrowser, "dashboard");
        Axe.assertAccessible(secondBrowser, "the dashboard in English");
    }
}
