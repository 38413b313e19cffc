package nl.beslisstraat.engine.platform;

import static org.assertj.core.api.Assertions.assertThat;

import nl.beslisstraat.engine.support.Axe;
import nl.beslisstraat.engine.support.BrowserIntegrationTest;
import nl.beslisstraat.engine.support.Chromium;
import nl.beslisstraat.engine.support.Http;
import nl.beslisstraat.engine.support.TestUsers;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * A platform administrator onboards Enschede and its first reviewer in a real browser (Debian's
 * Chromium, headless): a malformed CBS code is shown beside its field, the municipality is added,
 * the account is created, the new reviewer signs in to Enschede's empty queue, and her access is
 * withdrawn again when she leaves; a colleague who leaves every municipality is disabled, and enabled
 * again with a new password when she comes back; the platform's own log is read. Every page state
 * is checked with axe-core against WCAG 2.1 AA. Screenshots go to {@code target/screenshots}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PlatformBrowserTests extends BrowserIntegrationTest {

    private static final String ENSCHEDE = "0153";
    private static final String ENSCHEDE_REVIEWER = "reviewer-enschede";
    private static final String GIVEN = "given-to-enschede";

    @Test
    void anAdministratorOnboardsAMunicipalityAndItsFirstReviewerAndWithdrawsHerAccessWhenSheLeaves() {
        // given
        Chromium.signIn(browser, port, TestUsers.PLATFORM_ADMIN);
        assertThat(browser.getCurrentUrl()).endsWith("/platform");
        assertThat(browser.findElement(By.id("municipalities")).getText())
                .contains("Utrecht")
                .contains("Zwolle");
        Axe.assertAccessible(browser, "the municipalities");

        // when: a CBS code of three digits
        type("cbsCode", "153");
        type("name", "Enschede");
        browser.findElement(By.id("onboard")).click();

        // then: refused, beside the field, with what was typed kept
        Chromium.waitFor(
                browser, page -> !page.findElements(By.id("cbsCode-error")).isEmpty());
        assertThat(browser.findElement(By.id("cbsCode-error")).getText())
                .isEqualTo("CBS-code: precies 4 cijfers, zoals 0363.");
        assertThat(browser.findElement(By.id("cbsCode")).getAttribute("aria-invalid"))
                .isEqualTo("true");
        assertThat(browser.findElement(By.id("name")).getAttribute("value")).isEqualTo("Enschede");
        Axe.assertAccessible(browser, "a refused municipality");

        // when: four digits
        type("cbsCode", ENSCHEDE);
        browser.findElement(By.id("onboard")).click();

        // then: on Enschede's page, without accounts yet
        Chromium.waitFor(browser, page -> page.getCurrentUrl().endsWith("/platform/municipalities/" + ENSCHEDE));
        assertThat(browser.findElement(By.id("message")).getText()).contains("Enschede (0153) is toegevoegd");
        assertThat(browser.findElement(By.id("no-members")).getText()).isEqualTo("Nog geen accounts.");
        Axe.assertAccessible(browser, "a new municipality");

        // when: its first reviewer
        type("username", ENSCHEDE_REVIEWER);
        type("displayName", "Eva Enschede");
        type("personId", "E-100001");
        browser.findElement(By.id("role-REVIEWER")).click();
        type("password", GIVEN);
        browser.findElement(By.id("create-account")).click();

        // then
        Chromium.waitFor(
                browser,
                page -> !page.findElements(By.id("member-" + ENSCHEDE_REVIEWER)).isEmpty());
        assertThat(browser.findElement(By.id("member-" + ENSCHEDE_REVIEWER)).getText())
                .contains("Eva Enschede")
                .contains("Behandelaar");
        Chromium.screenshot(browser, "platform-onboarding");
        Axe.assertAccessible(browser, "a municipality with its first account");

        // and the reviewer signs in with the given password, chooses one and finds Enschede's queue, empty
        browser.manage().deleteAllCookies();
        Chromium.open(browser, port, "/login");
        type("username", ENSCHEDE_REVIEWER);
        type("password", GIVEN);
        browser.findElement(By.id("sign-in")).click();
        Chromium.waitFor(browser, page -> page.getCurrentUrl().endsWith("/account/password"));
        type("current", GIVEN);
        type("chosen", TestUsers.password(ENSCHEDE_REVIEWER));
        type("repeated", TestUsers.password(ENSCHEDE_REVIEWER));
        browser.findElement(By.id("choose")).click();
        Chromium.waitFor(browser, page -> !page.findElements(By.id("to-start")).isEmpty());
        browser.findElement(By.id("to-start")).click();
        Chromium.waitFor(browser, page -> page.getCurrentUrl().endsWith("/review"));
        assertThat(browser.findElement(By.id("municipality-name")).getText()).isEqualTo("Enschede");
        assertThat(browser.findElement(By.tagName("main")).getText()).contains("Geen zaken in de werkvoorraad.");
        Axe.assertAccessible(browser, "an empty queue");

        // when: she leaves Enschede, and the administrator withdraws her access, confirming it
        browser.manage().deleteAllCookies();
        Chromium.signIn(browser, port, TestUsers.PLATFORM_ADMIN);
        Chromium.open(browser, port, "/platform/municipalities/" + ENSCHEDE);
        WebElement row = browser.findElement(By.id("member-" + ENSCHEDE_REVIEWER));
        row.findElement(By.tagName("summary")).click();
        Chromium.waitFor(
                browser,
                page -> page.findElement(By.id("withdraw-" + ENSCHEDE_REVIEWER)).isDisplayed());
        assertThat(row.getText()).contains("verliest alle rollen in Enschede");
        Chromium.screenshot(browser, "platform-withdraw");
        Axe.assertAccessible(browser, "withdrawing an account's access, to confirm");
        browser.findElement(By.id("withdraw-" + ENSCHEDE_REVIEWER)).click();

        // then: she no longer works there
        Chromium.waitFor(browser, page -> !page.findElements(By.id("message")).isEmpty());
        assertThat(browser.findElement(By.id("message")).getText())
                .isEqualTo(
                        "Account " + ENSCHEDE_REVIEWER
                                + " werkt niet meer voor deze gemeente; de API-sleutels van het account hier zijn ingetrokken.");
        assertThat(browser.findElements(By.id("member-" + ENSCHEDE_REVIEWER))).isEmpty();
        Axe.assertAccessible(browser, "an account's access withdrawn");

        // when: a colleague leaves every municipality, and the administrator disables her account
        String leaving = "monitor-enschede";
        assertThat(new Http(port)
                        .as(TestUsers.PLATFORM_ADMIN)
                        .post(
                                "/api/platform/municipalities/" + ENSCHEDE + "/users",
                                "application/json",
                                "{\"username\": \"" + leaving + "\", \"personId\": \"E-100002\", \"displayName\":"
                                        + " \"Mia Monitor\", \"roles\": [\"MONITORING\"], \"password\": \"" + GIVEN
                                        + "\"}")
                        .statusCode())
                .isEqualTo(201);
        Chromium.open(browser, port, "/platform/municipalities/" + ENSCHEDE);
        WebElement leavingRow = browser.findElement(By.id("member-" + leaving));
        leavingRow.findElements(By.tagName("summary")).get(2).click();
        Chromium.waitFor(
                browser, page -> page.findElement(By.id("disable-" + leaving)).isDisplayed());
        assertThat(leavingRow.getText()).contains("kan nergens meer inloggen");
        Chromium.screenshot(browser, "platform-disable");
        Axe.assertAccessible(browser, "disabling an account everywhere, to confirm");
        browser.findElement(By.id("disable-" + leaving)).click();

        // then: the account is disabled, shown so, and cannot be disabled twice
        Chromium.waitFor(browser, page -> !page.findElements(By.id("message")).isEmpty());
        assertThat(browser.findElement(By.id("message")).getText())
                .startsWith("Account " + leaving + " is uitgeschakeld in alle gemeenten");
        assertThat(browser.findElement(By.id("member-" + leaving)).getText()).contains("uitgeschakeld");
        assertThat(browser.findElements(By.id("disable-" + leaving))).isEmpty();
        assertThat(browser.findElements(By.id("disable-again-" + leaving)))
                .as("finishing it, should a municipality's part have failed")
                .hasSize(1);
        Axe.assertAccessible(browser, "an account disabled everywhere");

        // when: she comes back, and the administrator enables her account again
        WebElement back = browser.findElement(By.id("member-" + leaving));
        back.findElements(By.tagName("summary")).get(1).click();
        Chromium.waitFor(
                browser, page -> page.findElement(By.id("enable-" + leaving)).isDisplayed());
        assertThat(back.getText()).contains("kan weer inloggen");
        Axe.assertAccessible(browser, "enabling an account again, to confirm");
        browser.findElement(By.id("enable-" + leaving)).click();

        // then: with a new password, shown this once
        Chromium.waitFor(
                browser, page -> !page.findElements(By.id("given-password")).isEmpty());
        assertThat(browser.findElement(By.id("given")).getText())
                .startsWith("Account " + leaving + " is weer ingeschakeld, met dit nieuwe wachtwoord.");
        assertThat(browser.findElement(By.id("given-password")).getText()).hasSize(16);
        assertThat(browser.findElement(By.id("member-" + leaving)).getText()).contains("actief");
        Chromium.screenshot(browser, "platform-enable");
        Axe.assertAccessible(browser, "an account enabled again");

        // and: the platform's own log, a link in the header away
        browser.findElement(By.linkText("Logboek")).click();
        Chromium.waitFor(browser, page -> page.getCurrentUrl().endsWith("/platform/audit"));
        assertThat(browser.findElement(By.id("entries")).getText()).contains(TestUsers.PLATFORM_ADMIN);
        assertThat(browser.findElement(By.id("chain")).getText()).startsWith("De keten telt");
        Chromium.screenshot(browser, "platform-log");
        Axe.assertAccessible(browser, "the platform's log");
    }

    @Test
    void anAdministratorIssuesAnEServiceItsKeyAndRevokesIt() {
        // given: Hengelo and its e-service
        Http admin = new Http(port).as(TestUsers.PLATFORM_ADMIN);
        admin.post(
                "/api/platform/municipalities", "application/json", "{\"cbsCode\": \"0164\", \"name\": \"Hengelo\"}");
        assertThat(admin.post(
                                "/api/platform/municipalities/0164/users",
                                "application/json",
                                "{\"username\": \"eloket-hengelo\", \"personId\": \"H-1\", \"displayName\": \"E-loket\","
                                        + " \"roles\": [\"INTAKE\"], \"password\": \"" + GIVEN + "\"}")
                        .statusCode())
                .isEqualTo(201);
        Chromium.signIn(browser, port, TestUsers.PLATFORM_ADMIN);
        Chromium.open(browser, port, "/platform/municipalities/0164");
        assertThat(browser.findElement(By.id("no-keys")).getText()).isEqualTo("Nog geen API-sleutels.");

        // when: a key is issued
        browser.findElement(By.id("issue")).click();

        // then: shown this once, and listed as in use
        Chromium.waitFor(
                browser, page -> !page.findElements(By.id("issued-key")).isEmpty());
        assertThat(browser.findElement(By.id("issued-key")).getText()).startsWith("bsk_");
        assertThat(browser.findElement(By.id("keys")).getText())
                .contains("eloket-hengelo")
                .contains("in gebruik");
        Chromium.screenshot(browser, "platform-api-keys");
        Axe.assertAccessible(browser, "a key just issued");

        // when: it is revoked, confirming it
        WebElement row = browser.findElement(By.cssSelector("#keys tbody tr"));
        row.findElement(By.tagName("summary")).click();
        WebElement revoke = row.findElement(By.cssSelector("button[id^='revoke-']"));
        Chromium.waitFor(browser, page -> revoke.isDisplayed());
        Axe.assertAccessible(browser, "revoking a key, to confirm");
        revoke.click();

        // then
        Chromium.waitFor(browser, page -> !page.findElements(By.id("message")).isEmpty());
        assertThat(browser.findElement(By.id("message")).getText()).endsWith("is ingetrokken.");
        assertThat(browser.findElements(By.id("issued-key"))).isEmpty();
        assertThat(browser.findElement(By.id("keys")).getText()).doesNotContain("in gebruik");
        Axe.assertAccessible(browser, "a revoked key");
    }

    private void type(String field, String text) {
        WebElement input = browser.findElement(By.id(field));
        input.clear();
        input.sendKeys(text);
    }
}
