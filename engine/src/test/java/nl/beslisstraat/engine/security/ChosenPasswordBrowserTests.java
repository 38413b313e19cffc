package nl.beslisstraat.engine.security;

import static org.assertj.core.api.Assertions.assertThat;

import nl.beslisstraat.engine.support.Axe;
import nl.beslisstraat.engine.support.BrowserIntegrationTest;
import nl.beslisstraat.engine.support.Chromium;
import nl.beslisstraat.engine.support.Http;
import nl.beslisstraat.engine.support.TestUsers;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The first sign-in of a person whose account the platform administrator made, in Chromium: the
 * page to choose a password, its refusals next to their fields, and the way on, each checked with
 * axe.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ChosenPasswordBrowserTests extends BrowserIntegrationTest {

    @Test
    void aNewReviewerChoosesAPasswordAtTheFirstSignIn() {
        String user = "first-sign-in-" + System.nanoTime() % 1_000_000;
        String given = "given-by-the-administrator";
        assertThat(new Http(port)
                        .as(TestUsers.PLATFORM_ADMIN)
                        .post(
                                "/api/platform/municipalities/0344/users",
                                "application/json",
                                "{\"username\": \"" + user + "\", \"personId\": \"F-" + user.hashCode()
                                        + "\", \"displayName\": \"Fleur Eerst\", \"roles\": [\"REVIEWER\"],"
                                        + " \"password\": \"" + given + "\"}")
                        .statusCode())
                .isEqualTo(201);

        Chromium.open(browser, port, "/login");
        browser.findElement(By.id("username")).sendKeys(user);
        browser.findElement(By.id("password")).sendKeys(given);
        browser.findElement(By.id("sign-in")).click();
        Chromium.waitFor(browser, page -> page.getCurrentUrl().endsWith("/account/password"));
        assertThat(browser.findElement(By.id("to-choose")).getText()).contains("Kies eerst uw eigen wachtwoord");
        Axe.assertAccessible(browser, "choosing a password");
        Chromium.screenshot(browser, "choose-password");

        browser.findElement(By.id("current")).sendKeys(given);
        browser.findElement(By.id("chosen")).sendKeys("too short");
        browser.findElement(By.id("repeated")).sendKeys("too short");
        browser.findElement(By.id("choose")).click();
        Chromium.waitFor(
                browser, page -> !page.findElements(By.id("chosen-error")).isEmpty());
        assertThat(browser.findElement(By.id("chosen")).getDomAttribute("aria-invalid"))
                .isEqualTo("true");
        assertThat(browser.findElement(By.id("errors")).getText()).contains("minstens 12 tekens");
        Axe.assertAccessible(browser, "a refused password");

        String own = TestUsers.password(user);
        browser.findElement(By.id("current")).sendKeys(given);
        browser.findElement(By.id("chosen")).sendKeys(own);
        browser.findElement(By.id("repeated")).sendKeys(own);
        browser.findElement(By.id("choose")).click();
        Chromium.waitFor(
                browser,
                page -> page.findElement(By.id("password-chosen")).getText().contains("Uw wachtwoord is gewijzigd"));
        Axe.assertAccessible(browser, "a chosen password");
        browser.findElement(By.id("to-start")).click();
        Chromium.waitFor(browser, page -> page.getCurrentUrl().endsWith("/review"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isNotBlank();
    }
}
