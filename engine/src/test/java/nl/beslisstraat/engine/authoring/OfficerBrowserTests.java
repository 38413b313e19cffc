package nl.beslisstraat.engine.authoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayInputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import nl.beslisstraat.engine.support.DatabaseIntegrationTest;
import nl.beslisstraat.engine.support.TestUsers;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A policy officer in Chromium uploads a new version of the parking table, sees the example cases
 * and the simulation, and cannot approve it; a colleague approves it with an effective date.
 * Screenshots for docs/policy-officer-guide.md ({@code -Dscreenshots=docs}).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class OfficerBrowserTests extends DatabaseIntegrationTest {

    private static final File CHROMIUM = new File("/usr/bin/chromium");
    private static final File CHROMEDRIVER = new File("/usr/bin/chromedriver");

    @LocalServerPort
    int port;

    private WebDriver browser;

    @BeforeEach
    void start() {
        assumeTrue(
                CHROMIUM.canExecute() && CHROMEDRIVER.canExecute(),
                "Debian's chromium and chromium-driver are needed; .ci/run installs them");
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
                "--window-size=1400,1100",
                "--lang=nl-NL",
                "--user-data-dir=" + tempDir());
        browser = new ChromeDriver(
                new ChromeDriverService.Builder()
                        .usingDriverExecutable(CHROMEDRIVER)
                        .build(),
                options);
    }

    @AfterEach
    void stop() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void anOfficerUploadsTestsAndSimulatesAndAColleagueApproves() throws IOException {
        Path table = Files.createTempFile("parking-permit-2027", ".drl.xlsx");
        Files.write(table, zoneAFee("255.00"));

        signIn(TestUsers.POLICY_OFFICER);
        assertThat(browser.getCurrentUrl()).contains("/rules");
        browser.findElement(By.id("version")).sendKeys("2027.7");
        browser.findElement(By.id("table")).sendKeys(table.toString());
        browser.findElement(By.id("upload-button")).click();
        wait(page -> page.getCurrentUrl().contains("/rules/candidates/"));
        assertThat(browser.findElement(By.id("example-summary")).getText())
                .contains("anders")
                .doesNotStartWith("0 ");
        assertThat(browser.findElement(By.id("diff")).getText()).contains("240.00 → 255.00");
        assertThat(browser.findElements(By.id("approve-button")))
                .as("the author cannot approve")
                .isEmpty();
        screenshot("officer-upload");

        browser.findElement(By.id("simulate-button")).click();
        wait(page -> !page.findElements(By.id("simulation")).isEmpty());
        assertThat(browser.findElement(By.id("simulation")).getText()).contains("zaken opnieuw beslist");
        String candidatePage = browser.getCurrentUrl();

        signIn(TestUsers.SECOND_POLICY_OFFICER);
        browser.get(candidatePage);
        ((JavascriptExecutor) browser).executeScript("document.getElementById('effectiveFrom').value = '2027-01-01';");
        browser.findElement(By.id("approve-button")).click();
        wait(page -> page.findElement(By.id("candidate-status")).getText().equals("APPROVED"));
        screenshot("officer-approved");

        browser.findElement(By.id("withdraw")).click(); // leave the rules in force as they were
        wait(page -> page.findElement(By.id("candidate-status")).getText().equals("WITHDRAWN"));
    }

    private void signIn(String user) {
        browser.manage().deleteAllCookies();
        browser.get("http://localhost:" + port + "/login");
        browser.findElement(By.id("username")).sendKeys(user);
        browser.findElement(By.id("password")).sendKeys(TestUsers.password(user));
        browser.findElement(By.id("sign-in")).click();
        wait(page -> !page.getCurrentUrl().contains("/login"));
    }

    private void wait(java.util.function.Function<WebDriver, Boolean> condition) {
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(condition::apply);
    }

    private void screenshot(String name) throws IOException {
        File shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
        Path target = Files.createDirectories(Path.of("target", "screenshots")).resolve(name + ".png");
        Files.copy(shot.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
        if ("docs".equals(System.getProperty("screenshots"))) {
            Files.copy(
                    shot.toPath(),
                    Files.createDirectories(Path.of("..", "docs", "images")).resolve(name + ".png"),
                    StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static byte[] zoneAFee(String fee) throws IOException {
        try (InputStream in = OfficerBrowserTests.class
                        .getClassLoader()
                        .getResourceAsStream("nl/beslisstraat/rules/parkingpermit/2026.2/parking-permit.drl.xlsx");
                XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(in.readAllBytes()))) {
            for (Row row : workbook.getSheetAt(0)) {
                if (row.getCell(0) != null && row.getCell(0).toString().equals("Art. 7 lid 1: verlenen zone A")) {
                    row.getCell(6).setCellValue(fee);
                }
            }
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            workbook.write(out);
            return out.toByteArray();
        }
    }

    private static String tempDir() {
        try {
            return Files.createTempDirectory("chromium-profile").toString();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
