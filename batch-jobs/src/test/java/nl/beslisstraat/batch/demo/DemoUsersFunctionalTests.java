package nl.beslisstraat.batch.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import nl.beslisstraat.engine.support.DatabaseIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The demo's accounts: Utrecht's and Zwolle's own staff and e-services, one person who works for
 * both with a role in each, and a platform administrator who works for neither; running the demo
 * again gives the same accounts.
 */
@SpringBootTest(properties = "beslisstraat.command-line.enabled=false")
class DemoUsersFunctionalTests extends DatabaseIntegrationTest {

    @Autowired
    DemoSeeder demo;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void eachMunicipalityHasItsOwnAccountsAndOnePersonWorksForBoth() {
        // when: the demo runs twice
        demo.createUsers();
        demo.createUsers();

        // then
        assertThat(memberships("wisselaar")).containsExactly("0193 AUDITOR", "0344 REVIEWER");
        assertThat(memberships("behandelaar-zwolle")).containsExactly("0193 REVIEWER");
        assertThat(memberships("beleid-zwolle")).containsExactly("0193 POLICY_OFFICER");
        assertThat(memberships("eloket-zwolle")).containsExactly("0193 INTAKE");
        assertThat(memberships("eloket")).containsExactly("0344 INTAKE");
        assertThat(memberships("platformbeheer")).isEmpty();
        assertThat(jdbc.queryForObject(
                        "select array_to_string(roles, ',') from users where username = 'platformbeheer'",
                        String.class))
                .isEqualTo("PLATFORM_ADMIN");
    }

    private List<String> memberships(String username) {
        return jdbc.queryForList(
                "select municipality || ' ' || array_to_string(roles, ',') from user_municipalities"
                        + " where username = ? order by municipality",
                String.class,
                username);
    }
}
