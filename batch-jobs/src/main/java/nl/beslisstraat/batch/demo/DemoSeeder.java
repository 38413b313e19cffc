package nl.beslisstraat.batch.demo;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import nl.beslisstraat.engine.authoring.Candidate;
import nl.beslisstraat.engine.authoring.RuleSetCandidates;
import nl.beslisstraat.engine.cases.CaseApplication;
import nl.beslisstraat.engine.cases.CaseStore;
import nl.beslisstraat.engine.regulation.DecisionDeadline;
import nl.beslisstraat.engine.security.PasswordRules;
import nl.beslisstraat.engine.security.Role;
import nl.beslisstraat.engine.security.UserAccounts;
import nl.beslisstraat.engine.tenancy.Municipality;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Queues demo applications in slices, so seeding a million cases needs no more memory than ten. */
@Component
public class DemoSeeder {

    private static final int SLICE = 5_000;

    private static final String UTRECHT = Municipality.DEFAULT;
    private static final String ZWOLLE = "0193";

    private static final List<DemoUser> USERS = List.of(
            new DemoUser(UTRECHT, "beleid", "100231", "Bea Beleid", Role.POLICY_OFFICER),
            // a colleague, another person: versions of rules and norms are approved by someone other
            // than their author (compared by employee number, not by account)
            new DemoUser(UTRECHT, "beleid2", "100232", "Bram Beleid", Role.POLICY_OFFICER),
            new DemoUser(UTRECHT, "behandelaar", "100311", "Bas Behandelaar", Role.REVIEWER),
            new DemoUser(UTRECHT, "behandelaar2", "100312", "Bo Behandelaar", Role.REVIEWER),
            new DemoUser(UTRECHT, "beheer", "100411", "Ben Beheer", Role.SCHEDULER),
            new DemoUser(UTRECHT, "audit", "100511", "Ada Audit", Role.AUDITOR),
            new DemoUser(UTRECHT, "eloket", "E-LOKET", "E-loket", Role.INTAKE),
            // Zwolle's own staff and e-service: roles are held per municipality
            new DemoUser(ZWOLLE, "beleid-zwolle", "Z-100231", "Zara Beleid", Role.POLICY_OFFICER),
            new DemoUser(ZWOLLE, "beleid2-zwolle", "Z-100232", "Zeger Beleid", Role.POLICY_OFFICER),
            new DemoUser(ZWOLLE, "behandelaar-zwolle", "Z-100311", "Zoe Behandelaar", Role.REVIEWER),
            new DemoUser(ZWOLLE, "eloket-zwolle", "E-LOKET-ZWOLLE", "E-loket Zwolle", Role.INTAKE),
            // one person working for both: reviewer in Utrecht, auditor in Zwolle (the switch in the header)
            new DemoUser(UTRECHT, "wisselaar", "100611", "Wim Wisselaar", Role.REVIEWER));

    /** Further roles of a demo account in another municipality. */
    private record DemoGrant(String municipality, String username, Role role) {}

    private static final List<DemoGrant> GRANTS = List.of(new DemoGrant(ZWOLLE, "wisselaar", Role.AUDITOR));

    /** Onboards municipalities and their first accounts; works for no municipality. */
    private static final String PLATFORM_ADMIN = "platformbeheer";

    private record DemoUser(String municipality, String username, String personId, String name, Role role) {}

    /**
     * Zwolle's choices on the shared models (DOMAIN.md, "Municipalities: shared models, local
     * choices"); Utrecht decides with the models' own values.
     */
    private static final Map<String, Map<String, String>> ZWOLLE_CHOICES = Map.of(
            "PARKING_PERMIT",
            Map.of(
                    "feeZoneA",
                    "180.00",
                    "feeZoneB",
                    "95.00",
                    "permitsPerAddressZoneA",
                    "1",
                    "permitsPerAddressZoneB",
                    "3"),
            "TAX_REMISSION",
            Map.of("normPercentage", "95"),
            "CITY_PASS",
            Map.of("incomeLimit", "120", "reviewBand", "105"),
            "EVENT_NOTIFICATION",
            Map.of("visitorLimit", "150"));

    private static final String ZWOLLE_CHOICES_VERSION = "demo-1";
    /** The first day of the models' first versions. */
    private static final LocalDate ZWOLLE_CHOICES_FROM = LocalDate.of(2026, 1, 1);

    private final CaseStore cases;
    private final JdbcTemplate jdbc;
    private final UserAccounts accounts;
    private final RuleSetCandidates candidates;
    private final List<String> userLines = new ArrayList<>();

    DemoSeeder(CaseStore cases, JdbcTemplate jdbc, UserAccounts accounts, RuleSetCandidates candidates) {
        this.cases = cases;
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.candidates = candidates;
    }

    /**
     * One user per role in Utrecht, Zwolle's own officers, reviewer and e-service, a person who works
     * for both, and a platform administrator, each with a fresh random password, printed once by
     * {@link #printUsers}: the demo's way in. Running the demo again gives new passwords.
     */
    public void createUsers() {
        userLines.clear();
        userLines.add("Demo users: municipality, role, account, employee number, password (new on every demo run):");
        for (DemoUser user : USERS) {
            String password = PasswordRules.random();
            // an account of an earlier demo keeps its person: accounts never change person
            String person = accounts.activePerson(user.username()).orElse(user.personId());
            Municipality.run(
                    user.municipality(),
                    () -> accounts.save(user.username(), person, user.name(), password, Set.of(user.role()), "demo"));
            userLines.add(String.format(
                    "  %-5s %-14s %-19s %-14s %s",
                    user.municipality(), user.role(), user.username(), person, password));
        }
        for (DemoGrant grant : GRANTS) {
            Municipality.run(
                    grant.municipality(), () -> accounts.grant(grant.username(), Set.of(grant.role()), "demo"));
            userLines.add(String.format(
                    "  %-5s %-14s %-19s (the same account, another municipality)",
                    grant.municipality(), grant.role(), grant.username()));
        }
        String password = PasswordRules.random();
        String person = accounts.activePerson(PLATFORM_ADMIN).orElse("100711");
        accounts.savePlatformAdministrator(PLATFORM_ADMIN, person, "Pim Platformbeheer", password, "demo");
        userLines.add(
                String.format("  %-5s %-14s %-19s %-14s %s", "-", "PLATFORM_ADMIN", PLATFORM_ADMIN, person, password));
    }

    /** The accounts {@link #createUsers} made, with their passwords. */
    public void printUsers() {
        userLines.forEach(System.out::println);
    }

    /**
     * Zwolle adopts the four shared models with its own choices, the way its officers would: one
     * drafts each, a colleague approves it. Zwolle's regulation applied from the models' first
     * versions on, so its first choices do too (a first adoption, before Zwolle decided any case,
     * may go back that far): a Zwolle case of any date in 2026 is decided with them. Done once; a
     * later demo finds them approved.
     */
    public void adoptZwolleChoices() {
        Municipality.run(
                ZWOLLE,
                () -> new TreeMap<>(ZWOLLE_CHOICES).forEach((caseType, values) -> {
                    boolean adopted = candidates.of(caseType).stream()
                            .anyMatch(version -> version.version().equals(ZWOLLE_CHOICES_VERSION));
                    if (!adopted) {
                        Candidate draft = candidates.uploadChoices(
                                caseType, ZWOLLE_CHOICES_VERSION, values, null, "beleid-zwolle");
                        // (from today where Zwolle's officers already set choices or decided cases)
                        LocalDate earliest = candidates.earliestEffectiveFrom(draft);
                        candidates.approve(
                                draft.id(),
                                "beleid2-zwolle",
                                earliest.isAfter(ZWOLLE_CHOICES_FROM) ? earliest : ZWOLLE_CHOICES_FROM);
                    }
                    System.out.printf("Zwolle's choices on %s: %s%n", caseType, new TreeMap<>(values));
                }));
    }

    /**
     * Queues {@code count} applications in Zwolle, all dated today: the day's intake, decided with
     * the choices Zwolle adopted from today.
     */
    public void seedZwolleToday(int count) {
        Municipality.run(
                ZWOLLE,
                () -> seed(
                        new DemoApplications(20261201L + count, LocalDate.now(DecisionDeadline.NETHERLANDS), 1),
                        count));
    }

    public void seed(int count) {
        seed(new DemoApplications(20261130L + count), count);
    }

    private void seed(DemoApplications applications, int count) {
        List<CaseApplication> slice = new ArrayList<>(SLICE);
        for (int i = 0; i < count; i++) {
            slice.add(applications.next());
            if (slice.size() == SLICE || i == count - 1) {
                cases.enqueueAll(slice);
                slice.clear();
            }
        }
    }

    /** After the demo run: where a newcomer looks next. */
    public void printWhatToLookAtNext() {
        String examples = String.join(
                "\n",
                jdbc.queryForList(
                        "select distinct on (d.outcome) '    ' || rpad(d.outcome, 18) || 'case ' || d.case_id"
                                + " || '  curl -u audit:<password> http://localhost:8080/api/cases/' || d.case_id"
                                + " from decisions d order by d.outcome, d.id desc",
                        String.class));
        System.out.println("""

                What to look at next
                  1. Start the engine (web pages and REST API) on the same embedded database:
                       java -jar engine/target/engine-0.1.0-SNAPSHOT-exec.jar
                  2. Sign in at http://localhost:8080 as behandelaar (the reviewer above) and work the queue;
                     as beleid to change rules (Regels) or norm amounts (Normen), simulate, and have beleid2
                     approve; or as audit for the dashboard. wisselaar switches between Utrecht and Zwolle
                     in the header; platformbeheer onboards municipalities. The API takes the same users
                     (HTTP Basic; X-Municipality: 0193 to work for Zwolle):
                %s
                  3. Plan and run the nights from the browser as beheer (the scheduler): Runs, in the header.
                     The console's requests and schedules are carried out by a manager process; start one
                     beside the engine (it keeps running; Ctrl+C stops it):
                       java -jar batch-jobs/target/beslisstraat-batch.jar --manager
                  4. Read docs/operations.md (the scheduler's guide: schedules, runs, workers, restarts)
                     and docs/architecture.md (how a case flows).
                  5. Run the demo again to queue and decide more; the embedded database keeps everything
                     in ~/.beslisstraat (delete that folder to start afresh).
                """.formatted(examples));
    }
}
