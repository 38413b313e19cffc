package nl.beslisstraat.engine;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.List;
import nl.beslisstraat.engine.regulation.IsoDate;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.module.SimpleModule;

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
     * A name given twice in one object is refused. Readers differ on which of the two counts (ours
     * would take the last, an e-service's check or a reviewer's tool perhaps the first), so such a
     * document could be checked as one application and decided as another.
     */
    @Bean
    JsonMapperBuilderCustomizer oneValuePerName() {
        return builder -> builder.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION);
    }

    /**
     * A date is read as the product writes one, yyyy-mm-dd ({@link IsoDate}): Jackson's own reader
     * also takes {@code "+12345-01-01"} and {@code "-999999-01-01"}, dates no regulation means and
     * the database stores as minus infinity or not at all. Anything else is refused naming the field.
     */
    @Bean
    JsonMapperBuilderCustomizer datesAsWritten() {
        return builder -> builder.addModule(
                new SimpleModule("dates-as-written").addDeserializer(LocalDate.class, new DateAsWritten()));
    }

    private static final class DateAsWritten extends ValueDeserializer<LocalDate> {

        @Override
        public LocalDate deserialize(JsonParser parser, DeserializationContext context) {
            if (!parser.hasToken(JsonToken.VALUE_STRING)) {
                return (LocalDate) context.handleUnexpectedToken(LocalDate.class, parser);
            }
            String text = parser.getString().strip();
            try {
                return IsoDate.parse(text);
            } catch (DateTimeException notADate) {
                throw context.weirdStringException(text, LocalDate.class, "not a date written as yyyy-mm-dd");
            }
        }
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
