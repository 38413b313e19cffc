package nl.beslisstraat.engine.tenancy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import nl.beslisstraat.engine.security.Role;
import nl.beslisstraat.engine.support.Axe;
import nl.beslisstraat.engine.support.BrowserIntegrationTest;
import nl.beslisstraat.engine.support.Chromium;
import nl.beslisstraat.engine.support.Http;
import nl.beslisstraat.engine.support.TestUsers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * A person who reviews in Utrecht and audits in Zwolle switches municipality in the header of a
 * real browser (Debian's Chromium, headless): choosing with the arrow keys changes nothing until the
 * button is pressed; then the pages work for Zwolle with the auditor's role, and the dashboard
 * counts Zwolle's queue. Both pages are checked with axe-core against WCAG 2.1 AA.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class MunicipalitySwitchBrowserTests extends BrowserIntegrationTest {

    private static final String PERSON = "switch-in-browser";

    @Autowired
    JdbcTemplate jdbc;

    private final JsonMapper json = JsonMapper.builder().build();

    @BeforeEach
    void start() {
        TestUsers.ensureZwolle(accounts, jdbc);
        accounts.save(PERSON, "600002", "Wies Wissel", TestUsers.password(PERSON), Set.of(Role.REVIEWER), "test");
        Municipality.run(TestUsers.ZWOLLE, () -> accounts.grant(PERSON, Set.of(Role.AUDITOR), "test"));
    }

    @Test
    void aPersonWhoWorksForTwoMunicipalitiesSwitchesInTheHeader() {
        // given: a case in Zwolle's queue
        new Http(port)
                .as(TestUsers.ZWOLLE_INTAKE)
                .post(
                        "/api/cases/decide-now",
                        "application/json",
                        Http.resource("review/parking-permit-waiting-list.json"));
        long zwolleQueue = json.readTree(new Http(port)
                        .as(TestUsers.ZWOLLE_REVIEWER)
                        .get("/api/dashboard")
                        .body())
                .path("queueSize")
                .asLong();

        // when: signed in, working for Utrecht (the first municipality given)
        Chromium.signIn(browser, port, PERSON);

        // then
        assertThat(browser.getCurrentUrl()).endsWith("/review");
        assertThat(current()).isEqualTo("Utrecht");
        Axe.assertAccessible(browser, "the queue with the switch");

        // when: choosing Zwolle with the arrow keys only
        ((JavascriptExecutor) browser).executeScript("window.stillThisPage = true");
        browser.findElement(By.id("municipality-choice")).sendKeys(Keys.ARROW_DOWN);

        // then: nothing happens until the button is pressed
        assertThat(current()).isEqualTo("Zwolle");
        assertThat(((JavascriptExecutor) browser).executeScript("return window.stillThisPage"))
                .isEqualTo(true);
        assertThat(browser.getCurrentUrl()).endsWith("/review");

        // when
        browser.findElement(By.id("switch-municipality")).click();

        // then: working for Zwolle as its auditor, on Zwolle's figures
        Chromium.waitFor(browser, page -> page.getCurrentUrl().endsWith("/dashboard"));
        assertThat(current()).isEqualTo("Zwolle");
        assertThat(browser.findElement(By.id("queue-size")).getText()).isEqualTo(Long.toString(zwolleQueue));
        assertThat(browser.findElements(By.linkText("Werkvoorraad")))
                .as("no reviewer in Zwolle")
                .isEmpty();
        Chromium.screenshot(browser, "municipality-switch");
        Axe.assertAccessible(browser, "the dashboard after switching");
    }

    private String current() {
        return new Select(browser.findElement(By.id("municipality-choice")))
                .getFirstSelectedOption()
                .getText();
    }
}
