package nl.beslisstraat.engine.workbench;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import nl.beslisstraat.engine.regulation.DecisionDeadline;
import nl.beslisstraat.engine.support.Axe;
import nl.beslisstraat.engine.support.BrowserIntegrationTest;
import nl.beslisstraat.engine.support.Chromium;
import nl.beslisstraat.engine.support.ReviewQueue;
import nl.beslisstraat.engine.support.TestUsers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The dashboard's figures open the list behind them, for each role the list it may see: a reviewer
 * the review queue filtered on the deadline, a scheduler the nightly runs (the queue is not theirs
 * to see, so their queue figures stay figures). The auditor's way is in AuditorBrowserTests.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DashboardBrowserTests extends BrowserIntegrationTest {

    @BeforeEach
    void start() {
        ReviewQueue.escalate(port, "review/parking-permit-waiting-list.json");
    }

    @Test
    void aReviewersFiguresOpenTheQueueFilteredOnTheDeadline() {
        Chromium.signIn(browser, port, TestUsers.REVIEWER);
        Chromium.open(browser, port, "/dashboard");
        LocalDate today = LocalDate.now(DecisionDeadline.NETHERLANDS);
        assertThat(browser.findElement(By.id("overdue-link")).getAttribute("href"))
                .endsWith("/review?dueBy=" + today.minusDays(1));
        assertThat(browser.findElement(By.id("due-soon-link")).getText())
                .contains("Toon de taken met termijn tot en met");
        String dayInWords = "[0-9]{1,2} [a-z]+ 20[0-9]{2}";
        assertThat(browser.findElement(By.id("overdue-link")).getText())
                .as("the deadline in words, not 30-11-2026")
                .containsPattern("tot en met " + dayInWords)
                .contains(today.minusDays(1)
                        .format(java.time.format.DateTimeFormatter.ofPattern(
                                "d MMMM yyyy", java.util.Locale.forLanguageTag("nl"))));
        Axe.assertAccessible(browser, "the reviewer's dashboard");

        browser.findElement(By.id("queue-link")).click();
        Chromium.waitFor(browser, page -> page.getCurrentUrl().endsWith("/review"));
        assertThat(browser.findElements(By.cssSelector("#queue tbody tr"))).isNotEmpty();

        Chromium.open(browser, port, "/dashboard");
        browser.findElement(By.id("overdue-link")).click();
        Chromium.waitFor(browser, page -> page.getCurrentUrl().contains("/review?dueBy="));
        assertThat(browser.findElement(By.id("dueBy")).getAttribute("value"))
                .isEqualTo(today.minusDays(1).toString());
    }

    @Test
    void aSchedulersRunFigureOpensTheRunsAndTheQueueFiguresStayFigures() {
        Chromium.signIn(browser, port, TestUsers.SCHEDULER);
        Chromium.open(browser, port, "/dashboard");
        assertThat(browser.findElements(By.id("queue-link")))
                .as("the review queue is not the scheduler's to open")
                .isEmpty();
        assertThat(browser.findElement(By.id("queue-size")).getText()).matches("\\d+");
        assertThat(browser.findElement(By.id("last-run")).getText())
                .as("the last run's date in words, or none")
                .matches("[0-9]{1,2} [a-z]+ 20[0-9]{2}|Nog geen nachtelijke run");
        Axe.assertAccessible(browser, "the scheduler's dashboard");

        browser.findElement(By.cssSelector("#last-run-link, #runs-link")).click();
        Chromium.waitFor(browser, page -> page.getCurrentUrl().contains("/runs"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isNotBlank();
    }
}
