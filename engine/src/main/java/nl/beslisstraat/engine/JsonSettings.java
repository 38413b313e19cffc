package nl.beslisstraat.engine;

import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.DeserializationFeature;

/**
 * How the engine reads JSON. Amounts and measures arrive as numbers too ("vehicleLength": 6.01);
 * read as a double, 6.0000000000000001 would become 6.0 and pass a rule it breaks. So every
 * decimal is read as a BigDecimal, exactly as sent, and stored that way.
 */
@Configuration(proxyBeanMethods = false)
public class JsonSettings {

    @Bean
    JsonMapperBuilderCustomizer exactDecimals() {
        return builder -> builder.enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    }
}
