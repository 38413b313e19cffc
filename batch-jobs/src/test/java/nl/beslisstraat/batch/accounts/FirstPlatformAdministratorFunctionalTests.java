package nl.beslisstraat.batch.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.beslisstraat.engine.support.DatabaseIntegrationTest;
import nl.beslisstraat.engine.tenancy.Municipality;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The operator's command for the first platform administrator: it stores the account with a hash of
 * a password it prints once, which its holder must replace, and says so in the platform's log; it
 * never changes an account that exists, and refuses a wrong option by name with nothing stored.
 */
@SpringBootTest(properties = "beslisstraat.command-line.enabled=false")
class FirstPlatformAdministratorFunctionalTests extends DatabaseIntegrationTest {

    private static final Pattern PRINTED_PASSWORD = Pattern.compile("\\n {4}(\\S{16})\\n");

    @Autowired
    FirstPlatformAdministrator command;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    PasswordEncoder passwords;

    @Test
    void createsAPlatformAdministratorWhosePrintedPasswordOpensItToChooseAnother() throws Exception {
        String username = "beheer-" + System.nanoTime() % 1_000_000;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();

        int exit = command.create(
                username, "100712", "Anna de Wit", new PrintStream(printed, true, StandardCharsets.UTF_8));

        String output = printed.toString(StandardCharsets.UTF_8);
        assertThat(exit).as(output).isZero();
        Matcher password = PRINTED_PASSWORD.matcher(output);
        assertThat(password.find()).as(output).isTrue();
        Map<String, Object> account = jdbc.queryForMap(
                "select person_id, display_name, array_to_string(roles, ',') as roles, password_hash, enabled,"
                        + " password_chosen_by_holder from users where username = ?",
                username);
        assertThat(account)
                .containsEntry("person_id", "100712")
                .containsEntry("display_name", "Anna de Wit")
                .containsEntry("roles", "PLATFORM_ADMIN")
                .containsEntry("enabled", true)
                .containsEntry("password_chosen_by_holder", false);
        String hash = (String) account.get("password_hash");
        assertThat(hash).startsWith("{bcrypt}").doesNotContain(password.group(1));
        assertThat(passwords.matches(password.group(1), hash)).isTrue();
        assertThat(jdbc.queryForObject(
                        "select count(*) from user_municipalities where username = ?", Long.class, username))
                .as("works for no municipality")
                .isZero();
        assertThat(Municipality.callForPlatform(() -> jdbc.queryForMap(
                        "select actor, details::text as details from platform_audit_log where action = 'USER_CREATED'"
                                + " and subject_id = ?",
                        username)))
                .containsEntry("actor", "operator:" + System.getProperty("user.name"))
                .extractingByKey("details")
                .asString()
                .contains("\"roles\": \"PLATFORM_ADMIN\"")
                .doesNotContain(password.group(1));
    }

    @Test
    void neverChangesAnExistingAccountAndNamesTheOptionAtFault() {
        String username = "beheer-" + System.nanoTime() % 1_000_000;
        assertThat(command.create(username, "100713", "Bert Bos", silent())).isZero();
        String before =
                jdbc.queryForObject("select password_hash from users where username = ?", String.class, username);

        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        int again = command.create(
                username.toUpperCase(java.util.Locale.ROOT),
                "100713",
                "Bert Bos",
                new PrintStream(printed, true, StandardCharsets.UTF_8));
        assertThat(again).isEqualTo(2);
        assertThat(printed.toString(StandardCharsets.UTF_8))
                .startsWith("--create-platform-admin: ")
                .contains("bestaat al")
                .contains("Nothing was stored");
        assertThat(jdbc.queryForObject("select password_hash from users where username = ?", String.class, username))
                .isEqualTo(before);

        String other = "beheer-" + (System.nanoTime() + 1) % 1_000_000;
        assertThat(printedBy(other, "not a person's number!", "Cor")).startsWith("--person-id: ");
        assertThat(printedBy(other, "100714", null)).startsWith("--display-name: ");
        assertThat(printedBy("has spaces in it", "100714", "Cor")).startsWith("--create-platform-admin: ");
        assertThat(jdbc.queryForObject(
                        "select count(*) from users where lower(username) in (lower(?), 'has spaces in it')",
                        Long.class,
                        other))
                .isZero();
    }

    private String printedBy(String username, String personId, String displayName) {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        assertThat(command.create(
                        username, personId, displayName, new PrintStream(printed, true, StandardCharsets.UTF_8)))
                .isEqualTo(2);
        return printed.toString(StandardCharsets.UTF_8);
    }

    private static PrintStream silent() {
        return new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
    }
}
