package nl.beslisstraat.engine.support;

import nl.beslisstraat.engine.security.UserAccounts;
import nl.beslisstraat.engine.tenancy.Municipality;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of the tests that start the application: points Spring at the {@link TestDatabase}, so the
 * embedded default of the application itself is never started by a test, and provides the
 * {@link TestUsers}.
 */
public abstract class DatabaseIntegrationTest {

    @Autowired
    protected UserAccounts accounts;

    private Municipality.Scope municipality;

    /**
     * The test thread works for the default municipality, as every existing test's data does; and
     * one user per role with a known password ({@link TestUsers}), for tests that
     * sign in.
     */
    @BeforeEach
    void testUsers() {
        municipality = Municipality.enter(Municipality.DEFAULT);
        TestUsers.ensure(accounts);
    }

    @AfterEach
    void leaveMunicipality() {
        municipality.close();
    }

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry properties) {
        properties.add("spring.datasource.url", TestDatabase::jdbcUrl);
        // no background simulations racing the tests' own requests and assertions
        properties.add("beslisstraat.simulation.warm-up-cases", () -> "0");
    }
}
