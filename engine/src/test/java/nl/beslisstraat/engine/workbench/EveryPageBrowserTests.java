package nl.beslisstraat.engine.workbench;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import nl.beslisstraat.engine.support.Axe;
import nl.beslisstraat.engine.support.BrowserIntegrationTest;
import nl.beslisstraat.engine.support.Chromium;
import nl.beslisstraat.engine.support.Http;
import nl.beslisstraat.engine.support.TestDatabase;
import nl.beslisstraat.engine.support.TestUsers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Every page each role can reach by following links, checked with axe (WCAG 2.1 A and AA, at 1366
 * and 390 pixels wide): signed in as the role, the test starts at the role's start page and follows
 * every link of this site it finds (the header's navigation, the lists, the pages behind them),
 * visiting one page of each kind (a case, a run, a rule-set draft: the same template with other
 * data is not visited again). A violation fails the test naming the page; all pages are visited
 * first, so one run names every page that breaks a rule.
 *
 * <p>Given to find: a case waiting for a reviewer, a decided case and a finished run, so the lists
 * lead to their pages.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class EveryPageBrowserTests extends BrowserIntegrationTest {

    /** More kinds of page than any role has; a crawl that finds more has left the pages. */
    private static final int AT_MOST = 40;

    @BeforeEach
    void start() {
        // axe on a long page (a draft's examples) takes longer than the usual 30 s on a busy machine
        browser.manage().timeouts().scriptTimeout(java.time.Duration.ofMinutes(2));
        Http intake = new Http(port).as(TestUsers.INTAKE);
        intake.post(
                "/api/cases/decide-now", "application/json", Http.resource("review/parking-permit-waiting-list.json"));
        intake.post("/api/cases/decide-now", "application/json", Http.resource("intake/parking-permit-zone-a.json"));
        finishedRun();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                TestUsers.REVIEWER,
                TestUsers.POLICY_OFFICER,
                TestUsers.SCHEDULER,
                TestUsers.AUDITOR,
                TestUsers.PLATFORM_ADMIN
            })
    void everyPageOfTheRolePassesAxe(String user) {
        List<String> drafts = user.equals(TestUsers.POLICY_OFFICER) ? drafts() : List.of();
        try {
            crawl(user, drafts.stream().map(EveryPageBrowserTests::kind).toList());
        } finally {
            // no draft left behind for other tests in the same schema
            Http officer = new Http(port).as(TestUsers.POLICY_OFFICER);
            drafts.forEach(draft -> officer.post(
                    draft.replaceFirst("^/rules/", "/api/rulesets/").replaceFirst("^/norms/", "/api/norms/")
                            + "/withdrawal",
                    "application/json",
                    ""));
        }
    }

    private void crawl(String user, List<String> draftKinds) {
        Chromium.signIn(browser, port, user);
        String site = "http://localhost:" + port;

        Deque<String> toVisit = new ArrayDeque<>(List.of(browser.getCurrentUrl().substring(site.length())));
        Set<String> kinds = new LinkedHashSet<>();
        List<String> visited = new ArrayList<>();
        List<String> findings = new ArrayList<>();
        while (!toVisit.isEmpty() && visited.size() < AT_MOST) {
            String path = toVisit.poll();
            if (!kinds.add(kind(path))) {
                continue;
            }
            browser.get(site + path);
            visited.add(path);
            if (!browser.findElements(By.cssSelector("main.error-page")).isEmpty()) {
                findings.add(path + ": an error page ("
                        + browser.findElement(By.tagName("h1")).getText() + ") behind a link of " + user);
                continue;
            }
            try {
                Axe.assertAccessible(browser, user + " on " + path);
            } catch (AssertionError violation) {
                findings.add(violation.getMessage());
            }
            links(site).stream().filter(link -> !kinds.contains(kind(link))).forEach(toVisit::add);
        }

        System.out.println("Pages of " + user + " checked with axe: " + visited);
        assertThat(visited.stream().map(EveryPageBrowserTests::kind))
                .as("the pages %s reached", user)
                .contains(expected(user))
                .containsAll(draftKinds)
                .hasSizeLessThan(AT_MOST);
        assertThat(findings)
                .as("pages of %s with findings (visited: %s)", user, visited)
                .isEmpty();
    }

    /**
     * A draft rule set (the table in force under a version of its own) and a draft norm table (the
     * newest amounts again), for the officer's pages behind them; their pages' paths. A draft
     * refused (another test's draft in the way) is left out.
     */
    private List<String> drafts() {
        Http officer = new Http(port).as(TestUsers.POLICY_OFFICER);
        String version = "a11y-" + ThreadLocalRandom.current().nextInt(1_000_000);
        List<String> drafts = new ArrayList<>();
        String table = officer.get("/api/rulesets/PARKING_PERMIT/table.csv").body();
        java.net.http.HttpResponse<String> ruleSet =
                officer.post("/api/rulesets/PARKING_PERMIT/candidates?version=" + version, "text/csv", table);
        if (ruleSet.statusCode() == 201) {
            drafts.add(ruleSet.headers()
                    .firstValue("Location")
                    .orElseThrow()
                    .replaceFirst("^.*/api/rulesets/", "/rules/"));
        }
        tools.jackson.databind.JsonNode versions = tools.jackson.databind.json.JsonMapper.builder()
                .build()
                .readTree(officer.get("/api/norms").body());
        String last = versions.isEmpty()
                ? null
                : versions.path(versions.size() - 1).path("version").asString();
        if (last != null) {
            java.net.http.HttpResponse<String> norm = officer.post(
                    "/api/norms/candidates?version=" + version + "&note=toegankelijkheid",
                    "text/csv",
                    officer.get("/api/norms/" + last + "/csv").body());
            if (norm.statusCode() == 201) {
                drafts.add(
                        norm.headers().firstValue("Location").orElseThrow().replaceFirst("^.*/api/norms/", "/norms/"));
            }
        }
        assertThat(drafts).as("a draft rule set at least").isNotEmpty();
        return drafts;
    }

    /** Kinds of page the role's links must lead to, with the data given (a case, a run). */
    private static String[] expected(String user) {
        return switch (user) {
            case TestUsers.REVIEWER -> new String[] {"/review", "/review/cases/#", "/dashboard"};
            case TestUsers.POLICY_OFFICER -> new String[] {"/rules", "/norms", "/dashboard"};
            case TestUsers.SCHEDULER ->
                new String[] {"/runs", "/runs/schedule", "/runs/start", "/runs/#", "/dashboard"};
            case TestUsers.AUDITOR ->
                new String[] {"/audit", "/audit/queue", "/audit/cases/#", "/runs", "/runs/#", "/dashboard"};
            case TestUsers.PLATFORM_ADMIN ->
                new String[] {"/platform", "/platform/municipalities/#", "/platform/sign-in-locks"};
            default -> throw new IllegalArgumentException(user);
        };
    }

    /** The links of this site on the page, as paths; not signing out, downloads or the API. */
    @SuppressWarnings("unchecked")
    private List<String> links(String site) {
        List<String> hrefs = (List<String>) ((JavascriptExecutor) browser)
                .executeScript("return [...document.querySelectorAll('a[href]')].map(a => a.href);");
        return hrefs.stream()
                .filter(href -> href.startsWith(site + "/"))
                .map(href -> href.substring(site.length()).replaceFirst("#.*$", ""))
                .filter(path -> !path.isEmpty() && !path.equals("/"))
                .filter(path -> !path.contains("lang="))
                .filter(path -> !path.startsWith("/login") && !path.startsWith("/logout"))
                .filter(path -> !path.startsWith("/api/")
                        && !path.startsWith("/swagger-ui")
                        && !path.startsWith("/v3/")
                        && !path.startsWith("/actuator"))
                .filter(path -> !path.endsWith("/csv") && !path.startsWith("/rules/template"))
                .filter(path -> !path.startsWith("/css/") && !path.startsWith("/js/"))
                .toList();
    }

    /** A page's kind: its path without the query, numbers and codes as placeholders. */
    private static String kind(String path) {
        return path.replaceFirst("\\?.*$", "").replaceAll("/\\d[^/]*", "/#");
    }

    /** A run of Utrecht that finished, as the batch process records one. */
    private static void finishedRun() {
        JdbcTemplate owner = new JdbcTemplate(TestDatabase.owner());
        long runId = 600_000_000L + ThreadLocalRandom.current().nextLong(1_000_000);
        owner.update(
                "insert into batch_job_instance (job_instance_id, version, job_name, job_key)"
                        + " values (?, 0, 'nightly-decisions', md5(?::text))",
                runId,
                runId);
        owner.update(
                "insert into nightly_runs (run_id, run_date, municipality, status, trigger, triggered_by, queued_at_start)"
                        + " values (?, ?, ?, 'COMPLETED', 'PERSON', 'scheduler', 0)",
                runId,
                LocalDate.now().minusDays(1),
                nl.beslisstraat.engine.tenancy.Municipality.DEFAULT);
    }
}
