package nl.beslisstraat.engine.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

/**
 * axe-core (Deque's accessibility engine, the {@code axe.min.js} bundled in its Selenium jar) run in
 * the page a browser test shows, against the WCAG 2.0 and 2.1 success criteria of levels A and AA.
 * Overheid.nl requires WCAG 2.1 AA of government sites; axe finds what a machine can find of it
 * (contrast, names, labels, structure), not all of it.
 */
public final class Axe {

    private static final String SCRIPT = script();

    private Axe() {}

    /** Fails with axe's own report when the page breaks a WCAG 2.1 A or AA rule that axe checks. */
    public static void assertNoWcag21AaViolations(WebDriver page, String what) {
        JavascriptExecutor browser = (JavascriptExecutor) page;
        browser.executeScript(SCRIPT);
        Object violations = browser.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}})
                    .then(result => done(JSON.stringify(result.violations.map(v => ({
                        id: v.id, impact: v.impact, help: v.help,
                        nodes: v.nodes.map(n => n.target.join(' ') + ': ' + n.failureSummary)})), null, 2)))
                    .catch(error => done('axe failed: ' + error));
                """);
        assertThat(violations)
                .as("WCAG 2.1 AA violations on " + what + " (" + page.getCurrentUrl() + ")")
                .isEqualTo("[]");
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
