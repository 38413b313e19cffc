package nl.beslisstraat.engine.support;

import java.util.Set;
import nl.beslisstraat.engine.security.Role;
import nl.beslisstraat.engine.security.UserAccounts;
import nl.beslisstraat.engine.tenancy.Municipality;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * One user per role (and a second reviewer and policy officer), each a person of their own, with
 * known passwords, for tests over real HTTP; they work for the default municipality, Utrecht, and
 * the platform administrator for none. For tenancy tests, Zwolle has its own e-service, reviewer,
 * policy officer and auditor.
 */
public final class TestUsers {

    public static final String INTAKE = "eservice";
    public static final String REVIEWER = "reviewer";
    public static final String SECOND_REVIEWER = "reviewer2";
    public static final String POLICY_OFFICER = "officer";
    public static final String SECOND_POLICY_OFFICER = "officer2";
    public static final String SCHEDULER = "scheduler";
    public static final String AUDITOR = "auditor";
    /** Utrecht's Prometheus: a machine account that reads the operations metrics only. */
    public static final String MONITORING = "monitor";

    public static final String PLATFORM_ADMIN = "platform-admin";

    /** The employee number of {@link #POLICY_OFFICER}: a second account of hers has the same. */
    public static final String POLICY_OFFICER_PERSON = "100001";

    /** The second municipality of the tests, with the accounts below. */
    public static final String ZWOLLE = "0193";

    public static final String ZWOLLE_INTAKE = "eservice-zwolle";
    public static final String ZWOLLE_REVIEWER = "reviewer-zwolle";
    public static final String ZWOLLE_POLICY_OFFICER = "officer-zwolle";
    public static final String ZWOLLE_SECOND_POLICY_OFFICER = "officer2-zwolle";
    public static final String ZWOLLE_AUDITOR = "auditor-zwolle";

    private TestUsers() {}

    public static void ensure(UserAccounts accounts) {
        accounts.save(INTAKE, "E-LOKET", "E-loket", password(INTAKE), Set.of(Role.INTAKE), "test");
        accounts.save(REVIEWER, "200001", "Rita Reviewer", password(REVIEWER), Set.of(Role.REVIEWER), "test");
        accounts.save(
                SECOND_REVIEWER, "200002", "Ruud Reviewer", password(SECOND_REVIEWER), Set.of(Role.REVIEWER), "test");
        accounts.save(
                POLICY_OFFICER,
                POLICY_OFFICER_PERSON,
                "Olga Officer",
                password(POLICY_OFFICER),
                Set.of(Role.POLICY_OFFICER),
                "test");
        accounts.save(
                SECOND_POLICY_OFFICER,
                "100002",
                "Otto Officer",
                password(SECOND_POLICY_OFFICER),
                Set.of(Role.POLICY_OFFICER),
                "test");
        accounts.save(SCHEDULER, "300001", "Sem Scheduler", password(SCHEDULER), Set.of(Role.SCHEDULER), "test");
        accounts.save(AUDITOR, "400001", "Anna Auditor", password(AUDITOR), Set.of(Role.AUDITOR), "test");
        accounts.save(
                MONITORING, "PROMETHEUS", "Prometheus Utrecht", password(MONITORING), Set.of(Role.MONITORING), "test");
        accounts.savePlatformAdministrator(PLATFORM_ADMIN, "900001", "Pim Platform", password(PLATFORM_ADMIN), "test");
    }

    /** Zwolle's accounts, each working for Zwolle only. */
    public static void ensureZwolle(UserAccounts accounts, JdbcTemplate jdbc) {
        Municipality.run(ZWOLLE, () -> saveZwolle(accounts));
    }

    private static void saveZwolle(UserAccounts accounts) {
        accounts.save(
                ZWOLLE_INTAKE,
                "E-LOKET-ZWOLLE",
                "E-loket Zwolle",
                password(ZWOLLE_INTAKE),
                Set.of(Role.INTAKE),
                "test");
        accounts.save(
                ZWOLLE_REVIEWER, "500001", "Zeno Zwolle", password(ZWOLLE_REVIEWER), Set.of(Role.REVIEWER), "test");
        accounts.save(
                ZWOLLE_POLICY_OFFICER,
                "500002",
                "Zoe Zwolle",
                password(ZWOLLE_POLICY_OFFICER),
                Set.of(Role.POLICY_OFFICER),
                "test");
        accounts.save(ZWOLLE_AUDITOR, "500003", "Zaid Zwolle", password(ZWOLLE_AUDITOR), Set.of(Role.AUDITOR), "test");
        accounts.save(
                ZWOLLE_SECOND_POLICY_OFFICER,
                "500004",
                "Zef Zwolle",
                password(ZWOLLE_SECOND_POLICY_OFFICER),
                Set.of(Role.POLICY_OFFICER),
                "test");
    }

    public static String password(String user) {
        return "secret-" + user;
    }
}
