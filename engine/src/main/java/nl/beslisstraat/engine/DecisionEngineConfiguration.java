package nl.beslisstraat.engine;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.FilterType;

/**
 * The engine's features (regulations, decisions, cases, review, audit, database) for another
 * application to import in-process, as the nightly job does. It leaves out the engine's own
 * application class so that the importer stays the one Spring Boot application.
 */
@Configuration(proxyBeanMethods = false)
@ComponentScan(
        basePackageClasses = DecisionEngineConfiguration.class,
        excludeFilters = @ComponentScan.Filter(type = FilterType.ANNOTATION, classes = SpringBootApplication.class))
public class DecisionEngineConfiguration {}
