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

    /** What a figure look-up answers for a name that is no figure of the case. */
    static final Object NO_SUCH_FIGURE = new Object();

    private Motivations() {}

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
                out.append(format(value, locale));
            } else {
                out.append(template, open, close + 1); // an unknown name stays visible, not silently blank
            }
            at = close + 1;
        }
        return out.toString();
    }

    static String format(Object value, Locale locale) {
        boolean dutch = locale.getLanguage().equals("nl");
        if (value == null) {
            return dutch ? "geen" : "none";
        }
        if (value instanceof BigDecimal decimal) {
            return dutch ? decimal(decimal, '.', ',') : decimal(decimal, ',', '.');
        }
        if (value instanceof Boolean flag) {
            return flag ? (dutch ? "ja" : "yes") : (dutch ? "nee" : "no");
        }
        if (value instanceof LocalDate date) {
            return date.format(dutch ? DUTCH_DATE : ENGLISH_DATE);
        }
        return value.toString();
    }

    /**
     * 1245.5 as "1.245,5" (Dutch) or "1,245.5" (English), keeping the scale it has. Written out
     * by hand because it runs for every figure of every nightly decision and DecimalFormat is
     * neither cheap to create nor safe to share between threads.
     */
    static String decimal(BigDecimal value, char grouping, char decimalSeparator) {
        String plain = value.toPlainString();
        boolean negative = plain.startsWith("-");
        int point = plain.indexOf('.');
        String digits = plain.substring(negative ? 1 : 0, point < 0 ? plain.length() : point);
        StringBuilder out = new StringBuilder(plain.length() + digits.length() / 3 + 1);
        if (negative) {
            out.append('-');
        }
        for (int i = 0; i < digits.length(); i++) {
            if (i > 0 && (digits.length() - i) % 3 == 0) {
                out.append(grouping);
            }
            out.append(digits.charAt(i));
        }
        if (point >= 0) {
            out.append(decimalSeparator).append(plain, point + 1, plain.length());
        }
        return out.toString();
    }
}
