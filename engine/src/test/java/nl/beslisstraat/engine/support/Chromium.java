package nl.beslisstraat.engine.support;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.function.Function;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's Chromium, headless, for the browser tests: starting it, signing in as one of the
 * {@link TestUsers}, waiting, and screenshots to {@code target/screenshots} (and to
 * {@code docs/images} with {@code -Dscreenshots=docs}).
 */
public final class Chromium {

    private static final File BROWSER = new File("/usr/bin/chromium");
    private static final File DRIVER = new File("/usr/bin/chromedriver");

    private Chromium() {}

    /** Whether the browser and its driver are installed (apt-get install chromium chromium-driver). */
    public static boolean installed() {
        return BROWSER.canExecute() && DRIVER.canExecute();
    }

    /**
     * A browser for a test, or the test skipped (not failed) where Chromium is not installed: what
     * every browser test's set-up does first.
     */
    public static WebDriver startOrSkip() {
        org.junit.jupiter.api.Assumptions.assumeTrue(
                installed(),
                "Debian's chromium and chromium-driver are needed (apt-get install chromium chromium-driver); .ci/run installs them");
        return start();
    }

    public static WebDriver start() {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(BROWSER);
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
                "--user-data-dir=" + profile());
        // the console, so a test can see what the Content-Security-Policy refused
        options.setCapability("goog:loggingPrefs", java.util.Map.of("browser", "ALL"));
        return new ChromeDriver(
                new ChromeDriverService.Builder().usingDriverExecutable(DRIVER).build(), options);
    }

    /** What the page wrote to the console since last asked that mentions the Content-Security-Policy. */
    public static java.util.List<String> policyViolations(WebDriver page) {
        return page.manage().logs().get(org.openqa.selenium.logging.LogType.BROWSER).getAll().stream()
                .map(org.openqa.selenium.logging.LogEntry::getMessage)
                .filter(message -> message.contains("Content Security Policy") || message.contains("Refused to"))
                .toList();
    }

    /** Opens a page of the application the test started on {@code port}, such as {@code /review?lang=en}. */
    public static void open(WebDriver page, int port, String path) {
        page.get("http://localhost:" + port + path);
    }

    public static void signIn(WebDriver page, int port, String user) {
        page.manage().deleteAllCookies();
        open(page, port, "/login");
        signInHere(page, user);
    }

    /** Signs in on the sign-in page the browser shows now (after a session ended, say), and waits to leave it. */
    public static void signInHere(WebDriver page, String user) {
        page.findElement(By.id("username")).sendKeys(user);
        page.findElement(By.id("password")).sendKeys(TestUsers.password(user));
        page.findElement(By.id("sign-in")).click();
        waitFor(page, current -> !current.getCurrentUrl().contains("/login"));
    }

    /**
     * Waits for a condition, trying again while the page is being replaced (a form post reloads it,
     * so an element found a moment ago may be gone or not there yet).
     */
    public static void waitFor(WebDriver page, Function<WebDriver, Boolean> condition) {
        waitFor(Duration.ofSeconds(30), page, condition);
    }

    /** {@link #waitFor(WebDriver, Function)}, for something that takes longer (a run to its end). */
    public static void waitFor(Duration atMost, WebDriver page, Function<WebDriver, Boolean> condition) {
        new WebDriverWait(page, atMost)
                .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .ignoring(org.openqa.selenium.NoSuchElementException.class)
                .until(condition::apply);
    }

    public static void screenshot(WebDriver page, String name) {
        try {
            File shot = ((TakesScreenshot) page).getScreenshotAs(OutputType.FILE);
            Path target =
                    Files.createDirectories(Path.of("target", "screenshots")).resolve(name + ".png");
            Files.copy(shot.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
            if ("docs".equals(System.getProperty("screenshots"))) {
                Path docs =
                        Files.createDirectories(Path.of("..", "docs", "images")).resolve(name + ".png");
                Files.copy(shot.toPath(), docs, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String profile() {
        try {
            return Files.createTempDirectory("chromium-profile").toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
