package nl.beslisstraat.engine.tenancy;

import com.zaxxer.hikari.HikariDataSource;
import javax.sql.DataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.flyway.autoconfigure.FlywayConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Two logins to one database. The configured data source ({@code spring.datasource.*}, or the
 * embedded server's) is the schema owner's: Flyway alone uses it, because migrations create and
 * alter what the application may only use. In its place the application gets a {@link
 * MunicipalityDataSource} over a pool of the runtime role's own connections ({@link RuntimeLogin}),
 * so the JdbcTemplate, the transaction manager and Spring Batch all work subject to row-level
 * security, for the current municipality, on connections that cannot become anything more.
 */
@Configuration(proxyBeanMethods = false)
class TenancyConfiguration {

    @Bean
    static BeanPostProcessor runtimeDataSource(Environment environment) {
        RuntimeLogin login = RuntimeLogin.from(environment);
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                if (bean instanceof MunicipalityDataSource || !(bean instanceof DataSource)) {
                    return bean;
                }
                if (bean instanceof HikariDataSource owner) {
                    return new MunicipalityDataSource(login.pool(owner), RuntimeLogin.forMigrations(owner));
                }
                // any other data source would hand out connections nobody made subject to row-level security
                throw new IllegalStateException("Data source '" + beanName + "' is a "
                        + bean.getClass().getName() + "; the application's runtime pool is derived from a"
                        + " HikariDataSource (spring.datasource.*)");
            }
        };
    }

    @Bean
    FlywayConfigurationCustomizer migrateAsOwner() {
        return configuration -> {
            if (configuration.getDataSource() instanceof MunicipalityDataSource tenant) {
                configuration.dataSource(tenant.owner());
            }
        };
    }
}
