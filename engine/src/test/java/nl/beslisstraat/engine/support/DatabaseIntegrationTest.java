package nl.beslisstraat.engine.support;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of the tests that start the application: points Spring at the {@link TestDatabase}, so the
 * embedded default of the application itself is never started by a test.
 */
public abstract class DatabaseIntegrationTest {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry properties) {
        properties.add("spring.datasource.url", TestDatabase::jdbcUrl);
    }
}
