package nl.beslisstraat.engine.support;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.openqa.selenium.WebDriver;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Base of the tests that use the application in a real browser: the application on its port, and
 * a Chromium started before each test ({@link Chromium#startOrSkip}: skipped where it is not
 * installed) and closed after it.
 */
public abstract class BrowserIntegrationTest extends DatabaseIntegrationTest {

    @LocalServerPort
    protected int port;

    protected WebDriver browser;

    @BeforeEach
    void startBrowser() {
        browser = Chromium.startOrSkip();
    }

    @AfterEach
    void quitBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }
}
