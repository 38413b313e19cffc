package nl.beslisstraat.engine.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Pattern;
import nl.beslisstraat.engine.support.Axe;
import nl.beslisstraat.engine.support.BrowserIntegrationTest;
import nl.beslisstraat.engine.support.Chromium;
import nl.beslisstraat.engine.support.TestUsers;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The main pages run under the Content-Security-Policy without the browser refusing anything (no
 * inline script, handler or style left), in Debian's Chromium, headless; and what used to be an
 * inline handler (the rules page's case-type list) still works from its script file.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ContentSecurityPolicyBrowserTests extends BrowserIntegrationTest {

    /** A script element without src, an on...= handler attribute, or a style attribute. */
    private static final Pattern INLINE =
            Pattern.compile("<script(?![^>]*\\ssrc=)[^>]*>|\\son[a-z]+\\s*=|\\sstyle\\s*=", Pattern.CASE_INSENSITIVE);

    @Test
    void theMainPagesBreakNoRuleOfThePolicy() {
        visit("/login");
        Chromium.signIn(browser, port, TestUsers.REVIEWER);
        visit("/review");
        visit("/dashboard");
        visit("/platform"); // not a reviewer's page: the error page, in the site's layout
        assertThat(browser.findElement(By.tagName("main")).getText()).contains("geen toegang");

        Chromium.signIn(browser, port, TestUsers.POLICY_OFFICER);
        visit("/rules");
        visit("/norms");

        Chromium.signIn(browser, port, TestUsers.AUDITOR);
        visit("/dashboard");
        visit("/audit/queue");

        Chromium.signIn(browser, port, TestUsers.PLATFORM_ADMIN);
        visit("/platform");
        visit("/platform/sign-in-locks");
    }

    @Test
    void theCaseTypeListOfTheRulesPageChoosesOnlyWhenTonenIsPressed() {
        Chromium.signIn(browser, port, TestUsers.POLICY_OFFICER);
        visit("/rules");
        Select caseType = new Select(browser.findElement(By.id("caseType")));
        String other = caseType.getOptions().stream()
                .map(option -> option.getAttribute("value"))
                .filter(value -> !value.equals(caseType.getFirstSelectedOption().getAttribute("value")))
                .findFirst()
                .orElseThrow();

        String before = browser.getCurrentUrl();
        caseType.selectByValue(other);
        assertThat(browser.getCurrentUrl())
                .as("choosing alone changes nothing (WCAG 3.2.2)")
                .isEqualTo(before);
        browser.findElement(By.id("show-case-type")).click();

        Chromium.waitFor(browser, page -> page.getCurrentUrl().contains("caseType=" + other));
        assertThat(Chromium.policyViolations(browser)).isEmpty();
    }

    @Test
    void theApiDescriptionPageRunsUnderThePolicy() {
        Chromium.signIn(browser, port, TestUsers.REVIEWER);
        Chromium.open(browser, port, "/swagger-ui/index.html");
        Chromium.waitFor(
                browser, page -> !page.findElements(By.className("swagger-ui")).isEmpty());
        Chromium.waitFor(
                browser, page -> !page.findElements(By.className("info")).isEmpty());

        assertThat(Chromium.policyViolations(browser)).isEmpty();
    }

    private void visit(String path) {
        Chromium.open(browser, port, path);
        Chromium.waitFor(browser, page -> !page.findElements(By.tagName("main")).isEmpty());
        assertThat(Chromium.policyViolations(browser)).as("console on %s", path).isEmpty();
        assertThat(INLINE.matcher(browser.getPageSource()).results().map(found -> found.group()))
                .as("inline script or style on %s", path)
                .isEmpty();
        Axe.assertAccessible(browser, path);
    }
}
