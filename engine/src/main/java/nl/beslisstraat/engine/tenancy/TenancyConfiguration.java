package nl.beslisstraat.engine.tenancy;

import javax.sql.DataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.flyway.autoconfigure.FlywayConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Puts {@link MunicipalityDataSource} in front of the application's data source, so the
 * JdbcTemplate, the transaction manager and Spring Batch all get connections set to the current
 * municipality; Flyway alone keeps the connections as configured (the schema's owner), because
 * migrations create and alter what the application role may only use.
 */
@Configuration(proxyBeanMethods = false)
class TenancyConfiguration {

    /** The role the application works as; V14 creates it and grants it the tables. */
    static final String ROLE_PROPERTY = "beslisstraat.database.application-role";

    @Bean
    static BeanPostProcessor municipalityDataSource(Environment environment) {
        String role = environment.getProperty(ROLE_PROPERTY, "beslisstraat_app");
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                if (bean instanceof DataSource dataSource && !(bean instanceof MunicipalityDataSource)) {
                    return new MunicipalityDataSource(dataSource, role);
                }
                return bean;
            }
        };
    }

    @Bean
    FlywayConfigurationCustomizer migrateAsOwner() {
        return configuration -> {
            if (configuration.getDataSource() instanceof MunicipalityDataSource tenant) {
                configuration.dataSource(tenant.getTargetDataSource());
            }
        };
    }
}
