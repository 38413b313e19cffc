package nl.beslisstraat.batch.manager;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import nl.beslisstraat.batch.demo.DemoSeeder;
import nl.beslisstraat.batch.packaged.EngineProcess;
import nl.beslisstraat.engine.support.Axe;
import nl.beslisstraat.engine.support.Chromium;
import nl.beslisstraat.engine.support.DatabaseIntegrationTest;
import nl.beslisstraat.engine.support.TestDatabase;
import nl.beslisstraat.engine.support.TestUsers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A scheduler's night, end to end with real parts: the engine (web pages) runs from its own jar in
 * a process of its own, as in production; this JVM is the manager, deciding with the real rules on
 * the real PostgreSQL; a real browser (Debian's Chromium) does what a scheduler does. She sets the
 * schedule, starts a run for a past date after confirming, watches it decide without reloading,
 * stops it, restarts it, and reads the summary in the history. The database then shows every case
 * decided once. Screenshots for docs/operations.md ({@code -Dscreenshots=docs}).
 */
@SpringBootTest(properties = {"beslisstraat.command-line.enabled=false", "beslisstraat.nightly.chunk-size=100"})
class SchedulersNightBrowserTests extends DatabaseIntegrationTest {

    private static final int CASES = 100_000;

    @Autowired
    Manager manager;

    @Autowired
    DemoSeeder demo;

    @Autowired
    JdbcTemplate jdbc;

    private EngineProcess engine;
    private int port;
    private Thread managing;
    private WebDriver browser;

    @BeforeEach
    void start() throws Exception {
        assumeTrue(
                Chromium.installed(),
                "Debian's chromium and chromium-driver are needed (apt-get install chromium chromium-driver); .ci/run installs them");
        asOwner("nightly/clean.sql");
        // the night must still run when she presses "stop", on however fast a machine
        asOwner("nightly/brake.sql");
        // the engine from its own jar, as in production; C1 only, as it starts faster
        engine = EngineProcess.start("schedulers-night", "-XX:TieredStopAtLevel=1", "-Xmx512m");
        port = engine.port();
        managing = new Thread(
                () -> {
                    try {
                        manager.serveUntilShutdown();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                },
                "manager");
        managing.start();
        browser = Chromium.start();
    }

    @AfterEach
    void stop() throws Exception {
        if (browser != null) {
            browser.quit();
        }
        if (managing != null) {
            manager.destroy();
            managing.join(30_000);
        }
        if (engine != null) {
            engine.close();
        }
        asOwner("nightly/release-brake.sql");
    }

    private static void asOwner(String script) throws java.io.IOException {
        new JdbcTemplate(TestDatabase.owner())
                .execute(new ClassPathResource(script).getContentAsString(StandardCharsets.UTF_8));
    }

    @Test
    void aSchedulerPlansStartsWatchesStopsAndRestartsANight() throws Exception {
        // given: a full queue, and a scheduler signed in to the console
        demo.seed(CASES);
        LocalDate pastNight = LocalDate.of(2026, 11, 20);
        Chromium.signIn(browser, port, TestUsers.SCHEDULER);
        browser.get(url("/runs"));
        assertThat(browser.findElements(By.id("no-manager")))
                .as("the manager is alive")
                .isEmpty();

        // when: she plans tonight's run, at 01:00 on working days
        browser.findElement(By.id("open-schedule")).click();
        Chromium.waitFor(browser, page -> page.getCurrentUrl().endsWith("/runs/schedule"));
        ((JavascriptExecutor) browser)
                .executeScript("arguments[0].value = '01:00'", browser.findElement(By.id("time")));
        browser.findElement(By.id("days-working")).click();
        browser.findElement(By.id("save-schedule")).click();
        Chromium.waitFor(
                browser, page -> page.findElements(By.id("current-cron")).size() == 1);

        // then: the next five starts are at 01:00, Dutch time
        assertThat(browser.findElement(By.id("current-cron")).getText()).isEqualTo("0 0 1 * * MON-FRI");
        assertThat(browser.findElements(By.cssSelector("#planned-starts li")))
                .hasSize(5)
                .allSatisfy(start -> assertThat(start.getText()).endsWith("01:00"));
        Chromium.screenshot(browser, "runs-schedule");

        // when: she starts an extra run for a past date, and confirms
        browser.get(url("/runs/start"));
        ((JavascriptExecutor) browser)
                .executeScript(
                        "arguments[0].value = arguments[1]",
                        browser.findElement(By.id("runDate")),
                        pastNight.toString());
        browser.findElement(By.id("next")).click();
        Chromium.waitFor(
                browser, page -> page.findElements(By.id("confirm-question")).size() == 1);
        assertThat(browser.findElement(By.id("confirm-question")).getText())
                .contains(pastNight.format(java.time.format.DateTimeFormatter.ofPattern(
                        "d MMMM yyyy", java.util.Locale.forLanguageTag("nl"))));
        Chromium.screenshot(browser, "runs-start-confirm");
        browser.findElement(By.id("confirm")).click();

        // then: the manager starts it, and she opens it from the history
        long runId = awaitRunOf(pastNight);
        browser.get(url("/runs"));
        Chromium.waitFor(
                browser, page -> page.findElements(By.id("run-" + runId)).size() == 1);
        browser.findElement(By.cssSelector("#run-" + runId + " a")).click();
        Chromium.waitFor(browser, page -> page.getCurrentUrl().endsWith("/runs/" + runId));

        // and watches it decide, without reloading
        long first = awaitDecidedOnPage(1);
        long later = awaitDecidedOnPage(first + 1);
        assertThat(later).isGreaterThan(first);
        Chromium.waitFor(
                browser, page -> page.findElement(By.id("partitions")).getText().contains("0344-slice-0"));
        Chromium.screenshot(browser, "runs-progress");
        Axe.assertAccessible(browser, "a run deciding");

        // when: she stops it
        click("stop");

        // then: it ends STOPPED between chunks, and offers to restart
        Chromium.waitFor(
                browser, page -> page.findElement(By.id("run-status")).getText().equals("Gestopt"));
        Chromium.waitFor(browser, page -> page.findElements(By.id("restart")).size() == 1);
        long queuedWhenStopped = count("select count(*) from cases where status = 'QUEUED'");
        assertThat(queuedWhenStopped).as("stopped before the end").isPositive();
        assertThat(count("select count(*) from decisions where automated") + queuedWhenStopped)
                .as("every case decided or queued, none half")
                .isEqualTo(CASES);
        Chromium.screenshot(browser, "runs-stopped");

        // when: she restarts it
        click("restart");

        // then: it finishes, and the page says so by itself
        Chromium.waitFor(
                Duration.ofMinutes(3),
                browser,
                page -> page.findElement(By.id("run-status")).getText().equals("Voltooid"));

        // and the history shows its summary
        browser.get(url("/runs"));
        String row = browser.findElement(By.id("run-" + runId)).getText();
        assertThat(row).contains("Voltooid").contains(TestUsers.SCHEDULER);
        Chromium.screenshot(browser, "runs-history");
        Axe.assertAccessible(browser, "the history after the night");

        // and every case was decided exactly once
        assertThat(count("select count(*) from cases where status = 'QUEUED'")).isZero();
        assertThat(count("select count(*) from decisions where automated")).isEqualTo(CASES);
        assertThat(count("select count(distinct case_id) from decisions")).isEqualTo(CASES);
        assertThat(jdbc.queryForList(
                        "select trigger || ' ' || triggered_by from run_executions where run_id = ?"
                                + " order by job_execution_id",
                        String.class,
                        runId))
                .containsExactly("PERSON " + TestUsers.SCHEDULER, "PERSON " + TestUsers.SCHEDULER);
    }

    /** Clicks a button of the part of the page that is replaced every 2 s while the run runs. */
    private void click(String button) {
        Chromium.waitFor(browser, page -> {
            page.findElement(By.id(button)).click();
            return true;
        });
    }

    private long awaitRunOf(LocalDate night) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (true) {
            List<Long> runs = jdbc.queryForList(
                    "select run_id from nightly_runs where run_date = ? and municipality = '0344'", Long.class, night);
            if (!runs.isEmpty()) {
                return runs.get(0);
            }
            assertThat(System.nanoTime())
                    .as("the manager did not start the run")
                    .isLessThan(deadline);
            Thread.sleep(100);
        }
    }

    private long awaitDecidedOnPage(long atLeast) {
        long[] seen = {0};
        Chromium.waitFor(browser, page -> {
            seen[0] =
                    Long.parseLong(page.findElement(By.id("decided")).getText().replaceAll("[^0-9]", ""));
            return seen[0] >= atLeast;
        });
        return seen[0];
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    private long count(String sql) {
        return jdbc.queryForObject(sql, Long.class);
    }
}
