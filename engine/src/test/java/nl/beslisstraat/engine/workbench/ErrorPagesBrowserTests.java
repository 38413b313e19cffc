package nl.beslisstraat.engine.workbench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import nl.beslisstraat.engine.support.Axe;
import nl.beslisstraat.engine.support.BrowserIntegrationTest;
import nl.beslisstraat.engine.support.Chromium;
import nl.beslisstraat.engine.support.TestUsers;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.Ordered;
import org.springframework.web.HttpRequestHandler;
import org.springframework.web.servlet.handler.SimpleUrlHandlerMapping;

/**
 * The error pages in a real browser, for people who are signed in: a 500, a 404 and a 403 each show
 * the header with the navigation of the person's role, a way back, in Dutch and in English, in the
 * product's look (axe at both widths), and never the exception behind a 500.
 *
 * <p>No page of the product fails on purpose, so this test's own application context has one that
 * does ({@link FaultyPages}), imported by this class only, at paths the reviewer and the auditor may
 * open. The application itself has no such address.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(ErrorPagesBrowserTests.FaultyPages.class)
class ErrorPagesBrowserTests extends BrowserIntegrationTest {

    /** What the failing page's exception says: it must never reach the page. */
    private static final String SECRET = "relation cases_secret does not exist";

    /**
     * Pages that fail as a page fails when something on our side is broken. Not a component (a
     * component would be found by every test's application context): imported by this class only.
     */
    static class FaultyPages {

        @Bean
        SimpleUrlHandlerMapping faultyPages() {
            HttpRequestHandler fail = (request, response) -> {
                throw new IllegalStateException("ERROR: " + SECRET);
            };
            return new SimpleUrlHandlerMapping(
                    Map.of("/review/fault-in-test", fail, "/audit/fault-in-test", fail), Ordered.HIGHEST_PRECEDENCE);
        }
    }

    @Test
    void aFaultOnOurSideIsThePagesOwnWithTheRolesNavigationAndNoStackTrace() {
        Chromium.signIn(browser, port, TestUsers.REVIEWER);

        Chromium.open(browser, port, "/review/fault-in-test");
        assertErrorPage("Er ging iets mis", "nl");
        assertThat(navigation()).contains("Werkvoorraad", "Overzicht", "Afmelden");
        assertThat(browser.findElement(By.id("home")).getText()).isEqualTo("Naar uw startpagina");
        assertThat(browser.findElement(By.tagName("main")).getText()).contains("Foutcode 500");
        assertNothingOfTheException();
        Axe.assertAccessible(browser, "the 500 page");
        Chromium.screenshot(browser, "error-server");

        Chromium.open(browser, port, "/review?lang=en");
        Chromium.open(browser, port, "/review/fault-in-test");
        assertErrorPage("Something went wrong", "en");
        assertThat(navigation()).contains("Work queue", "Overview", "Sign out");
        assertThat(browser.findElement(By.id("home")).getText()).isEqualTo("Go to your start page");
        assertNothingOfTheException();
        Axe.assertAccessible(browser, "the 500 page in English");
    }

    @Test
    void notFoundAndNoAccessShowTheRolesNavigationAndTheWayBack() {
        Chromium.signIn(browser, port, TestUsers.AUDITOR);

        Chromium.open(browser, port, "/audit/no-such-page");
        assertErrorPage("Pagina niet gevonden", "nl");
        assertThat(navigation()).contains("Audittrail", "Runs", "Overzicht");
        Axe.assertAccessible(browser, "the 404 page of an auditor");
        // the server's error path is no page of its own: asked for, it is an address nothing answers
        Chromium.open(browser, port, "/error");
        assertErrorPage("Pagina niet gevonden", "nl");

        // a page of another role, reached from one of the auditor's own: back to it, or to the start page
        Chromium.open(browser, port, "/dashboard");
        ((JavascriptExecutor) browser).executeScript("location.href = '/review'");
        Chromium.waitFor(browser, page -> page.getCurrentUrl().endsWith("/review"));
        assertErrorPage("Geen toegang", "nl");
        assertThat(navigation()).contains("Audittrail", "Runs", "Overzicht").doesNotContain("Werkvoorraad");
        WebElement back = browser.findElement(By.id("back"));
        assertThat(back.getText()).isEqualTo("Terug naar de vorige pagina");
        assertThat(back.getDomAttribute("href")).isEqualTo("/dashboard");
        Axe.assertAccessible(browser, "the 403 page of an auditor");

        Chromium.open(browser, port, "/audit?lang=en");
        Chromium.open(browser, port, "/audit/fault-in-test");
        assertErrorPage("Something went wrong", "en");
        assertThat(navigation()).contains("Audit trail", "Runs", "Overview");
        assertNothingOfTheException();

        Chromium.signIn(browser, port, TestUsers.PLATFORM_ADMIN);
        Chromium.open(browser, port, "/platform/no-such-page?lang=nl");
        assertErrorPage("Pagina niet gevonden", "nl");
        assertThat(navigation()).contains("Gemeenten", "Blokkades");
        Axe.assertAccessible(browser, "the 404 page of the platform administrator");
    }

    private List<String> navigation() {
        return browser.findElements(By.cssSelector("body > header a, body > header button")).stream()
                .map(WebElement::getText)
                .toList();
    }

    private void assertErrorPage(String title, String language) {
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo(title);
        assertThat(browser.getTitle()).startsWith(title);
        assertThat(browser.findElement(By.tagName("html")).getDomAttribute("lang"))
                .isEqualTo(language);
        assertThat(browser.findElements(By.cssSelector("main .ways-back a"))).isNotEmpty();
        assertThat(browser.getPageSource()).doesNotContain("Whitelabel");
    }

    private void assertNothingOfTheException() {
        assertThat(browser.getPageSource())
                .doesNotContain(SECRET)
                .doesNotContain("IllegalStateException")
                .doesNotContain("Exception")
                .doesNotContain("at nl.beslisstraat")
                .doesNotContain("fail(");
    }
}
