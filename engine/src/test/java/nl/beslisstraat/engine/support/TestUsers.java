package nl.beslisstraat.engine.support;

import java.util.Set;
import nl.beslisstraat.engine.security.Role;
import nl.beslisstraat.engine.security.UserAccounts;

/** One user per role (and a second reviewer), with known passwords, for tests over real HTTP. */
public final class TestUsers {

    public static final String INTAKE = "eservice";
    public static final String REVIEWER = "reviewer";
    public static final String SECOND_REVIEWER = "reviewer2";
    public static final String POLICY_OFFICER = "officer";
    public static final String SECOND_POLICY_OFFICER = "officer2";
    public static final String SCHEDULER = "scheduler";
    public static final String AUDITOR = "auditor";

    private TestUsers() {}

    public static void ensure(UserAccounts accounts) {
        accounts.save(INTAKE, "E-loket", password(INTAKE), Set.of(Role.INTAKE), "test");
        accounts.save(REVIEWER, "Rita Reviewer", password(REVIEWER), Set.of(Role.REVIEWER), "test");
        accounts.save(SECOND_REVIEWER, "Ruud Reviewer", password(SECOND_REVIEWER), Set.of(Role.REVIEWER), "test");
        accounts.save(POLICY_OFFICER, "Olga Officer", password(POLICY_OFFICER), Set.of(Role.POLICY_OFFICER), "test");
        accounts.save(
                SECOND_POLICY_OFFICER,
                "Otto Officer",
                password(SECOND_POLICY_OFFICER),
                Set.of(Role.POLICY_OFFICER),
                "test");
        accounts.save(SCHEDULER, "Sem Scheduler", password(SCHEDULER), Set.of(Role.SCHEDULER), "test");
        accounts.save(AUDITOR, "Anna Auditor", password(AUDITOR), Set.of(Role.AUDITOR), "test");
    }

    public static String password(String user) {
        return "secret-" + user;
    }
}
