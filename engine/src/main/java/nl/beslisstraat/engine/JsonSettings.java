package nl.beslisstraat.engine;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;

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

    /**
     * A date or time arrives as text (2026-07-01). Jackson would read a number as a count of days
     * or milliseconds since 1970, so {"runDate": 123} would start a run for 4 May 1970; a number
     * is refused instead, naming the field.
     */
    @Bean
    JsonMapperBuilderCustomizer datesAsText() {
        return builder -> {
            for (Class<?> type : List.of(LocalDate.class, LocalTime.class, LocalDateTime.class, OffsetDateTime.class)) {
                builder.withCoercionConfig(
                        type,
                        config -> config.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail));
            }
        };
    }
}
