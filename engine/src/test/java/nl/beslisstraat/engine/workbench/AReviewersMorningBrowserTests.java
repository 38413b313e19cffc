package nl.beslisstraat.engine.workbench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.beslisstraat.engine.support.Axe;
import nl.beslisstraat.engine.support.BrowserIntegrationTest;
import nl.beslisstraat.engine.support.Chromium;
import nl.beslisstraat.engine.support.Http;
import nl.beslisstraat.engine.support.ReviewQueue;
import nl.beslisstraat.engine.support.TestUsers;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.boot.test.context.SpringBootTest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A reviewer's morning, as a newcomer to the product would live it in a real browser: three cases
 * the rules sent to a person, of three regulations, each found in the queue, claimed, read and
 * decided, with the session ending halfway through the second. On no page they pass does a code, a
 * raw field name, a machine date or amount meet them; nothing they entered is lost; each page
 * passes axe at both widths.
 *
 * <p>The page text is checked against the shapes codes and raw values have (SCREAMING_SNAKE or
 * all-capital words, camelCase names, ISO dates, amounts with a decimal point, true/false), not
 * against a list of the codes these cases happen to carry, so a code that a later change lets
 * through is caught too.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AReviewersMorningBrowserTests extends BrowserIntegrationTest {

    private static final List<Pattern> MACHINE_TEXT = List.of(
            Pattern.compile("\\b[A-Z]+(_[A-Z0-9]+)+\\b"), // a code: WAITING_LIST, IN_REVIEW
            Pattern.compile("\\b[A-Z]{4,}\\b"), // a one-word code: SINGLE, GRANTED, PETROL
            Pattern.compile("\\b[a-z]+[A-Z][A-Za-z]*\\b"), // a field name: permitsAtAddress
            Pattern.compile("\\b\\d{4}-\\d{2}-\\d{2}\\b"), // an ISO date
            Pattern.compile("\\b\\d+\\.\\d{2}\\b"), // an amount as the API writes it: 175.50
            Pattern.compile("\\b(true|false|null)\\b"));

    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void threeEscalatedCasesAreDecidedWithoutMeetingACodeOrLosingAForm() {
        Escalated waitingList = escalate("review/parking-permit-waiting-list.json", "WAITING_LIST");
        Escalated costSharer = escalate("review/tax-remission-cost-sharer.json", "COST_SHARER");
        Escalated alcohol = escalate("review/event-notification-alcohol.json", "ALCOHOL_EXEMPTION");

        Chromium.open(browser, port, "/login");
        Chromium.signIn(browser, port, TestUsers.REVIEWER);
        assertInWords("the queue");

        // 1. a parking permit on the waiting list: a place came free, so it is granted
        claimFromTheQueue(waitingList);
        browser.findElement(By.id("outcome-GRANTED")).click();
        browser.findElement(By.id("motivation")).sendKeys("Er is een plek vrijgekomen in zone A.");
        checkAndConfirm(waitingList);

        // 2. tax remission with a cost sharer: partly remitted; the session ends while writing
        claimFromTheQueue(costSharer);
        browser.findElement(By.id("outcome-PARTIALLY_GRANTED")).click();
        WebElement remitted = browser.findElement(By.id("amount-remitted"));
        assertThat(remitted.getDomProperty("value"))
                .as("the rules leave the cost sharer's part to the reviewer: nothing is filled in for them")
                .isEmpty();
        remitted.clear();
        remitted.sendKeys("175,50");
        String motivation = "De medebewoner draagt volgens de huurovereenkomst de helft van de kosten.";
        browser.findElement(By.id("motivation")).sendKeys(motivation);
        browser.manage().deleteCookieNamed("JSESSIONID");
        browser.findElement(By.id("check-decision")).click();
        Chromium.waitFor(browser, page -> page.getCurrentUrl().contains("/login"));
        assertInWords("signing in again after the session ended");
        Chromium.signInHere(browser, TestUsers.REVIEWER);
        Chromium.waitFor(browser, page -> page.getCurrentUrl().endsWith("/review/cases/" + costSharer.caseId()));
        assertThat(browser.findElement(By.id("outcome-PARTIALLY_GRANTED")).isSelected())
                .isTrue();
        assertThat(browser.findElement(By.id("amount-remitted")).getDomProperty("value"))
                .isEqualTo("175,50");
        assertThat(browser.findElement(By.id("motivation")).getDomProperty("value"))
                .isEqualTo(motivation);
        assertInWords("the form, back whole after signing in again");
        checkAndConfirm(costSharer);

        // 3. an event where alcohol is sold: the exemption is there, so the notification stands
        claimFromTheQueue(alcohol);
        browser.findElement(By.id("outcome-GRANTED")).click();
        browser.findElement(By.id("motivation")).sendKeys("De ontheffing voor alcohol is verleend.");
        checkAndConfirm(alcohol);

        assertRecorded(waitingList, "GRANTED");
        assertRecorded(costSharer, "PARTIALLY_GRANTED");
        assertThat(decisionByReviewer(costSharer)
                        .path("amounts")
                        .path("remitted")
                        .asString())
                .isEqualTo("175.50");
        assertRecorded(alcohol, "GRANTED");
    }

    private record Escalated(long caseId, long taskId, String reason, String caseType) {}

    private Escalated escalate(String application, String expectedReason) {
        JsonNode decided = json.readTree(new Http(port)
                .as(TestUsers.INTAKE)
                .post("/api/cases/decide-now", "application/json", Http.resource(application))
                .body());
        long caseId = decided.path("id").asLong();
        assertThat(decided.toString()).as("the rules send it to a person").contains(expectedReason);
        return new Escalated(
                caseId,
                ReviewQueue.openTaskOf(port, caseId),
                expectedReason,
                decided.path("caseType").asString());
    }

    /** Finds the case in the queue as a reviewer would: filtered by its reason, page by page. */
    private void claimFromTheQueue(Escalated escalated) {
        Chromium.open(browser, port, "/review?reason=" + escalated.reason());
        By row = By.id("task-" + escalated.taskId());
        while (browser.findElements(row).isEmpty()) {
            List<WebElement> next = browser.findElements(By.linkText("Volgende"));
            assertThat(next).as("case %d in the queue", escalated.caseId()).isNotEmpty();
            next.get(0).click();
        }
        assertInWords("the queue, filtered by reason");
        browser.findElement(By.cssSelector("#task-" + escalated.taskId() + " button.claim"))
                .click();
        Chromium.waitFor(browser, page -> page.getCurrentUrl().endsWith("/review/cases/" + escalated.caseId()));
        assertInWords("case " + escalated.caseId() + ", claimed");
    }

    private void checkAndConfirm(Escalated escalated) {
        browser.findElement(By.id("check-decision")).click();
        Chromium.waitFor(browser, page -> !page.findElements(By.id("confirm")).isEmpty());
        assertInWords("the confirmation of case " + escalated.caseId());
        browser.findElement(By.id("confirm")).click();
        Chromium.waitFor(browser, page -> !page.findElements(By.id("decided")).isEmpty());
        assertThat(browser.findElement(By.id("decided")).getText())
                .as("the message names the case")
                .contains(Long.toString(escalated.caseId()));
        assertInWords("the queue after deciding case " + escalated.caseId());
    }

    /** The visible text of the page, header included, shows no machine text; axe finds nothing. */
    private void assertInWords(String what) {
        String text = browser.findElement(By.tagName("body")).getText();
        List<String> found = new ArrayList<>();
        for (Pattern pattern : MACHINE_TEXT) {
            Matcher matcher = pattern.matcher(text);
            while (matcher.find()) {
                found.add(matcher.group());
            }
        }
        assertThat(found).as("codes or raw values on %s:%n%s", what, text).isEmpty();
        Axe.assertAccessible(browser, what);
    }

    private void assertRecorded(Escalated escalated, String outcome) {
        JsonNode decision = decisionByReviewer(escalated);
        assertThat(decision.path("outcome").asString()).isEqualTo(outcome);
        assertThat(decision.path("decidedBy").asString()).isEqualTo(TestUsers.REVIEWER);
    }

    private JsonNode decisionByReviewer(Escalated escalated) {
        JsonNode caseFile = json.readTree(new Http(port)
                .as(TestUsers.REVIEWER)
                .get("/api/cases/" + escalated.caseId())
                .body());
        for (JsonNode decision : caseFile.path("decisions")) {
            if (!decision.path("automated").asBoolean()) {
                return decision;
            }
        }
        throw new AssertionError("no decision by a reviewer on case " + escalated.caseId() + ": " + caseFile);
    }
}
