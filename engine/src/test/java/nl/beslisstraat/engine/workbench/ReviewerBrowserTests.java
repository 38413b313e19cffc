package nl.beslisstraat.engine.workbench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import nl.beslisstraat.engine.support.DatabaseIntegrationTest;
import nl.beslisstraat.engine.support.Http;
import nl.beslisstraat.engine.support.TestUsers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
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

    private static final File CHROMIUM = new File("/usr/bin/chromium");
    private static final File CHROMEDRIVER = new File("/usr/bin/chromedriver");

    @LocalServerPort
    int port;

    private WebDriver browser;
    private WebDriver secondBrowser;
    private final JsonMapper json = JsonMapper.builder().build();

    @BeforeEach
    void start() {
        assumeTrue(
                CHROMIUM.canExecute() && CHROMEDRIVER.canExecute(),
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

        signIn(browser, TestUsers.REVIEWER);
        assertThat(browser.getCurrentUrl()).endsWith("/review");
        new Select(browser.findElement(By.id("reason"))).selectByValue("WAITING_LIST");
        waitFor(browser).until(page -> page.getCurrentUrl().contains("reason=WAITING_LIST"));
        waitFor(browser)
                .until(page -> !page.findElements(By.id("task-" + taskId)).isEmpty());
        screenshot(browser, "reviewer-queue");

        browser.findElement(By.cssSelector("#task-" + taskId + " button.claim")).click();
        waitFor(browser).until(page -> page.getCurrentUrl().endsWith("/review/cases/" + caseId));
        String casePage = browser.findElement(By.tagName("main")).getText();
        assertThat(casePage)
                .contains("WAITING_LIST")
                .contains("Op uw adres zijn al 1 bewonersvergunning(en) uitgegeven");
        assertThat(casePage).contains("PARKING_PERMIT/2026.1");
        screenshot(browser, "reviewer-case");

        secondBrowser = chromium();
        signIn(secondBrowser, TestUsers.SECOND_REVIEWER);
        secondBrowser.get(url("/review/cases/" + caseId));
        assertThat(secondBrowser.findElement(By.tagName("main")).getText()).contains("in behandeling bij reviewer");
        assertThat(secondBrowser.findElements(By.id("claim"))).isEmpty();
        assertThat(secondBrowser.findElements(By.id("record-decision"))).isEmpty();

        browser.findElement(By.id("outcome-GRANTED")).click();
        browser.findElement(By.id("motivation"))
                .sendKeys("Er is een plek vrijgekomen in zone A; de vergunning wordt verleend.");
        browser.findElement(By.id("record-decision")).click();

        waitFor(browser).until(page -> page.getCurrentUrl().contains("/review"));
        assertThat(browser.findElement(By.id("decided")).getText()).contains(Long.toString(caseId));
        assertThat(browser.findElements(By.id("task-" + taskId))).isEmpty();
        browser.get(url("/review/cases/" + caseId));
        assertThat(browser.findElement(By.id("status")).getText()).isEqualTo("DECIDED");
        assertThat(browser.findElement(By.id("history")).getText())
                .contains("CASE_DECIDED_BY_REVIEWER")
                .contains("reviewer");
        screenshot(browser, "reviewer-decided");

        signIn(secondBrowser, TestUsers.AUDITOR);
        secondBrowser.get(url("/dashboard?lang=en"));
        assertThat(secondBrowser.findElement(By.tagName("h1")).getText()).isEqualTo("Overview");
        screenshot(secondBrowser, "dashboard");
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
        page.manage().deleteAllCookies();
        page.get(url("/login"));
        page.findElement(By.id("username")).sendKeys(user);
        page.findElement(By.id("password")).sendKeys(TestUsers.password(user));
        page.findElement(By.id("sign-in")).click();
        waitFor(page).until(current -> !current.getCurrentUrl().contains("/login"));
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    private static WebDriverWait waitFor(WebDriver page) {
        return new WebDriverWait(page, Duration.ofSeconds(10));
    }

    private static WebDriver chromium() {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
                "--window-size=1400,1000",
                "--lang=nl-NL",
                "--user-data-dir=" + tempDir());
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER)
                .build();
        return new ChromeDriver(service, options);
    }

    private static String tempDir() {
        try {
            return Files.createTempDirectory("chromium-profile").toString();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void screenshot(WebDriver page, String name) throws IOException {
        File shot = ((TakesScreenshot) page).getScreenshotAs(OutputType.FILE);
        Path target = Files.createDirectories(Path.of("target", "screenshots")).resolve(name + ".png");
        Files.copy(shot.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
        if ("docs".equals(System.getProperty("screenshots"))) {
            Path docs = Files.createDirectories(Path.of("..", "docs", "images")).resolve(name + ".png");
            Files.copy(shot.toPath(), docs, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
