package nl.beslisstraat.engine.workbench;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.beslisstraat.engine.support.Axe;
import nl.beslisstraat.engine.support.BrowserIntegrationTest;
import nl.beslisstraat.engine.support.Chromium;
import nl.beslisstraat.engine.support.Http;
import nl.beslisstraat.engine.support.ReviewQueue;
import nl.beslisstraat.engine.support.TestUsers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The reviewer's forms forgive, in a real browser: a session that ends mid-form loses nothing, the
 * errors are the product's own pages, the decision form comes after the evidence with the engine's
 * amounts filled in, says what to put right (error summary, fields marked) and shows what will be
 * recorded before it is; the queue keeps its filters, has "my tasks", names cases, clamps its pages
 * and fits a phone; and all of it works with the keyboard alone. Each page is checked with axe at
 * 1366 and 390 pixels wide.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ReviewerFormsBrowserTests extends BrowserIntegrationTest {

    private static final Dimension DESKTOP = new Dimension(1366, 900);
    private static final Dimension PHONE = new Dimension(390, 844);
    private static final String MOTIVATION = "Medebewoner van 29 draagt volgens de huurovereenkomst de helft bij.";

    private WebDriver secondBrowser;

    @AfterEach
    void stop() {
        if (secondBrowser != null) {
            secondBrowser.quit();
        }
    }

    @Test
    void aDecisionPostedAfterTheSessionEndedComesBackWhole() {
        long caseId = ReviewQueue.escalate(port, "review/tax-remission-cost-sharer.json");
        long taskId = claimedBy(TestUsers.REVIEWER, caseId);
        Chromium.signIn(browser, port, TestUsers.REVIEWER);
        Chromium.open(browser, port, "/review/cases/" + caseId);

        browser.findElement(By.id("outcome-PARTIALLY_GRANTED")).click();
        replace(browser.findElement(By.id("amount-remitted")), "175,50");
        browser.findElement(By.id("motivation")).sendKeys(MOTIVATION);
        // the session ends (30 minutes without activity) while the reviewer writes
        browser.manage().deleteCookieNamed("JSESSIONID");
        browser.findElement(By.id("check-decision")).click();

        Chromium.waitFor(browser, page -> page.getCurrentUrl().contains("/login"));
        assertThat(browser.findElement(By.id("expired")).getText()).contains("bewaard");
        Axe.assertNoWcag21AaViolations(browser, "signing in again");
        Chromium.signInHere(browser, TestUsers.REVIEWER);

        Chromium.waitFor(browser, page -> page.getCurrentUrl().endsWith("/review/cases/" + caseId));
        assertThat(browser.findElement(By.id("restored")).getText()).contains("sessie was verlopen");
        assertThat(browser.findElement(By.id("outcome-PARTIALLY_GRANTED")).isSelected())
                .isTrue();
        assertThat(browser.findElement(By.id("amount-remitted")).getDomProperty("value"))
                .isEqualTo("175,50");
        assertThat(browser.findElement(By.id("motivation")).getDomProperty("value"))
                .isEqualTo(MOTIVATION);

        browser.findElement(By.id("check-decision")).click();
        Chromium.waitFor(browser, page -> !page.findElements(By.id("confirm")).isEmpty());
        // the session ends again, now on the confirmation: signing in shows it again
        browser.manage().deleteCookieNamed("JSESSIONID");
        browser.findElement(By.id("confirm")).click();
        Chromium.waitFor(browser, page -> page.getCurrentUrl().contains("/login"));
        Chromium.signInHere(browser, TestUsers.REVIEWER);
        Chromium.waitFor(browser, page -> !page.findElements(By.id("confirm")).isEmpty());
        assertThat(browser.findElement(By.id("restored")).getText()).contains("sessie was verlopen");
        assertThat(browser.findElement(By.id("summary-amount-remitted")).getText())
                .isEqualTo("€ 175,50");
        browser.findElement(By.id("confirm")).click();

        Chromium.waitFor(browser, page -> !page.findElements(By.id("decided")).isEmpty());
        assertThat(browser.findElement(By.id("decided")).getText()).contains(Long.toString(caseId));
        String decision = new Http(port)
                .as(TestUsers.REVIEWER)
                .get("/api/cases/" + caseId)
                .body();
        assertThat(decision).contains("PARTIALLY_GRANTED").contains("175.50").contains("Medebewoner van 29");
        assertThat(taskId).isPositive();
    }

    @Test
    void anHtmxRequestOfAnEndedSessionSignsInOnAWholePageAndComesBack() {
        ReviewQueue.escalate(port, "review/parking-permit-waiting-list.json");
        Chromium.signIn(browser, port, TestUsers.REVIEWER);
        Chromium.open(browser, port, "/review?view=all");
        Chromium.waitFor(browser, page -> !page.findElements(By.id("queue")).isEmpty());

        // the session ends; then a filter is chosen, which htmx asks for without a reload
        browser.manage().deleteCookieNamed("JSESSIONID");
        new Select(browser.findElement(By.id("reason"))).selectByValue("WAITING_LIST");

        // the whole page goes to sign in: not the sign-in form inside the queue's table
        Chromium.waitFor(browser, page -> page.getCurrentUrl().contains("/login"));
        assertThat(browser.findElement(By.id("ended")).getText()).contains("terug naar de pagina");
        assertThat(browser.findElements(By.id("queue"))).isEmpty();
        assertThat(browser.findElements(By.tagName("h1"))).hasSize(1);
        Axe.assertAccessible(browser, "signing in again after an htmx request");
        Chromium.signInHere(browser, TestUsers.REVIEWER);

        // back on the queue, a whole page, with the filter that was chosen
        Chromium.waitFor(browser, page -> page.getCurrentUrl().contains("/review?"));
        assertThat(browser.getCurrentUrl()).contains("reason=WAITING_LIST");
        assertThat(browser.findElements(By.tagName("header"))).hasSize(1);
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Werkvoorraad");
        assertThat(new Select(browser.findElement(By.id("reason")))
                        .getFirstSelectedOption()
                        .getDomAttribute("value"))
                .isEqualTo("WAITING_LIST");
        assertThat(browser.findElements(By.cssSelector("#queue tbody tr"))).isNotEmpty();
        // and the queue's htmx works again in the new session
        new Select(browser.findElement(By.id("reason"))).selectByIndex(0);
        Chromium.waitFor(browser, page -> !page.getCurrentUrl().contains("reason=WAITING_LIST"));
        assertThat(browser.getCurrentUrl()).contains("/review");
    }

    @Test
    void errorsAreTheProductsOwnPagesAndUnknownAddressesAreNotFound() throws Exception {
        // anonymous: sign in first, then "not found"
        Chromium.open(browser, port, "/review/no-such-page");
        Chromium.waitFor(browser, page -> page.getCurrentUrl().contains("/login"));
        Chromium.signInHere(browser, TestUsers.REVIEWER);
        Chromium.waitFor(browser, page -> page.getCurrentUrl().contains("/review/no-such-page"));
        assertErrorPage("Pagina niet gevonden", "nl");
        assertThat(browser.findElement(By.id("home")).getDomProperty("href")).endsWith("/");
        assertAccessibleAtBothWidths("the 404 page");
        screenshot("error-not-found");

        Chromium.open(browser, port, "/no-such-page?lang=en");
        assertErrorPage("Page not found", "en");
        Chromium.open(browser, port, "/review/cases/99999999?lang=nl");
        assertErrorPage("Pagina niet gevonden", "nl");
        Chromium.open(browser, port, "/rules");
        assertErrorPage("Geen toegang", "nl");
        Chromium.open(browser, port, "/review/tasks/1/claim");
        assertErrorPage("Deze pagina kan zo niet worden geopend", "nl");
        Chromium.open(browser, port, "/review?page=abc");
        assertErrorPage("Het verzoek klopt niet", "nl");
        assertAccessibleAtBothWidths("the 400 page");

        // the API's errors stay JSON, also for a client that prefers HTML
        HttpResponse<String> api = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(url("/api/no-such-endpoint")))
                                .header("Accept", "text/html,*/*;q=0.8")
                                .header(
                                        "Authorization",
                                        "Basic "
                                                + java.util.Base64.getEncoder()
                                                        .encodeToString((TestUsers.REVIEWER + ":"
                                                                        + TestUsers.password(TestUsers.REVIEWER))
                                                                .getBytes()))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(api.statusCode()).isIn(403, 404);
        assertThat(api.headers().firstValue("Content-Type").orElse("")).doesNotContain("text/html");
        assertThat(api.body()).doesNotContain("<html");
    }

    @Test
    void theDecisionFormFollowsTheEvidenceSaysWhatToPutRightAndConfirmsFirst() {
        long caseId = ReviewQueue.escalate(port, "review/tax-remission-cost-sharer.json");
        claimedBy(TestUsers.REVIEWER, caseId);
        Chromium.signIn(browser, port, TestUsers.REVIEWER);
        Chromium.open(browser, port, "/review/cases/" + caseId);

        // evidence first: the application and the engine's advice above the form
        int form = top(By.id("decision"));
        assertThat(top(By.id("input"))).isLessThan(form);
        assertThat(top(By.cssSelector(".decision"))).isLessThan(form);
        // no grey placeholder that looks filled in (the engine set no amounts for this case)
        assertThat(browser.findElement(By.id("amount-paymentCapacity")).getDomAttribute("placeholder"))
                .isNull();
        assertAccessibleAtBothWidths("the case page with the decision form");
        ((JavascriptExecutor) browser).executeScript("document.getElementById('decide').scrollIntoView()");
        screenshot("reviewer-decision-form");

        browser.findElement(By.id("outcome-PARTIALLY_GRANTED")).click();
        replace(browser.findElement(By.id("amount-paymentCapacity")), "");
        replace(browser.findElement(By.id("amount-remitted")), "");
        browser.findElement(By.id("motivation")).sendKeys("Te kort");
        browser.findElement(By.id("check-decision")).click();

        Chromium.waitFor(
                browser, page -> !page.findElements(By.id("error-summary")).isEmpty());
        WebElement summary = browser.findElement(By.id("error-summary"));
        assertThat(summary.getDomAttribute("role")).isEqualTo("alert");
        assertThat(browser.switchTo().activeElement().getDomAttribute("id")).isEqualTo("error-summary");
        List<WebElement> links = summary.findElements(By.tagName("a"));
        assertThat(links)
                .extracting(link -> link.getDomAttribute("href"))
                .containsExactly("#amount-paymentCapacity", "#motivation");
        assertThat(summary.getText())
                .contains("Kwijtgescholden bedrag (EUR)")
                .contains("Motivering")
                .doesNotContain("remitted")
                .doesNotContain("paymentCapacity");
        assertThat(browser.findElement(By.id("amount-paymentCapacity")).getDomAttribute("aria-invalid"))
                .isEqualTo("true");
        assertThat(browser.findElement(By.id("amount-paymentCapacity")).getDomAttribute("aria-describedby"))
                .contains("amount-paymentCapacity-error");
        assertThat(browser.findElement(By.id("motivation")).getDomAttribute("aria-describedby"))
                .isEqualTo("motivation-error");
        // every value is kept
        assertThat(browser.findElement(By.id("outcome-PARTIALLY_GRANTED")).isSelected())
                .isTrue();
        assertThat(browser.findElement(By.id("motivation")).getDomProperty("value"))
                .isEqualTo("Te kort");
        assertAccessibleAtBothWidths("the decision form with errors");
        screenshot("reviewer-form-errors");
        links.get(0).click();
        assertThat(browser.switchTo().activeElement().getDomAttribute("id")).isEqualTo("amount-paymentCapacity");

        replace(browser.findElement(By.id("amount-remitted")), "120,00");
        replace(browser.findElement(By.id("motivation")), MOTIVATION);
        browser.findElement(By.id("check-decision")).click();
        Chromium.waitFor(browser, page -> !page.findElements(By.id("confirm")).isEmpty());
        assertThat(browser.findElement(By.id("summary-outcome")).getText()).isEqualTo("Gedeeltelijk toegekend");
        assertThat(browser.findElement(By.id("summary-amount-remitted")).getText())
                .as("money as a reader writes it, not 120.00")
                .isEqualTo("€ 120,00");
        assertThat(browser.findElement(By.id("summary-motivation")).getText()).isEqualTo(MOTIVATION);
        assertThat(browser.findElement(By.id("back-to-form")).getText()).isEqualTo("Terug naar formulier");
        assertThat(browser.findElement(By.id("confirm")).getText()).isEqualTo("Bevestigen");
        assertAccessibleAtBothWidths("the confirmation");
        screenshot("reviewer-confirm");
        // switching language keeps the confirmation
        browser.findElement(By.linkText("English")).click();
        Chromium.waitFor(
                browser,
                page -> page.findElement(By.tagName("h1")).getText().equals("Check the decision - case " + caseId));
        assertThat(browser.findElement(By.id("summary-motivation")).getText()).isEqualTo(MOTIVATION);
        assertThat(browser.findElement(By.id("summary-amount-remitted")).getText())
                .isEqualTo("€120.00");
        browser.findElement(By.linkText("Nederlands")).click();
        Chromium.waitFor(
                browser, page -> !page.findElements(By.id("back-to-form")).isEmpty());

        // back to the form: everything as it was; nothing recorded yet
        browser.findElement(By.id("back-to-form")).click();
        Chromium.waitFor(browser, page -> page.getCurrentUrl().contains("/review/cases/" + caseId));
        assertThat(browser.findElement(By.id("amount-remitted")).getDomProperty("value"))
                .isEqualTo("120,00");
        assertThat(browser.findElement(By.id("motivation")).getDomProperty("value"))
                .isEqualTo(MOTIVATION);
        assertThat(browser.findElement(By.id("status")).getText()).isEqualTo("Bij een behandelaar");

        browser.findElement(By.id("check-decision")).click();
        Chromium.waitFor(browser, page -> !page.findElements(By.id("confirm")).isEmpty());
        browser.findElement(By.id("confirm")).click();
        Chromium.waitFor(browser, page -> !page.findElements(By.id("decided")).isEmpty());
        Chromium.open(browser, port, "/review/cases/" + caseId);
        assertThat(browser.findElement(By.id("status")).getText()).isEqualTo("Besloten");
    }

    @Test
    void theAmountsTheEngineComputedAreFilledInAsValues() {
        // a granted permit (fee 240.00), reopened on objection: the fee is in the form, as a value
        long caseId = ReviewQueue.escalate(port, "intake/parking-permit-zone-a.json");
        assertThat(new Http(port)
                        .as(TestUsers.REVIEWER)
                        .post(
                                "/api/cases/" + caseId + "/objection",
                                "application/json",
                                "{\"reason\": \"De aanvrager vindt de leges te hoog.\"}")
                        .statusCode())
                .isEqualTo(201);
        claimedBy(TestUsers.REVIEWER, caseId);
        Chromium.signIn(browser, port, TestUsers.REVIEWER);
        Chromium.open(browser, port, "/review/cases/" + caseId);
        WebElement fee = browser.findElement(By.id("amount-fee"));
        assertThat(fee.getDomProperty("value")).isEqualTo("240,00");
        assertThat(fee.getDomAttribute("placeholder")).isNull();
        Chromium.open(browser, port, "/review/cases/" + caseId + "?lang=en");
        assertThat(browser.findElement(By.id("amount-fee")).getDomProperty("value"))
                .isEqualTo("240.00");
        Chromium.open(browser, port, "/review/cases/" + caseId + "?lang=nl");
    }

    @Test
    void theQueueKeepsItsFiltersHasMyTasksNamesCasesAndClampsItsPages() {
        long mine = ReviewQueue.escalate(port, "review/tax-remission-cost-sharer.json");
        long other = ReviewQueue.escalate(port, "review/tax-remission-cost-sharer.json");
        long mineTask = ReviewQueue.openTaskOf(port, mine);
        long otherTask = ReviewQueue.openTaskOf(port, other);
        Chromium.signIn(browser, port, TestUsers.REVIEWER);
        Chromium.open(browser, port, "/review");
        new Select(browser.findElement(By.id("reason"))).selectByValue("COST_SHARER");
        Chromium.waitFor(browser, page -> page.getCurrentUrl().contains("reason=COST_SHARER"));
        Chromium.waitFor(
                browser, page -> !page.findElements(By.id("task-" + mineTask)).isEmpty());

        // another reviewer has the same queue open, and tries to claim the same case a moment later
        secondBrowser = Chromium.start();
        Chromium.signIn(secondBrowser, port, TestUsers.SECOND_REVIEWER);
        Chromium.open(secondBrowser, port, "/review?reason=COST_SHARER");
        browser.findElement(By.cssSelector("#task-" + mineTask + " button.claim"))
                .click();
        Chromium.waitFor(browser, page -> page.getCurrentUrl().endsWith("/review/cases/" + mine));
        assertThat(browser.findElement(By.id("notice")).getText()).contains("zaak " + mine);
        secondBrowser
                .findElement(By.cssSelector("#task-" + mineTask + " button.claim"))
                .click();
        Chromium.waitFor(
                secondBrowser, page -> !page.findElements(By.id("refused")).isEmpty());
        assertThat(secondBrowser.findElement(By.id("refused")).getText())
                .isEqualTo("Zaak " + mine + " is al opgepakt door reviewer.");
        assertThat(secondBrowser.getCurrentUrl()).contains("reason=COST_SHARER");

        // back to the queue from the case: filtered as before; "my tasks" holds the claimed case only
        browser.findElement(By.id("back-to-queue")).click();
        Chromium.waitFor(browser, page -> page.getCurrentUrl().contains("reason=COST_SHARER"));
        assertThat(new Select(browser.findElement(By.id("reason")))
                        .getFirstSelectedOption()
                        .getDomAttribute("value"))
                .isEqualTo("COST_SHARER");
        browser.findElement(By.id("view-mine")).click();
        Chromium.waitFor(browser, page -> page.getCurrentUrl().contains("view=mine"));
        assertThat(browser.findElements(By.id("task-" + mineTask))).hasSize(1);
        assertThat(browser.findElements(By.id("task-" + otherTask))).isEmpty();
        assertThat(browser.findElement(By.id("view-mine")).getDomAttribute("aria-current"))
                .isEqualTo("page");
        assertAccessibleAtBothWidths("my tasks");

        // the language switch keeps view and filters
        browser.findElement(By.linkText("English")).click();
        Chromium.waitFor(
                browser, page -> page.findElement(By.tagName("h1")).getText().equals("Work queue"));
        assertThat(browser.getCurrentUrl()).contains("reason=COST_SHARER").contains("view=mine");
        browser.findElement(By.linkText("Nederlands")).click();
        Chromium.waitFor(
                browser, page -> page.findElement(By.tagName("h1")).getText().equals("Werkvoorraad"));

        // releasing from the case page: back in the same queue, told which case
        Chromium.open(browser, port, "/review/cases/" + mine);
        browser.findElement(By.id("release")).click();
        Chromium.waitFor(browser, page -> !page.findElements(By.id("notice")).isEmpty());
        assertThat(browser.findElement(By.id("notice")).getText())
                .isEqualTo("U heeft zaak " + mine + " teruggegeven; een collega kan de zaak nu oppakken.");
        assertThat(browser.getCurrentUrl()).contains("reason=COST_SHARER").contains("view=mine");

        // a page past the last is the last page
        Chromium.open(browser, port, "/review?view=all&page=10000");
        String paging = browser.findElement(By.cssSelector("#queue p.muted")).getText();
        Matcher pages = Pattern.compile("Pagina (\\d+) van (\\d+)").matcher(paging);
        assertThat(pages.find()).as(paging).isTrue();
        assertThat(pages.group(1)).isEqualTo(pages.group(2));
        assertThat(browser.findElements(By.cssSelector("#queue tbody tr"))).isNotEmpty();
    }

    @Test
    void onAPhoneTheQueueFitsAndClaimAndSignOutAreWithinReach() {
        long caseId = ReviewQueue.escalate(port, "review/tax-remission-cost-sharer.json");
        long taskId = ReviewQueue.openTaskOf(port, caseId);
        Chromium.signIn(browser, port, TestUsers.REVIEWER);
        browser.manage().window().setSize(PHONE);
        Chromium.open(browser, port, "/review?view=all&reason=COST_SHARER");
        Chromium.waitFor(
                browser, page -> !page.findElements(By.id("task-" + taskId)).isEmpty());
        JavascriptExecutor page = (JavascriptExecutor) browser;
        long viewport = ((Number) page.executeScript("return document.documentElement.clientWidth")).longValue();
        long width = ((Number) page.executeScript("return document.documentElement.scrollWidth")).longValue();
        assertThat(width).as("no sideways scrolling at 390 px").isLessThanOrEqualTo(viewport);
        assertWithinViewport(browser.findElement(By.cssSelector("#task-" + taskId + " button.claim")), viewport);
        assertWithinViewport(browser.findElement(By.cssSelector("form[action$='/logout'] button")), viewport);
        screenshot("reviewer-queue-phone");
        Axe.assertNoWcag21AaViolations(browser, "the queue at 390 px");
    }

    @Test
    void aReviewerClaimsAndDecidesWithTheKeyboardAlone() {
        long caseId = ReviewQueue.escalate(port, "review/parking-permit-waiting-list.json");
        long taskId = ReviewQueue.openTaskOf(port, caseId);
        Chromium.signIn(browser, port, TestUsers.REVIEWER);
        Chromium.open(browser, port, "/review?view=all&reason=WAITING_LIST");
        Chromium.waitFor(
                browser, page -> !page.findElements(By.id("task-" + taskId)).isEmpty());

        tabTo(By.cssSelector("#task-" + taskId + " button.claim")).sendKeys(Keys.ENTER);
        Chromium.waitFor(browser, page -> page.getCurrentUrl().endsWith("/review/cases/" + caseId));
        // a radio button is chosen with the space bar, as everywhere
        tabTo(By.id("outcome-GRANTED")).sendKeys(Keys.SPACE);
        tabTo(By.id("motivation")).sendKeys("Er is een plek vrijgekomen in zone A; de vergunning wordt verleend.");
        tabTo(By.id("check-decision")).sendKeys(Keys.ENTER);
        Chromium.waitFor(browser, page -> !page.findElements(By.id("confirm")).isEmpty());
        assertThat(browser.findElement(By.id("summary-outcome")).getText()).isEqualTo("Toegekend");
        tabTo(By.id("confirm")).sendKeys(Keys.ENTER);
        Chromium.waitFor(browser, page -> !page.findElements(By.id("decided")).isEmpty());
        assertThat(browser.findElement(By.id("decided")).getText()).contains(Long.toString(caseId));
        assertThat(browser.findElements(By.id("task-" + taskId))).isEmpty();
    }

    /** Presses Tab until the element has the focus, and returns it (fails after 80 presses). */
    private WebElement tabTo(By target) {
        WebElement wanted = browser.findElement(target);
        for (int presses = 0; presses < 80; presses++) {
            WebElement focused = browser.switchTo().activeElement();
            if (focused.equals(wanted)) {
                return focused;
            }
            focused.sendKeys(Keys.TAB);
        }
        throw new AssertionError("Tab never reached " + target);
    }

    private void assertErrorPage(String title, String language) {
        WebElement main = browser.findElement(By.tagName("main"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo(title);
        assertThat(browser.getTitle()).startsWith(title);
        assertThat(browser.findElement(By.tagName("html")).getDomAttribute("lang"))
                .isEqualTo(language);
        assertThat(browser.findElements(By.tagName("header"))).hasSize(1);
        assertThat(main.findElements(By.cssSelector(".ways-back a"))).isNotEmpty();
        assertThat(browser.getPageSource()).doesNotContain("Whitelabel");
    }

    private void assertAccessibleAtBothWidths(String what) {
        browser.manage().window().setSize(DESKTOP);
        Axe.assertNoWcag21AaViolations(browser, what + " at 1366 px");
        browser.manage().window().setSize(PHONE);
        Axe.assertNoWcag21AaViolations(browser, what + " at 390 px");
        browser.manage().window().setSize(DESKTOP);
    }

    private static void assertWithinViewport(WebElement element, long viewport) {
        assertThat(element.getRect().getX()).isGreaterThanOrEqualTo(0);
        assertThat(element.getRect().getX() + element.getRect().getWidth()).isLessThanOrEqualTo((int) viewport);
    }

    private int top(By element) {
        return browser.findElement(element).getRect().getY();
    }

    private static void replace(WebElement field, String value) {
        field.clear();
        field.sendKeys(value);
    }

    private long claimedBy(String reviewer, long caseId) {
        long taskId = ReviewQueue.openTaskOf(port, caseId);
        new Http(port).as(reviewer).post("/api/review/tasks/" + taskId + "/claim", "application/json", "");
        return taskId;
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    private void screenshot(String name) {
        Chromium.screenshot(browser, name);
    }
}
