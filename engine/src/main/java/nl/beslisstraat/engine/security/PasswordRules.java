package nl.beslisstraat.engine.security;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Locale;
import java.util.Optional;
import nl.beslisstraat.engine.regulation.Phrase;

/**
 * What a password must be, wherever an account gets one (an administrator onboarding a
 * municipality, the demo, the tests): long enough to resist guessing, and no longer than bcrypt
 * reads (72 bytes; the rest would be ignored without a word). Length over composition rules, as
 * NIST SP 800-63B advises; the account's own name is refused as its password.
 */
public final class PasswordRules {

    public static final int MINIMUM_LENGTH = 12;
    public static final int MAXIMUM_BYTES = 72;

    /** Letters and digits that cannot be mistaken for one another when read aloud or copied by hand. */
    private static final String UNAMBIGUOUS = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    private static final SecureRandom RANDOM = new SecureRandom();

    private PasswordRules() {}

    /**
     * A fresh random password that keeps these rules, for an account given one by an operator's
     * command: 16 characters, about 92 bits.
     */
    public static String random() {
        StringBuilder password = new StringBuilder(16);
        for (int i = 0; i < 16; i++) {
            password.append(UNAMBIGUOUS.charAt(RANDOM.nextInt(UNAMBIGUOUS.length())));
        }
        return password.toString();
    }

    /** What is wrong with {@code password} for the account {@code username}; empty if nothing. */
    public static Optional<Phrase> problem(String username, String password) {
        if (password == null || password.isBlank()) {
            return Optional.of(new Phrase("Wachtwoord: verplicht.", "Password: required."));
        }
        if (password.codePointCount(0, password.length()) < MINIMUM_LENGTH) {
            return Optional.of(Phrase.of(
                    "Wachtwoord: minstens {0} tekens.", "Password: at least {0} characters.", MINIMUM_LENGTH));
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > MAXIMUM_BYTES) {
            return Optional.of(Phrase.of(
                    "Wachtwoord: hoogstens {0} bytes (ongeveer {0} tekens zonder accenten).",
                    "Password: at most {0} bytes (about {0} characters without accents).", MAXIMUM_BYTES));
        }
        if (username != null
                && !username.isBlank()
                && password.toLowerCase(Locale.ROOT).equals(username.toLowerCase(Locale.ROOT))) {
            return Optional.of(new Phrase(
                    "Wachtwoord: mag niet gelijk zijn aan de gebruikersnaam.",
                    "Password: must not be the same as the user name."));
        }
        return Optional.empty();
    }

    /** Refuses a password that breaks a rule, naming the field {@code password}. */
    public static void check(String username, String password) {
        problem(username, password).ifPresent(problem -> {
            throw new AccountRefused("password", problem);
        });
    }
}
