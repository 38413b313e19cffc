package nl.beslisstraat.engine.decision;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * Fills a motivation template's {@code {field}} placeholders with the case's own figures, written
 * the way a citizen reads them in that language: "6,01" and "1 juli 2026" in Dutch, "6.01" and
 * "1 July 2026" in English. Amounts keep their cents ("EUR 1.245,00").
 */
final class Motivations {

    static final Locale DUTCH = Locale.forLanguageTag("nl-NL");
    static final Map<String, Locale> LANGUAGES = Map.of("nl", DUTCH, "en", Locale.UK);
    private static final DateTimeFormatter DUTCH_DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", DUTCH);
    private static final DateTimeFormatter ENGLISH_DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);
    // the same for four-digit years, written without a formatter per figure
    private static final String[] DUTCH_MONTHS = monthNames(DUTCH);
    private static final String[] ENGLISH_MONTHS = monthNames(Locale.UK);

    /** What a figure look-up answers for a name that is no figure of the case. */
    static final Object NO_SUCH_FIGURE = new Object();

    private Motivations() {}

    private static String[] monthNames(Locale locale) {
        DateTimeFormatter month = DateTimeFormatter.ofPattern("MMMM", locale);
        String[] names = new String[12];
        for (int m = 1; m <= 12; m++) {
            names[m - 1] = LocalDate.of(2026, m, 1).format(month);
        }
        return names;
    }

    /**
     * @param figure the case's figure of a name, {@link #NO_SUCH_FIGURE} when it has none: looked up
     *     per placeholder, as a template names a few of the case's many figures
     */
    static Map<String, String> render(Map<String, String> templates, Function<String, Object> figure) {
        Map<String, String> rendered = new LinkedHashMap<>();
        templates.forEach((language, template) ->
                rendered.put(language, render(template, figure, LANGUAGES.getOrDefault(language, DUTCH))));
        return rendered;
    }

    static String render(String template, Map<String, Object> values, Locale locale) {
        return render(template, name -> values.containsKey(name) ? values.get(name) : NO_SUCH_FIGURE, locale);
    }

    static String render(String template, Function<String, Object> figure, Locale locale) {
        boolean dutch = isDutch(locale);
        StringBuilder out = new StringBuilder(template.length() + 32);
        int at = 0;
        while (at < template.length()) {
            int open = template.indexOf('{', at);
            int close = open < 0 ? -1 : template.indexOf('}', open);
            if (close < 0) {
                out.append(template, at, template.length());
                break;
            }
            String name = template.substring(open + 1, close);
            out.append(template, at, open);
            Object value = figure.apply(name);
            if (value != NO_SUCH_FIGURE) {
                append(out, value, dutch);
            } else {
                out.append(template, open, close + 1); // an unknown name stays visible, not silently blank
            }
            at = close + 1;
        }
        return out.toString();
    }

    static String format(Object value, Locale locale) {
        StringBuilder out = new StringBuilder();
        append(out, value, isDutch(locale));
        return out.toString();
    }

    private static boolean isDutch(Locale locale) {
        return locale.getLanguage().equals("nl");
    }

    /** Written straight into the motivation: it runs for every figure of every nightly decision. */
    private static void append(StringBuilder out, Object value, boolean dutch) {
        if (value == null) {
            out.append(dutch ? "geen" : "none");
        } else if (value instanceof BigDecimal decimal) {
            appendDecimal(out, decimal, dutch ? '.' : ',', dutch ? ',' : '.');
        } else if (value instanceof Boolean flag) {
            out.append(flag ? (dutch ? "ja" : "yes") : (dutch ? "nee" : "no"));
        } else if (value instanceof LocalDate date && (date.getYear() < 1000 || date.getYear() > 9999)) {
            out.append(date.format(dutch ? DUTCH_DATE : ENGLISH_DATE));
        } else if (value instanceof LocalDate date) {
            out.append(date.getDayOfMonth())
                    .append(' ')
                    .append((dutch ? DUTCH_MONTHS : ENGLISH_MONTHS)[date.getMonthValue() - 1])
                    .append(' ')
                    .append(date.getYear());
        } else {
            out.append(value);
        }
    }

    /**
     * 1245.5 as "1.245,5" (Dutch) or "1,245.5" (English), keeping the scale it has. Written out
     * by hand because it runs for every figure of every nightly decision and DecimalFormat is
     * neither cheap to create nor safe to share between threads.
     */
    private static void appendDecimal(StringBuilder out, BigDecimal value, char grouping, char decimalSeparator) {
        String plain = value.toPlainString();
        boolean negative = plain.startsWith("-");
        int point = plain.indexOf('.');
        int from = negative ? 1 : 0;
        int digits = (point < 0 ? plain.length() : point) - from;
        if (negative) {
            out.append('-');
        }
        for (int i = 0; i < digits; i++) {
            if (i > 0 && (digits - i) % 3 == 0) {
                out.append(grouping);
            }
            out.append(plain.charAt(from + i));
        }
        if (point >= 0) {
            out.append(decimalSeparator).append(plain, point + 1, plain.length());
        }
    }
}
