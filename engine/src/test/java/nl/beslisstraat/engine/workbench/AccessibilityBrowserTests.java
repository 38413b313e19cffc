package nl.beslisstraat.engine.workbench;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import nl.beslisstraat.engine.support.Axe;
import nl.beslisstraat.engine.support.BrowserIntegrationTest;
import nl.beslisstraat.engine.support.Chromium;
import nl.beslisstraat.engine.support.Http;
import nl.beslisstraat.engine.support.TestDatabase;
import nl.beslisstraat.engine.support.TestUsers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What axe cannot see by itself, with the keyboard in a real browser (Debian's Chromium, headless):
 * the first Tab reaches the skip link ("Naar de inhoud", WCAG 2.4.1), which leads past the header
 * into the page's content; every element Tab reaches shows a focus ring of at least 3:1 against the
 * colour around it (WCAG 2.4.7 and 1.4.11). And the states the other browser tests do not reach: a
 * queue with overdue and nearly due tasks (the urgency badges, WCAG 1.4.3) and the dashboard's
 * chart (WCAG 1.1.1), in Zwolle so that no other test's queue changes; and the queue's count after
 * filtering reaches the live region (WCAG 4.1.3).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AccessibilityBrowserTests extends BrowserIntegrationTest {

    /** The focus ring of the element that has focus: its width, and its contrast with what is behind it. */
    private static final String FOCUS_RING = """
            const e = document.activeElement;
            const style = getComputedStyle(e);
            const rgb = c => (c.match(/[\\d.]+/g) || []).map(Number);
            const luminance = c => {
                const [r, g, b] = rgb(c).slice(0, 3).map(v => v / 255)
                    .map(v => v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4));
                return 0.2126 * r + 0.7152 * g + 0.0722 * b;
            };
            const opaque = el => {
                for (; el; el = el.parentElement) {
                    const c = getComputedStyle(el).backgroundColor;
                    if (rgb(c).length === 3 || rgb(c)[3] > 0) return c;
                }
                return 'rgb(255, 255, 255)';
            };
            // what is around the ring: the page just left of the element (right of it at the edge)
            const box = e.getBoundingClientRect();
            const x = box.left > 8 ? box.left - 6 : box.right + 6;
            const around = document.elementsFromPoint(x, box.top + box.height / 2)
                .find(el => el !== e && !e.contains(el));
            const [a, b] = [luminance(style.outlineColor), luminance(opaque(around))];
            const contrast = (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
            const name = e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + ' "' + (e.textContent || '').replace(/\\s+/g, ' ').trim().slice(0, 30) + '"';
            return name + ': ' + (style.outlineStyle === 'none' ? 0 : parseFloat(style.outlineWidth)) + 'px, '
                + contrast.toFixed(1) + ':1';
            """;

    @Autowired
    JdbcTemplate jdbc;

    @BeforeEach
    void start() {
        TestUsers.ensureZwolle(accounts, jdbc);
    }

    @Test
    void theFirstTabLeadsPastTheHeaderAndEveryFocusIsSeen() {
        Chromium.signIn(browser, port, TestUsers.REVIEWER);
        browser.get("http://localhost:" + port + "/review");

        // the first Tab: the skip link, on screen now
        new Actions(browser).sendKeys(Keys.TAB).perform();
        assertThat(browser.switchTo().activeElement().getText()).isEqualTo("Naar de inhoud");
        assertThat(browser.switchTo().activeElement().getRect().getY()).isGreaterThanOrEqualTo(0);
        List<String> rings = new ArrayList<>(List.of(ring()));

        // Enter: on to the content, where the next Tab reaches the first filter
        new Actions(browser).sendKeys(Keys.ENTER).perform();
        assertThat(browser.getCurrentUrl()).endsWith("/review#main");
        new Actions(browser).sendKeys(Keys.TAB).perform();
        assertThat(browser.switchTo().activeElement().getDomAttribute("id")).isEqualTo("caseType");

        // and from the top again, through the header and into the page
        browser.get("http://localhost:" + port + "/review");
        for (int stop = 0; stop < 14; stop++) {
            new Actions(browser).sendKeys(Keys.TAB).perform();
            rings.add(ring());
        }
        assertThat(rings)
                .as("every focus: a ring of 2 px or more, at 3:1 or more against what is around it")
                .allSatisfy(ring -> assertThat(ring).matches(".*: ([2-9]|\\d\\d)(\\.\\d+)?px, ([3-9]|\\d\\d)\\.\\d:1"));
    }

    @Test
    void theSignInPageStartsWithTheSkipLinkAsEveryPage() {
        browser.get("http://localhost:" + port + "/login");

        // nothing has focus on its own: the first Tab is the skip link, the next the user name
        assertThat(browser.switchTo().activeElement().getTagName()).isEqualTo("body");
        new Actions(browser).sendKeys(Keys.TAB).perform();
        assertThat(browser.switchTo().activeElement().getText()).isEqualTo("Naar de inhoud");
        new Actions(browser).sendKeys(Keys.ENTER).perform();
        new Actions(browser).sendKeys(Keys.TAB).perform();
        assertThat(browser.switchTo().activeElement().getDomAttribute("id")).isEqualTo("username");
        Axe.assertAccessible(browser, "the sign-in page");

        browser.get("http://localhost:" + port + "/login?error");
        Axe.assertAccessible(browser, "the sign-in page after a wrong password");
        browser.get("http://localhost:" + port + "/login?lang=en");
        assertThat(browser.findElement(By.tagName("html")).getDomAttribute("lang"))
                .isEqualTo("en");
        Axe.assertAccessible(browser, "the sign-in page in English");
    }

    @Test
    void overdueAndNearlyDueTasksAndTheChartPassAxe() {
        // given: Zwolle's queue with one task past its deadline and one due tomorrow, and an automated decision
        Http intake = new Http(port).as(TestUsers.ZWOLLE_INTAKE);
        String waiting = Http.resource("review/parking-permit-waiting-list.json");
        intake.post("/api/cases/decide-now", "application/json", waiting);
        intake.post("/api/cases/decide-now", "application/json", waiting);
        intake.post("/api/cases/decide-now", "application/json", Http.resource("intake/parking-permit-zone-a.json"));
        JdbcTemplate owner = new JdbcTemplate(TestDatabase.owner());
        List<Long> tasks = owner.queryForList(
                "select t.id from review_tasks t join cases c on c.id = t.case_id"
                        + " where c.municipality = ? and t.status = 'OPEN' order by t.id desc limit 2",
                Long.class,
                TestUsers.ZWOLLE);
        LocalDate today = LocalDate.now(nl.beslisstraat.engine.regulation.DecisionDeadline.NETHERLANDS);
        owner.update("update review_tasks set deadline = ? where id = ?", today.minusDays(3), tasks.get(0));
        owner.update("update review_tasks set deadline = ? where id = ?", today.plusDays(1), tasks.get(1));

        // when
        Chromium.signIn(browser, port, TestUsers.ZWOLLE_REVIEWER);

        // then
        assertThat(browser.findElements(By.cssSelector(".badge.OVERDUE"))).isNotEmpty();
        assertThat(browser.findElements(By.cssSelector(".badge.DUE_SOON"))).isNotEmpty();
        Axe.assertAccessible(browser, "a queue with overdue and nearly due tasks");

        // and filtering, which replaces the table without a reload, is heard in the live region
        new Select(browser.findElement(By.id("reason"))).selectByValue("WAITING_LIST");
        Chromium.waitFor(browser, page -> page.getCurrentUrl().contains("reason=WAITING_LIST"));
        Chromium.waitFor(
                browser,
                page -> page.findElement(By.id("announcer"))
                        .getDomProperty("textContent")
                        .startsWith("Pagina 1 van"));

        browser.get("http://localhost:" + port + "/dashboard");
        assertThat(browser.findElements(By.cssSelector(".chart svg"))).isNotEmpty();
        Axe.assertAccessible(browser, "the dashboard with a chart");
    }

    private String ring() {
        return (String) ((JavascriptExecutor) browser).executeScript(FOCUS_RING);
    }
}
