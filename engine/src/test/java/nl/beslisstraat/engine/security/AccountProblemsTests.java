package nl.beslisstraat.engine.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * What is wrong with a new account or a password is said in both languages of the pages, each
 * starting with the label the form gives its field in that language.
 */
class AccountProblemsTests {

    private static final Locale ENGLISH = Locale.ENGLISH;
    private static final Locale DUTCH = Locale.forLanguageTag("nl-NL");

    @Test
    void everyProblemOfANewAccountIsSaidInEnglishTooStartingWithTheFieldsLabel() {
        List<AccountRefused> problems = new ArrayList<>();
        // every field wrong at once, then the other ways a role or a password can be wrong
        problems.addAll(UserAccounts.problemsOfNewAccount("met spatie", "", " ", "kort", Set.of()));
        problems.addAll(UserAccounts.problemsOfNewAccount(
                "roos", "100231", "Roos", "\u00e9".repeat(40), Set.of(Role.PLATFORM_ADMIN)));
        problems.addAll(UserAccounts.problemsOfNewAccount("roos", "100231", "Roos", null, Set.of(Role.REVIEWER)));
        PasswordRules.problem("roos-de-vries", "Roos-de-Vries")
                .ifPresent(same -> problems.add(new AccountRefused("password", same)));

        assertThat(problems)
                .hasSize(9)
                .extracting(AccountRefused::field)
                .containsOnly("username", "personId", "displayName", "roles", "password");
        assertThat(problems).extracting(AccountRefused::getMessage).doesNotHaveDuplicates();
        for (AccountRefused problem : problems) {
            String english = problem.in(ENGLISH);
            String dutch = problem.in(DUTCH);
            assertThat(dutch).as("the API's text").isEqualTo(problem.getMessage());
            assertThat(english).as(dutch).isNotBlank().isNotEqualTo(dutch);
            assertThat(label(ENGLISH, problem.field()))
                    .as(english)
                    .startsWith(english.substring(0, english.indexOf(':')));
            assertThat(label(DUTCH, problem.field())).as(dutch).startsWith(dutch.substring(0, dutch.indexOf(':')));
        }
    }

    /** The label of the field on the platform administrator's account form. */
    private static String label(Locale locale, String field) {
        // the Dutch texts are the bundle without a language, whatever this machine's own language is
        return ResourceBundle.getBundle("messages", locale.getLanguage().equals("en") ? locale : Locale.ROOT)
                .getString("platform." + field);
    }
}
