package nl.beslisstraat.engine.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

/**
 * axe-core (Deque's accessibility engine, the {@code axe.min.js} bundled in its Selenium jar) run in
 * the page a browser test shows, against the WCAG 2.0 and 2.1 success criteria of levels A and AA.
 * Overheid.nl requires WCAG 2.1 AA of government sites; axe finds what a machine can find of it
 * (contrast, names, labels, structure), not all of it.
 *
 * <p>{@link #assertAccessible(WebDriver, String)} is what a browser test calls at each page and state
 * it reaches: the page at a laptop's width (1366 px) and a phone's (390 px), and at the phone's width
 * without sideways scrolling of the page (WCAG 1.4.10 Reflow). With {@code -Da11y=report} the findings
 * are written to {@code target/a11y-findings.txt} instead of failing the test, to see them all at once.
 */
public final class Axe {

    /** A laptop's screen, the width the pages are designed for. */
    public static final Dimension WIDE = new Dimension(1366, 900);

    /** A phone's (an iPhone 12 to 15): WCAG 1.4.10 asks for 320 CSS pixels, 390 is what people hold. */
    public static final Dimension NARROW = new Dimension(390, 844);

    /**
     * Rules axe files under best practice, not under a success criterion, that stand for what these
     * pages promise: one main landmark with a skip link to it, one h1, no table header without text.
     */
    private static final List<String> ALSO = List.of(
            "empty-table-header",
            "landmark-one-main",
            "landmark-no-duplicate-main",
            "page-has-heading-one",
            "skip-link");

    private static final String SCRIPT = script();

    private Axe() {}

    /**
     * The page as it is now, at 1366 and at 390 pixels wide: no WCAG 2.1 A or AA violation axe can
     * find at either width, a skip link to the main landmark, and at 390 pixels no sideways scrolling
     * of the page (a wide table may scroll inside its own box). The window gets its size back after.
     */
    public static void assertAccessible(WebDriver page, String what) {
        Dimension before = page.manage().window().getSize();
        try {
            page.manage().window().setSize(WIDE);
            assertSkipLink(page, what);
            assertNoWcag21AaViolations(page, what + " at 1366 px");
            page.manage().window().setSize(NARROW);
            assertNoSidewaysScrolling(page, what + " at 390 px");
            assertNoWcag21AaViolations(page, what + " at 390 px");
        } finally {
            page.manage().window().setSize(before);
        }
    }

    /** Fails with axe's own report when the page breaks a WCAG 2.1 A or AA rule that axe checks. */
    public static void assertNoWcag21AaViolations(WebDriver page, String what) {
        JavascriptExecutor browser = (JavascriptExecutor) page;
        browser.executeScript(SCRIPT);
        Object violations = browser.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                const rules = axe.getRules(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
                    .map(rule => rule.ruleId).concat(arguments[0]);
                axe.run(document, {runOnly: {type: 'rule', values: rules}})
                    .then(result => done(JSON.stringify(result.violations.map(v => ({
                        id: v.id, impact: v.impact, help: v.help,
                        nodes: v.nodes.map(n => n.target.join(' ') + ': ' + n.failureSummary)})), null, 2)))
                    .catch(error => done('axe failed: ' + error));
                """, ALSO);
        check(page, "WCAG 2.1 AA violations on " + what, violations, "[]");
    }

    /**
     * WCAG 1.4.10: at 390 CSS pixels the page does not scroll sideways; names the elements that stick
     * out when it does.
     */
    public static void assertNoSidewaysScrolling(WebDriver page, String what) {
        Object overflow = ((JavascriptExecutor) page).executeScript("""
                        const root = document.documentElement;
                        if (root.scrollWidth <= root.clientWidth && root.scrollWidth <= window.innerWidth) {
                            return '';
                        }
                        const wide = [...document.body.querySelectorAll('*')]
                            .filter(e => e.getBoundingClientRect().right > root.clientWidth + 1)
                            .filter(e => !e.parentElement.closest('.scroll')
                                || ['absolute', 'fixed'].includes(getComputedStyle(e).position))
                            .slice(0, 8)
                            .map(e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '')
                                + (e.className && e.className.baseVal === undefined ? '.' + e.className : '')
                                + ' ' + Math.round(e.getBoundingClientRect().right) + 'px');
                        return 'page ' + root.scrollWidth + 'px wide in ' + root.clientWidth + 'px: ' + wide.join(', ');
                        """);
        check(page, "sideways scrolling on " + what, overflow, "");
    }

    /** Every page starts with a link to its main landmark ("Naar de inhoud"). */
    private static void assertSkipLink(WebDriver page, String what) {
        Object found = ((JavascriptExecutor) page).executeScript("""
                        const skip = document.querySelector('a.skip-link');
                        if (!skip) return 'no a.skip-link';
                        const target = document.querySelector(skip.getAttribute('href'));
                        if (!target || target.tagName !== 'MAIN') return 'the skip link does not lead to main';
                        const first = document.querySelector('a[href], button, input:not([type=hidden]), select, textarea');
                        return first === skip ? '' : 'the skip link is not the first thing to reach with Tab';
                        """);
        check(page, "skip link on " + what, found, "");
    }

    private static void check(WebDriver page, String what, Object found, String none) {
        String where = what + " (" + page.getCurrentUrl() + ")";
        if ("report".equals(System.getProperty("a11y"))) {
            if (!none.equals(found)) {
                report(where + "\n" + found + "\n\n");
            }
            return;
        }
        assertThat(found).as(where).isEqualTo(none);
    }

    private static synchronized void report(String finding) {
        try {
            Files.createDirectories(Path.of("target"));
            Files.writeString(
                    Path.of("target", "a11y-findings.txt"),
                    finding,
                    StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String script() {
        try (InputStream in = Axe.class.getResourceAsStream("/axe.min.js")) {
            if (in == null) {
                throw new IllegalStateException(
                        "axe.min.js is not on the test class path (com.deque.html.axe-core:selenium)");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
