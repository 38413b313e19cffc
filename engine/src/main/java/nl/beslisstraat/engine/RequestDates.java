package nl.beslisstraat.engine;

import java.text.ParseException;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Locale;
import nl.beslisstraat.engine.regulation.IsoDate;
import org.springframework.context.annotation.Configuration;
import org.springframework.format.Formatter;
import org.springframework.format.FormatterRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * A date in a request's parameters or form fields is read as the product writes one, yyyy-mm-dd
 * ({@link IsoDate}), whatever its {@code @DateTimeFormat} says. Spring's ISO reader also takes
 * years such as {@code +12345} and {@code -999999}, which no regulation means and the database
 * stores as minus infinity or not at all. Any other text answers 400 naming the parameter
 * ({@link ApiRequestProblems}), or the page's own refusal.
 */
@Configuration(proxyBeanMethods = false)
class RequestDates implements WebMvcConfigurer {

    @Override
    public void addFormatters(FormatterRegistry registry) {
        // registered after Spring's own date formatters, so this one is asked first
        registry.addFormatterForFieldType(LocalDate.class, new AsWritten());
    }

    private static final class AsWritten implements Formatter<LocalDate> {

        @Override
        public LocalDate parse(String text, Locale locale) throws ParseException {
            try {
                return IsoDate.parse(text.strip());
            } catch (DateTimeException notADate) {
                throw new ParseException("not a date written as yyyy-mm-dd: " + text, 0);
            }
        }

        @Override
        public String print(LocalDate date, Locale locale) {
            return date.toString();
        }
    }
}
