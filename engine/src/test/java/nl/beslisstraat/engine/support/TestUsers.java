package nl.beslisstraat.engine.support;

import java.util.Set;
import nl.beslisstraat.engine.security.Role;
import nl.beslisstraat.engine.security.UserAccounts;

/**
 * One user per role (and a second reviewer and policy officer), each a person of their own, with
 * known passwords, for tests over real HTTP.
 */
public final class TestUsers {

    public static final String INTAKE = "eservice";
    public static final String REVIEWER = "reviewer";
    public static final String SECOND_REVIEWER = "reviewer2";
    public static final String POLICY_OFFICER = "officer";
    public static final String SECOND_POLICY_OFFICER = "officer2";
    public static final String SCHEDULER = "scheduler";
    public static final String AUDITOR = "auditor";

    /** The employee number of {@link #POLICY_OFFICER}: a second account of hers has the same. */
    public static final String POLICY_OFFICER_PERSON = "100001";

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
    }

    public static String password(String user) {
        return "secret-" + user;
    }
}
