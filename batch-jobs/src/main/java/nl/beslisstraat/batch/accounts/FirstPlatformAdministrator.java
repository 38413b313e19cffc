package nl.beslisstraat.batch.accounts;

import java.io.PrintStream;
import java.util.Map;
import nl.beslisstraat.engine.security.AccountRefused;
import nl.beslisstraat.engine.security.PasswordRules;
import nl.beslisstraat.engine.security.UserAccounts;
import org.springframework.stereotype.Component;

/**
 * {@code --create-platform-admin=<username> --person-id=<employee number> --display-name=<name>}:
 * creates a platform administrator, the account that onboards municipalities, on an installation
 * that has none yet (or a second one, to replace one whose holder left or lost the password).
 *
 * <p>The password is drawn here and printed once: nobody types it where a shell history keeps it,
 * and it opens the account only to let its holder choose their own ({@link
 * UserAccounts#createPlatformAdministrator}). An account that exists is never changed, so the
 * command cannot be used to take one over. Exit code 0 when the account was created, 2 when the
 * options were refused (the option at fault is named), with nothing stored.
 */
@Component
public class FirstPlatformAdministrator {

    /** The options, by the field of the account each one gives. */
    private static final Map<String, String> OPTIONS = Map.of(
            "username", "--create-platform-admin",
            "personId", "--person-id",
            "displayName", "--display-name",
            "password", "--create-platform-admin");

    private final UserAccounts accounts;

    FirstPlatformAdministrator(UserAccounts accounts) {
        this.accounts = accounts;
    }

    public int create(String username, String personId, String displayName, PrintStream out) {
        String password = PasswordRules.random();
        try {
            accounts.createPlatformAdministrator(username, personId, displayName, password, operator());
        } catch (AccountRefused refused) {
            out.println(OPTIONS.getOrDefault(refused.field(), "--create-platform-admin") + ": " + refused.getMessage()
                    + " Nothing was stored.");
            return 2;
        }
        out.println("Platform administrator " + username + " created. Its password, shown this once:");
        out.println();
        out.println("    " + password);
        out.println();
        out.println("Hand it to " + displayName.strip() + " in person or by another secure channel. At the"
                + " first sign-in (/login) the account asks its holder to choose a password of their own;"
                + " until then it does nothing else.");
        return 0;
    }

    /** Who ran the command, as the audit trail names it: the operating system's account. */
    private static String operator() {
        return "operator:" + System.getProperty("user.name", "unknown");
    }
}
