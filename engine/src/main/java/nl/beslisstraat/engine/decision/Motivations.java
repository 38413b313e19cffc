package nl.beslisstraat.engine.decision;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Fills a motivation template's {@code {field}} placeholders with the case's own figures, written
 * the way a citizen reads them in that language: "6,01" and "1 juli 2026" in Dutch, "6.01" and
 * "1 July 2026" in English. Amounts keep their cents ("EUR 1.245,00").
 */
final class Motivations {

    static final Locale DUTCH = Locale.forLanguageTag("nl-NL");
    static final Map<String, Locale> LANGUAGES = Map.of("nl", DUTCH, "en", Locale.UK);

    private Motivations() {}

    static Map<String, String> render(Map<String, String> templates, Map<String, Object> values) {
        Map<String, String> rendered = new LinkedHashMap<>();
        templates.forEach((language, template) ->
                rendered.put(language, render(template, values, LANGUAGES.getOrDefault(language, DUTCH))));
        return rendered;
    }

    static String render(String template, Map<String, Object> values, Locale locale) {
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
            if (values.containsKey(name)) {
                out.append(format(values.get(name), locale));
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
            DecimalFormat format = new DecimalFormat("#,##0", DecimalFormatSymbols.getInstance(locale));
            format.setMinimumFractionDigits(Math.max(0, decimal.scale()));
            format.setMaximumFractionDigits(Math.max(0, decimal.scale()));
            return format.format(decimal);
        }
        if (value instanceof Boolean flag) {
            return flag ? (dutch ? "ja" : "yes") : (dutch ? "nee" : "no");
        }
        if (value instanceof LocalDate date) {
            return date.format(DateTimeFormatter.ofPattern("d MMMM yyyy", locale));
        }
        return value.toString();
    }
}
