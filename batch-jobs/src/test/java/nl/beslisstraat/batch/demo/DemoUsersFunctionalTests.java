package nl.beslisstraat.batch.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import nl.beslisstraat.engine.authoring.RuleSetCandidates;
import nl.beslisstraat.engine.support.DatabaseIntegrationTest;
import nl.beslisstraat.engine.support.TestUsers;
import nl.beslisstraat.engine.tenancy.Municipality;
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

    @Autowired
    RuleSetCandidates candidates;

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

    @Test
    void zwolleAdoptsTheModelsWithItsChoicesOnceAndUtrechtWithTheModels() throws Exception {
        demo.createUsers();
        demo.adoptZwolleChoices();
        demo.adoptZwolleChoices();

        java.util.Map<String, String> zwolle = Municipality.call(TestUsers.ZWOLLE, () -> ownValues("PARKING_PERMIT"));
        assertThat(zwolle)
                .containsEntry("feeZoneA", "180.00")
                .containsEntry("feeZoneB", "95.00")
                .containsEntry("permitsPerAddressZoneB", "3");
        assertThat(Municipality.call(TestUsers.ZWOLLE, () -> ownValues("EVENT_NOTIFICATION")))
                .containsEntry("visitorLimit", "150");
        // (other tests of this JVM may give Utrecht choices of its own; never Zwolle's)
        assertThat(Municipality.call(Municipality.DEFAULT, () -> ownValues("PARKING_PERMIT")))
                .doesNotContainEntry("feeZoneA", "180.00");
        assertThat(Municipality.call(
                        TestUsers.ZWOLLE,
                        () -> jdbc.queryForObject(
                                "select count(*) from rule_set_candidates where format = 'CHOICES' and status = 'APPROVED'"
                                        + " and version = 'demo-1'",
                                Long.class)))
                .as("one approved version per model, however often the demo runs")
                .isEqualTo(4);
    }

    /** The municipality's own value of each choice in force today, as its officers see it. */
    private java.util.Map<String, String> ownValues(String caseType) {
        java.util.Map<String, String> values = new java.util.TreeMap<>();
        candidates.choicesInForce(caseType).stream()
                .filter(choice -> choice.ownValue() != null)
                .forEach(choice ->
                        values.put(choice.choice().name(), choice.ownValue().toPlainString()));
        return values;
    }

    private List<String> memberships(String username) {
        return jdbc.queryForList(
                "select municipality || ' ' || array_to_string(roles, ',') from user_municipalities"
                        + " where username = ? order by municipality",
                String.class,
                username);
    }
}
