package nl.beslisstraat.engine.vocabulary;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.Instant;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAccessor;
import java.util.Locale;
import nl.beslisstraat.engine.regulation.DecisionDeadline;
import nl.beslisstraat.engine.regulation.IsoDate;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * Money, numbers, dates and yes/no as a reader of the page's language expects them:
 * {@code € 240,00} and {@code 15 maart 2026} in Dutch, {@code €240.00} and {@code 15 March 2026}
 * in English. Moments read in Dutch time, as the audit trail's "when" must. Values that are not
 * what they should be (an amount that is no number) are shown as they are rather than hidden.
 * Templates call it as {@code @formats}.
 */
@Component("formats")
public class PageFormats {

    private static final Locale DUTCH = Locale.forLanguageTag("nl-NL");

    private final MessageSource messages;

    PageFormats(MessageSource messages) {
        this.messages = messages;
    }

    /** An amount in euros with cents: {@code € 1.245,00} / {@code €1,245.00}. */
    public String money(Object amount) {
        BigDecimal value = decimal(amount);
        if (value == null) {
            return text(amount);
        }
        DecimalFormat format = new DecimalFormat("#,##0.00", symbols());
        return (english() ? "€" : "€ ") + format.format(value);
    }

    /** A number with the language's decimal separator, its decimals as given: {@code 4,35}. */
    public String number(Object number) {
        BigDecimal value = decimal(number);
        if (value == null) {
            return text(number);
        }
        DecimalFormat format = new DecimalFormat("#,##0", symbols());
        format.setMinimumFractionDigits(Math.max(0, value.scale()));
        format.setMaximumFractionDigits(Math.max(0, value.scale()));
        return format.format(value);
    }

    /** A date written out: {@code 15 maart 2026} / {@code 15 March 2026}; an ISO text is read first. */
    public String date(Object date) {
        LocalDate day = day(date);
        return day == null
                ? text(date)
                : DateTimeFormatter.ofPattern("d MMMM yyyy", locale()).format(day);
    }

    /**
     * A moment in Dutch time: {@code 15 maart 2026 14:03}. Takes what the pages hold: an
     * {@link OffsetDateTime}, a {@link ZonedDateTime} or an {@link Instant}.
     */
    public String dateTime(Object moment) {
        return moment(moment, "d MMMM yyyy HH:mm");
    }

    /** A moment in Dutch time to the second, for the audit trail: {@code 15 maart 2026 14:03:07}. */
    public String dateTimeSeconds(Object moment) {
        return moment(moment, "d MMMM yyyy HH:mm:ss");
    }

    /**
     * A moment with its weekday, for planned starts an operator plans a night around:
     * {@code maandag 30 november 2026 02:00} / {@code Monday 30 November 2026 02:00}.
     */
    public String dayDateTime(Object moment) {
        return moment(moment, "EEEE d MMMM yyyy HH:mm");
    }

    /** A short day label where room is scarce, as under a chart's bars: {@code 1 dec.} / {@code 1 Dec}. */
    public String shortDay(Object date) {
        LocalDate day = day(date);
        return day == null
                ? text(date)
                : DateTimeFormatter.ofPattern("d MMM", locale()).format(day);
    }

    /**
     * A day of the year as a rule table writes it ({@code 31-12}, day and month) in words:
     * {@code 31 december} / {@code 31 December}; anything else as it is.
     */
    public String dayOfYear(Object day) {
        String text = text(day).strip();
        if (!text.matches("[0-9]{1,2}-[0-9]{1,2}")) {
            return text(day);
        }
        String[] parts = text.split("-");
        try {
            return DateTimeFormatter.ofPattern("d MMMM", locale())
                    .format(MonthDay.of(Integer.parseInt(parts[1]), Integer.parseInt(parts[0])));
        } catch (java.time.DateTimeException noSuchDay) {
            return text(day);
        }
    }

    /** A number to a fixed count of decimals: {@code 12,5} / {@code 12.5}. */
    public String number(Object number, int decimals) {
        BigDecimal value = decimal(number);
        if (value == null) {
            return text(number);
        }
        DecimalFormat format = new DecimalFormat("#,##0", symbols());
        format.setMinimumFractionDigits(decimals);
        format.setMaximumFractionDigits(decimals);
        format.setRoundingMode(RoundingMode.HALF_UP);
        return format.format(value);
    }

    /** A share (0 to 1) as a whole percentage: {@code 70%}. */
    public String percent(Object share) {
        BigDecimal value = decimal(share);
        return value == null ? text(share) : number(value.movePointRight(2), 0) + "%";
    }

    /** ja/nee, yes/no. */
    public String yesNo(boolean yes) {
        return messages.getMessage(yes ? "words.yes" : "words.no", null, yes ? "ja" : "nee", locale());
    }

    static boolean english() {
        return locale().getLanguage().equals("en");
    }

    static Locale locale() {
        Locale locale = LocaleContextHolder.getLocale();
        return locale.getLanguage().equals("en") ? Locale.ENGLISH : DUTCH;
    }

    private static DecimalFormatSymbols symbols() {
        return DecimalFormatSymbols.getInstance(english() ? Locale.ENGLISH : DUTCH);
    }

    static BigDecimal decimal(Object value) {
        if (value instanceof BigDecimal decimal) {
            return decimal;
        }
        if (value instanceof Number number) {
            return new BigDecimal(number.toString());
        }
        if (value instanceof JsonNode node) {
            return node.isNumber() ? node.decimalValue() : decimal(node.isString() ? node.asString() : null);
        }
        if (value instanceof String text && text.strip().matches("-?[0-9]+(\\.[0-9]+)?")) {
            return new BigDecimal(text.strip());
        }
        return null;
    }

    private static String moment(Object moment, String pattern) {
        ZonedDateTime dutch = dutchTime(moment);
        return dutch == null
                ? text(moment)
                : DateTimeFormatter.ofPattern(pattern, locale()).format(dutch);
    }

    private static ZonedDateTime dutchTime(Object moment) {
        if (moment instanceof OffsetDateTime offset) {
            return offset.atZoneSameInstant(DecisionDeadline.NETHERLANDS);
        }
        if (moment instanceof ZonedDateTime zoned) {
            return zoned.withZoneSameInstant(DecisionDeadline.NETHERLANDS);
        }
        if (moment instanceof Instant instant) {
            return instant.atZone(DecisionDeadline.NETHERLANDS);
        }
        return null;
    }

    private static LocalDate day(Object value) {
        if (value instanceof LocalDate date) {
            return date;
        }
        if (value instanceof TemporalAccessor temporal) {
            return LocalDate.from(temporal);
        }
        String text = value instanceof JsonNode node ? (node.isString() ? node.asString() : null) : text(value);
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return IsoDate.parse(text.strip());
        } catch (DateTimeParseException notADate) {
            return null;
        }
    }

    private static String text(Object value) {
        if (value == null) {
            return "";
        }
        return value instanceof JsonNode node && node.isValueNode() ? node.asString() : value.toString();
    }
}
