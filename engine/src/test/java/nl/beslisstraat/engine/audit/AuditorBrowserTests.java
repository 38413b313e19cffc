package nl.beslisstraat.engine.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.List;
import nl.beslisstraat.engine.support.Axe;
import nl.beslisstraat.engine.support.Chromium;
import nl.beslisstraat.engine.support.DatabaseIntegrationTest;
import nl.beslisstraat.engine.support.TestUsers;
import nl.beslisstraat.engine.tenancy.Municipality;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * An auditor searches the audit trail in a real browser (Debian's Chromium, headless) and opens a
 * case read only; every page state is checked with axe-core against WCAG 2.1 AA.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AuditorBrowserTests extends DatabaseIntegrationTest {

    @LocalServerPort
    int port;

    @Autowired
    AuditLog auditLog;

    @Autowired
    ChainVerifications verifications;

    private WebDriver browser;

    @BeforeEach
    void start() {
        assumeTrue(
                Chromium.installed(),
                "Debian's chromium and chromium-driver are needed (apt-get install chromium chromium-driver); .ci/run installs them");
        browser = Chromium.start();
    }

    @AfterEach
    void stop() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void anAuditorSearchesTheTrailByPersonAndSeesTheChainIntact() {
        // given
        auditLog.appendAll(List.of(new AuditEntry(
                "reviewer-browser", "CASE_DECIDED_BY_REVIEWER", "case", "424242", "{\"outcome\":\"GRANTED\"}")));
        verifications.verifyAll(Municipality.DEFAULT, List.of());
        Chromium.signIn(browser, port, TestUsers.AUDITOR);
        browser.get("http://localhost:" + port + "/audit");
        assertThat(browser.findElement(By.id("chain")).getText()).contains("intact");
        Axe.assertAccessible(browser, "the audit trail");

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
}
