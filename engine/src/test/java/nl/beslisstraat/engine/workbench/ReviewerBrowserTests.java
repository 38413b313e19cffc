package nl.beslisstraat.engine.workbench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.time.Duration;
import nl.beslisstraat.engine.support.Axe;
import nl.beslisstraat.engine.support.Chromium;
import nl.beslisstraat.engine.support.DatabaseIntegrationTest;
import nl.beslisstraat.engine.support.Http;
import nl.beslisstraat.engine.support.TestUsers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.json.JsonMapper;

/**
 * A reviewer at work in a real browser (Debian's Chromium, headless): sign in, filter the queue,
 * claim the most urgent case, read why it was escalated, decide it with a motivation, and see it
 * leave the queue; a second reviewer cannot take the claimed task. The screenshots go to
 * {@code target/screenshots}, and to {@code docs/images} with {@code -Dscreenshots=docs}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ReviewerBrowserTests extends DatabaseIntegrationTest {

    @LocalServerPort
    int port;

    private WebDriver browser;
    private WebDriver secondBrowser;
    private final JsonMapper json = JsonMapper.builder().build();

    @BeforeEach
    void start() {
        assumeTrue(
                Chromium.installed(),
                "Debian's chromium and chromium-driver are needed (apt-get install chromium chromium-driver); .ci/run installs them");
        browser = chromium();
    }

    @AfterEach
    void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (secondBrowser != null) {
            secondBrowser.quit();
        }
    }

    @Test
    void aReviewerDecidesTheMostUrgentCaseAndItLeavesTheQueue() throws IOException {
        long caseId = escalatedCase();
        long taskId = taskOf(caseId);

        browser.get(url("/login"));
        Axe.assertAccessible(browser, "the sign-in page");
        signIn(browser, TestUsers.REVIEWER);
        assertThat(browser.getCurrentUrl()).endsWith("/review");
        Axe.assertAccessible(browser, "the queue");
        new Select(browser.findElement(By.id("reason"))).selectByValue("WAITING_LIST");
        waitFor(browser).until(page -> page.getCurrentUrl().contains("reason=WAITING_LIST"));
        waitFor(browser)
                .until(page -> !page.findElements(By.id("task-" + taskId)).isEmpty());
        screenshot(browser, "reviewer-queue");
        Axe.assertAccessible(browser, "the queue filtered by reason");

        browser.findElement(By.cssSelector("#task-" + taskId + " button.claim")).click();
        waitFor(browser).until(page -> page.getCurrentUrl().endsWith("/review/cases/" + caseId));
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
        screenshot(browser, "reviewer-case");
        Axe.assertAccessible(browser, "a claimed case, in words");
        browser.get(url("/review/cases/" + caseId + "?lang=en"));
        String english = browser.findElement(By.tagName("main")).getText();
        assertThat(english)
                .contains("Resident parking permit, version 2026.1")
                .contains("Waiting list")
                .contains("Permits already issued at the address")
                .contains("Applicant is the vehicle holder yes")
                .contains("15 March 2026")
                .doesNotContain("WAITING_LIST")
                .doesNotContain("Wachtlijst");
        browser.get(url("/review/cases/" + caseId + "?lang=nl"));

        secondBrowser = chromium();
        signIn(secondBrowser, TestUsers.SECOND_REVIEWER);
        secondBrowser.get(url("/review/cases/" + caseId));
        assertThat(secondBrowser.findElement(By.tagName("main")).getText()).contains("in behandeling bij reviewer");
        assertThat(secondBrowser.findElements(By.id("claim"))).isEmpty();
        assertThat(secondBrowser.findElements(By.id("check-decision"))).isEmpty();
        Axe.assertAccessible(secondBrowser, "a case claimed by a colleague");

        String motivation = "Er is een plek vrijgekomen in zone A; de vergunning wordt verleend.";
        browser.findElement(By.id("outcome-GRANTED")).click();
        browser.findElement(By.id("motivation")).sendKeys(motivation);
        // the tab's own copy of the motivation outlives a fresh sign-in (all cookies gone)
        signIn(browser, TestUsers.REVIEWER);
        browser.get(url("/review/cases/" + caseId));
        assertThat(browser.findElement(By.id("motivation")).getAttribute("value"))
                .isEqualTo(motivation);
        browser.findElement(By.id("outcome-GRANTED")).click();
        browser.findElement(By.id("check-decision")).click();
        waitFor(browser).until(page -> !page.findElements(By.id("confirm")).isEmpty());
        browser.findElement(By.id("confirm")).click();

        waitFor(browser).until(page -> page.getCurrentUrl().contains("/review"));
        assertThat(browser.findElement(By.id("decided")).getText()).contains(Long.toString(caseId));
        assertThat(browser.findElements(By.id("task-" + taskId))).isEmpty();
        Axe.assertAccessible(browser, "the queue after a decision");
        browser.get(url("/review/cases/" + caseId));
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
        screenshot(browser, "reviewer-decided");
        Axe.assertAccessible(browser, "a decided case");
        assertThat(((org.openqa.selenium.JavascriptExecutor) browser)
                        .executeScript("return sessionStorage.getItem('draft:motivation-task-" + taskId + "')"))
                .as("the draft is forgotten once the decision is recorded")
                .isNull();

        signIn(secondBrowser, TestUsers.AUDITOR);
        secondBrowser.get(url("/dashboard?lang=en"));
        assertThat(secondBrowser.findElement(By.tagName("h1")).getText()).isEqualTo("Overview");
        screenshot(secondBrowser, "dashboard");
        Axe.assertAccessible(secondBrowser, "the dashboard in English");
    }

    private long escalatedCase() {
        String body = new Http(port)
                .as(TestUsers.INTAKE)
                .post(
                        "/api/cases/decide-now",
                        "application/json",
                        Http.resource("review/parking-permit-waiting-list.json"))
                .body();
        return json.readTree(body).path("id").asLong();
    }

    private long taskOf(long caseId) {
        String body = new Http(port)
                .as(TestUsers.REVIEWER)
                .get("/api/review/tasks?size=100")
                .body();
        for (var item : json.readTree(body).path("items")) {
            if (item.path("caseId").asLong() == caseId) {
                return item.path("taskId").asLong();
            }
        }
        return -1;
    }

    private void signIn(WebDriver page, String user) {
        Chromium.signIn(page, port, user);
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    private static WebDriverWait waitFor(WebDriver page) {
        return new WebDriverWait(page, Duration.ofSeconds(10));
    }

    private static WebDriver chromium() {
        return Chromium.start();
    }

    private static void screenshot(WebDriver page, String name) {
        Chromium.screenshot(page, name);
    }
}
