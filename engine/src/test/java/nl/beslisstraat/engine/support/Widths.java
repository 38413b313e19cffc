package nl.beslisstraat.engine.support;

import static org.assertj.core.api.Assertions.assertThat;

import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

/**
 * A page checked with axe-core at a laptop's width (1366 px) and a phone's (390 px), where it must
 * also reflow without scrolling sideways (WCAG 1.4.10); the window is put back afterwards.
 */
public final class Widths {

    private Widths() {}

    public static void assertAccessibleWideAndNarrow(WebDriver page, String what) {
        Dimension before = page.manage().window().getSize();
        try {
            page.manage().window().setSize(new Dimension(1366, 900));
            Axe.assertNoWcag21AaViolations(page, what + " at 1366 px");
            page.manage().window().setSize(new Dimension(390, 844));
            Object overflow = ((JavascriptExecutor) page)
                    .executeScript(
                            "return document.documentElement.scrollWidth - document.documentElement.clientWidth");
            Object widest = ((JavascriptExecutor) page)
                    .executeScript("var w = document.documentElement.clientWidth; return Array.from("
                            + "document.querySelectorAll('main *')).filter(e => e.getBoundingClientRect().right > w + 1)"
                            + ".slice(0, 5).map(e => e.tagName + '#' + e.id + '.' + e.className).join(', ')");
            assertThat(((Number) overflow).longValue())
                    .as("sideways scrolling at 390 px on " + what + " (too wide: " + widest + ")")
                    .isLessThanOrEqualTo(0);
            Axe.assertNoWcag21AaViolations(page, what + " at 390 px");
        } finally {
            page.manage().window().setSize(before);
        }
    }
}
