package nl.beslisstraat.engine.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import nl.beslisstraat.engine.regulation.DecisionDeadline;
import nl.beslisstraat.engine.support.Axe;
import nl.beslisstraat.engine.support.BrowserIntegrationTest;
import nl.beslisstraat.engine.support.Chromium;
import nl.beslisstraat.engine.support.ReviewQueue;
import nl.beslisstraat.engine.support.TestUsers;
import nl.beslisstraat.engine.tenancy.Municipality;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * An auditor searches the audit trail in a real browser (Debian's Chromium, headless) and opens a
 * case read only; every page state is checked with axe-core against WCAG 2.1 AA.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AuditorBrowserTests extends BrowserIntegrationTest {

    @Autowired
    AuditLog auditLog;

    @Autowired
    ChainVerifications verifications;

    @Test
    void anAuditorSearchesTheTrailByPersonAndSeesTheChainsVerification() {
        // given
        auditLog.appendAll(List.of(new AuditEntry(
                "reviewer-browser", "CASE_DECIDED_BY_REVIEWER", "case", "424242", "{\"outcome\":\"GRANTED\"}")));
        verifications.verifyAll(Municipality.DEFAULT, List.of());
        Chromium.signIn(browser, port, TestUsers.AUDITOR);
        Chromium.open(browser, port, "/audit");
        // intact or not depends on what other tests planted in this municipality: the page says when
        assertThat(browser.findElement(By.id("chain")).getText())
                .as("when it was checked, in words and Dutch time, not 30-11-2026 14:03")
                .containsPattern("gecontroleerd [0-9]{1,2} [a-z]+ 20[0-9]{2} [0-9]{2}:[0-9]{2}\\)");
        Axe.assertAccessible(browser, "the audit trail");

        // the auditor verifies the chains again, from the page, and reads the new result there
        java.time.Instant before =
                verifications.last(Municipality.DEFAULT).orElseThrow().verifiedAt();
        browser.findElement(By.cssSelector("#verify-now button")).click();
        Chromium.waitFor(browser, page -> page.getCurrentUrl().endsWith("/audit#chain"));
        assertThat(browser.findElement(By.id("chain")).getText()).contains("gecontroleerd");
        assertThat(verifications.last(Municipality.DEFAULT).orElseThrow().verifiedAt())
                .isAfter(before);

        // when
        WebElement actor = browser.findElement(By.id("actor"));
        actor.sendKeys("reviewer-browser");
        browser.findElement(By.id("search")).click();

        // then
        Chromium.waitFor(browser, page -> page.getCurrentUrl().contains("actor=reviewer-browser"));
        String entries = browser.findElement(By.id("entries")).getText();
        assertThat(entries)
                .as("events and details in words; the codes are the tooltips")
                .contains("Besloten door behandelaar")
                .contains("Uitkomst")
                .contains("Toegekend")
                .contains("424242")
                .doesNotContain("CASE_DECIDED_BY_REVIEWER")
                .doesNotContain("GRANTED")
                .doesNotContain("{");
        assertThat(browser.findElements(By.cssSelector("#entries td[title='CASE_DECIDED_BY_REVIEWER']")))
                .isNotEmpty();
        Chromium.screenshot(browser, "audit-search");
        Axe.assertAccessible(browser, "audit entries of one person");
    }

    @Test
    void anAuditorOpensACaseFromTheDashboardAndFromTheSearchAndReadsItsHistory() {
        // given a case the engine sent to review
        long caseId = ReviewQueue.escalate(port, "review/parking-permit-waiting-list.json");
        Chromium.signIn(browser, port, TestUsers.AUDITOR);

        // when the auditor follows the queue figure on the dashboard
        Chromium.open(browser, port, "/dashboard");
        LocalDate today = LocalDate.now(DecisionDeadline.NETHERLANDS);
        assertThat(browser.findElement(By.id("overdue-link")).getAttribute("href"))
                .endsWith("/audit/queue?dueBy=" + today.minusDays(1));
        assertThat(browser.findElement(By.id("due-soon-link")).getAttribute("href"))
                .contains("/audit/queue?dueBy=");
        // the chart says in text what it shows: a caption, a titled image and the figures as a table
        WebElement chart = browser.findElement(By.id("chart-PARKING_PERMIT"));
        assertThat(chart.getTagName()).isEqualTo("figure");
        assertThat(chart.findElement(By.tagName("figcaption")).getText())
                .contains("Bewonersparkeervergunning")
                .doesNotContain("PARKING_PERMIT");
        WebElement svg = chart.findElement(By.tagName("svg"));
        assertThat(svg.getAttribute("role")).isEqualTo("img");
        assertThat(svg.getAttribute("aria-label")).contains("Automatiseringsgraad van Bewonersparkeervergunning");
        assertThat(svg.getText())
                .as("the bars' days as a short date in words, not 01-12")
                .contains(today.format(java.time.format.DateTimeFormatter.ofPattern(
                        "d MMM", java.util.Locale.forLanguageTag("nl-NL"))));
        chart.findElement(By.tagName("summary")).click();
        assertThat(chart.findElement(By.cssSelector("details table")).getText())
                .contains("Beslist")
                .contains(today.format(java.time.format.DateTimeFormatter.ofPattern(
                        "d MMMM yyyy", java.util.Locale.forLanguageTag("nl"))));
        Chromium.screenshot(browser, "dashboard-auditor");
        Axe.assertAccessible(browser, "the auditor's dashboard");
        browser.findElement(By.id("queue-link")).click();

        // then the open tasks, read only, and the case with its history
        Chromium.waitFor(browser, page -> page.getCurrentUrl().contains("/audit/queue"));
        assertThat(browser.findElements(By.cssSelector("#queue form, #queue button")))
                .as("nothing on the auditor's list changes anything")
                .isEmpty();
        Axe.assertAccessible(browser, "the auditor's list of open tasks");
        // (other tests' open tasks may come first: the list pages on, oldest deadline first)
        By theCase = By.cssSelector("#queue a[href$='/audit/cases/" + caseId + "']");
        for (int page = 1; browser.findElements(theCase).isEmpty() && page <= 100; page++) {
            String shown = "page=" + page;
            browser.findElement(By.cssSelector("a[rel='next']")).click();
            Chromium.waitFor(browser, next -> next.getCurrentUrl().endsWith(shown));
        }
        browser.findElement(theCase).click();
        Chromium.waitFor(browser, page -> page.getCurrentUrl().endsWith("/audit/cases/" + caseId));
        assertThat(browser.findElements(By.cssSelector("#history tr td"))).isNotEmpty();
        assertThat(browser.findElement(By.tagName("h1")).getText()).contains(Long.toString(caseId));
        Axe.assertAccessible(browser, "a case read only");

        // and from the search on the case number
        Chromium.open(browser, port, "/audit");
        browser.findElement(By.id("case")).sendKeys(Long.toString(caseId));
        browser.findElement(By.id("search")).click();
        Chromium.waitFor(browser, page -> !page.findElements(By.id("open-case")).isEmpty());
        assertThat(browser.findElement(By.id("entries")).getText()).contains(Long.toString(caseId));
        browser.findElement(By.cssSelector("#open-case a")).click();
        Chromium.waitFor(browser, page -> page.getCurrentUrl().endsWith("/audit/cases/" + caseId));
        assertThat(browser.findElements(By.cssSelector("#history tr td"))).isNotEmpty();
    }
}
