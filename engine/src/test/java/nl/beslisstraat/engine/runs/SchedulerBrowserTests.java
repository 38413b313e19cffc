package nl.beslisstraat.engine.runs;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import nl.beslisstraat.engine.support.Axe;
import nl.beslisstraat.engine.support.BrowserIntegrationTest;
import nl.beslisstraat.engine.support.Chromium;
import nl.beslisstraat.engine.support.TestUsers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * A scheduler plans and watches the night in a real browser (Debian's Chromium, headless): sets the
 * schedule with the form and sees the next five starts, starts a run through the confirmation step
 * and sees the request wait, and watches a run whose rows are written as the batch processes write
 * them, the numbers changing without a reload while the run runs. Every page state passes axe-core
 * (WCAG 2.1 AA) and reflows at 390 pixels wide.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SchedulerBrowserTests extends BrowserIntegrationTest {

    private final BatchRows batch = new BatchRows();

    @BeforeEach
    void start() {
        batch.owner.update("delete from nightly_schedules");
        batch.owner.update("delete from run_requests");
        batch.owner.update("update batch_processes set ended_at = now() where ended_at is null");
    }

    @Test
    void aSchedulerSetsTheScheduleAndStartsARunAfterConfirming() {
        // given
        Chromium.signIn(browser, port, TestUsers.SCHEDULER);
        Chromium.open(browser, port, "/dashboard");
        browser.findElement(By.id("to-runs")).click();
        Chromium.waitFor(browser, page -> page.getCurrentUrl().endsWith("/runs"));
        assertThat(browser.findElement(By.id("no-manager")).getText()).contains("Er draait geen beheerproces");
        assertThat(browser.findElement(By.id("no-schedule")).getText()).contains("Geen schema ingesteld");
        Axe.assertAccessible(browser, "the runs without a schedule");

        // when the schedule is set with the form: 01:00 on working days
        browser.findElement(By.id("open-schedule")).click();
        Chromium.waitFor(browser, page -> page.getCurrentUrl().endsWith("/runs/schedule"));
        Axe.assertAccessible(browser, "the schedule form");
        ((JavascriptExecutor) browser)
                .executeScript("arguments[0].value = '01:00'", browser.findElement(By.id("time")));
        browser.findElement(By.id("days-working")).click();
        browser.findElement(By.id("save-schedule")).click();

        // then
        Chromium.waitFor(
                browser, page -> page.findElements(By.id("current-cron")).size() == 1);
        assertThat(browser.findElement(By.id("current-cron")).getText()).isEqualTo("0 0 1 * * MON-FRI");
        assertThat(browser.findElement(By.id("current-words")).getText())
                .isEqualTo("Werkdagen (maandag tot en met vrijdag) om 01:00.");
        assertThat(browser.findElements(By.cssSelector("#planned-starts li")))
                .hasSize(5)
                .allSatisfy(start -> assertThat(start.getText()).endsWith("01:00"))
                .allSatisfy(start -> assertThat(start.getText())
                        .as("a weekday and a date in words, not 30-11-2026")
                        .matches("(maandag|dinsdag|woensdag|donderdag|vrijdag) [0-9]{1,2} [a-z]+ 20[0-9]{2} 01:00"));
        Chromium.screenshot(browser, "runs-schedule");
        Axe.assertAccessible(browser, "the schedule with its next five starts");
        Chromium.open(browser, port, "/runs/schedule?lang=en");
        assertThat(browser.findElements(By.cssSelector("#planned-starts li")))
                .allSatisfy(start -> assertThat(start.getText())
                        .matches("(Monday|Tuesday|Wednesday|Thursday|Friday) [0-9]{1,2} [A-Z][a-z]+ 20[0-9]{2} 01:00"));
        Chromium.open(browser, port, "/runs/schedule?lang=nl");

        // and a wrong expression is refused, naming the field
        browser.findElement(By.id("days-advanced")).click();
        WebElement cron = browser.findElement(By.id("cron"));
        cron.clear();
        cron.sendKeys("0 0 99 * * *");
        browser.findElement(By.id("save-schedule")).click();
        Chromium.waitFor(browser, page -> page.findElements(By.id("cron-error")).size() == 1);
        assertThat(browser.findElement(By.id("cron-error")).getText()).startsWith("Cron-expressie");
        assertThat(browser.findElement(By.id("current-cron")).getText()).isEqualTo("0 0 1 * * MON-FRI");
        Axe.assertAccessible(browser, "a refused expression");
        // on the English page the refusal is in English, naming the field
        Chromium.open(browser, port, "/runs/schedule?lang=en");
        browser.findElement(By.id("days-advanced")).click();
        WebElement english = browser.findElement(By.id("cron"));
        english.clear();
        english.sendKeys("0 0 99 * * *");
        browser.findElement(By.id("save-schedule")).click();
        Chromium.waitFor(browser, page -> page.findElements(By.id("cron-error")).size() == 1);
        assertThat(browser.findElement(By.id("cron-error")).getText())
                .startsWith("Cron expression: the hour field ('99') has no valid value; allowed: 0-23")
                .doesNotContain("geen geldige", "HourOfDay");
        Axe.assertAccessible(browser, "a refused expression in English");
        Chromium.open(browser, port, "/runs/schedule?lang=nl");

        // when a run is started for today, confirmed on a second step
        String today = LocalDate.now(PlannedStarts.AMSTERDAM).toString();
        Chromium.open(browser, port, "/runs/start");
        Axe.assertAccessible(browser, "the start form");
        browser.findElement(By.id("next")).click();
        Chromium.waitFor(
                browser, page -> page.findElements(By.id("confirm-question")).size() == 1);
        assertThat(browser.findElement(By.id("confirm-question")).getText())
                .as("the date in words, not as 2026-11-30")
                .isEqualTo("Run voor "
                        + LocalDate.parse(today)
                                .format(java.time.format.DateTimeFormatter.ofPattern(
                                        "d MMMM yyyy", java.util.Locale.forLanguageTag("nl")))
                        + " starten");
        Axe.assertAccessible(browser, "the confirmation");
        browser.findElement(By.id("confirm")).click();

        // then the request waits for a manager
        Chromium.waitFor(browser, page -> page.findElements(By.id("message")).size() == 1);
        assertThat(browser.findElement(By.id("requests")).getText())
                .contains("Run starten")
                .contains("Wacht op een beheerproces");
        assertThat(batch.owner.queryForObject(
                        "select count(*) from run_requests where action = 'START' and run_date = ?::date",
                        Long.class,
                        today))
                .isEqualTo(1);
        Chromium.screenshot(browser, "runs-requested");
        Axe.assertAccessible(browser, "the runs with a waiting request");
    }

    @Test
    void aSchedulerWatchesTheProgressOfARunWithoutReloading() {
        // given a run that the batch processes are working on
        String manager = batch.process("MANAGER", true);
        String worker = batch.process("WORKER", true);
        long run = batch.run(LocalDate.now(PlannedStarts.AMSTERDAM), "0344", "STARTED", 40L);
        long execution = batch.execution(run, "STARTED", manager);
        batch.partition(execution, "0344-slice-0", "STARTED", 5, worker, "");
        batch.progress(run, "0344", "0344-slice-0", "PARKING_PERMIT", "GRANTED", 5);
        Chromium.signIn(browser, port, TestUsers.SCHEDULER);

        // when
        Chromium.open(browser, port, "/runs/" + run);

        // then
        assertThat(browser.findElement(By.id("decided")).getText()).isEqualTo("5");
        assertThat(browser.findElement(By.id("progress-bar")).getDomAttribute("aria-valuenow"))
                .isEqualTo("5");
        assertThat(browser.findElement(By.id("partitions")).getText())
                .contains("0344-slice-0")
                .contains("batch-host")
                .contains("leeft");
        assertThat(browser.findElements(By.id("stop"))).hasSize(1);
        Axe.assertAccessible(browser, "a running run");

        // when the workers decide more cases, the page shows them by itself
        batch.progress(run, "0344", "0344-slice-0", "PARKING_PERMIT", "REJECTED", 7);
        Chromium.waitFor(
                browser, page -> page.findElement(By.id("decided")).getText().equals("12"));
        // and a screen reader hears it, without the whole section read out again
        Chromium.waitFor(browser, page -> announced(page).equals("Loopt, 30% beslist"));
        assertThat(browser.findElement(By.id("counts")).getText())
                .contains("Afgewezen", "Bewonersparkeervergunning")
                .doesNotContain("PARKING_PERMIT");
        Chromium.screenshot(browser, "runs-progress");

        // and once the run is done, the page stops asking
        batch.owner.update("update batch_job_execution set status = 'COMPLETED' where job_execution_id = ?", execution);
        batch.finished(run, "COMPLETED", null, null, null);
        Chromium.waitFor(
                browser, page -> page.findElement(By.id("run-status")).getText().equals("Voltooid"));
        assertThat(browser.findElement(By.id("progress")).getDomAttribute("hx-trigger"))
                .isNull();
        // the live region is emptied and then filled 100 ms later, so that it is read out again
        Chromium.waitFor(browser, page -> announced(page).startsWith("Voltooid"));
        Axe.assertAccessible(browser, "a completed run");
    }

    @Test
    void anAuditorSeesTheHistoryWithoutFormsOrButtons() {
        long run = batch.run(LocalDate.of(2026, 6, 2), "0344", "STARTED", null);
        batch.execution(run, "FAILED", batch.process("MANAGER", false));
        batch.finished(run, "FAILED", null, "MANAGER_DIED", "manager-7");
        Chromium.signIn(browser, port, TestUsers.AUDITOR);

        Chromium.open(browser, port, "/runs");
        assertThat(browser.findElement(By.id("run-" + run)).getText())
                .contains("2 juni 2026")
                .contains("Mislukt")
                .contains("Beheerproces manager-7 gaf geen teken van leven meer");
        assertThat(browser.findElements(By.id("start-run"))).isEmpty();
        Axe.assertAccessible(browser, "the history for an auditor");

        Chromium.open(browser, port, "/runs/" + run);
        assertThat(browser.findElement(By.tagName("h1")).getText()).endsWith("2 juni 2026");
        assertThat(browser.findElements(By.id("restart"))).isEmpty();
        Axe.assertAccessible(browser, "a failed run for an auditor");

        // a request a manager carried out shows its outcome in words, in Dutch and in English
        batch.owner.update(
                "insert into run_requests (municipality, action, run_id, requested_by, taken_by, taken_at, done_at,"
                        + " succeeded, outcome) values ('0344', 'RESTART', ?, 'scheduler', 'manager-8', now(), now(),"
                        + " true, 'RESTARTED')",
                run);
        Chromium.open(browser, port, "/runs");
        assertThat(browser.findElement(By.id("requests")).getText()).contains("Opnieuw gestart");
        Chromium.open(browser, port, "/runs?lang=en");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Nightly runs");
        assertThat(browser.findElement(By.id("no-manager")).getText()).startsWith("No manager process is running");
        assertThat(browser.findElement(By.id("run-" + run)).getText())
                .contains("2 June 2026")
                .contains("Manager process manager-7 stopped giving signs of life");
        Axe.assertAccessible(browser, "the history in English");
    }

    /** What the page's live region (role=status) last said. */
    private static String announced(WebDriver page) {
        return page.findElement(By.id("announcer")).getDomProperty("textContent");
    }
}
