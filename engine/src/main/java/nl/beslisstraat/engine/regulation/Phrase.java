package nl.beslisstraat.engine.regulation;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.json.JsonMapper;

/**
 * A text an officer reads, in both languages of the pages: why an upload or a step is refused.
 * Where the refusal is found the page's language is not known (a reader, a check, the REST API
 * in between), so the refusal carries both; a page shows the one of its language, the API the
 * Dutch one. Names of sheets, cells, fields and versions are the same in both.
 *
 * <p>In JSON a phrase is its Dutch text, as the API answers. What is stored to be shown on a page
 * later (a draft's verification findings) keeps both, {@code {"nl": ..., "en": ...}}, written with
 * {@link #storing}; either form reads back, a plain text as the same in both languages
 * (as findings stored before they had both were written).
 *
 * @param nl the Dutch text
 * @param en the English text
 */
public record Phrase(String nl, String en) {

    private static final Locale DUTCH = Locale.forLanguageTag("nl-NL");
    private static final Pattern PLACE = Pattern.compile("\\{([0-9])\\}");

    @JsonCreator(mode = JsonCreator.Mode.PROPERTIES)
    public Phrase {
        Objects.requireNonNull(nl);
        en = en == null ? nl : en;
    }

    /** The mapper with phrases written in both languages, to store them for the pages. */
    public static JsonMapper storing(JsonMapper json) {
        return json.rebuild().addMixIn(Phrase.class, BothLanguages.class).build();
    }

    /** Turns off the Dutch-only form, so that a phrase is written as its record: both languages. */
    private abstract static class BothLanguages {
        @JsonValue(false)
        abstract String dutch();
    }

    /** A phrase stored as one text, before it had both languages: the same in both. */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    static Phrase stored(String text) {
        return same(text);
    }

    /** The Dutch text, as the API answers. */
    @JsonValue
    String dutch() {
        return nl;
    }

    /**
     * Both texts with {@code {0}}, {@code {1}}... replaced by the arguments: a phrase argument in
     * the text's own language, anything else as its text.
     */
    public static Phrase of(String nl, String en, Object... arguments) {
        return new Phrase(fill(nl, arguments, false), fill(en, arguments, true));
    }

    /** A text that reads the same in both languages: a name, or a message from elsewhere. */
    public static Phrase same(String text) {
        return new Phrase(text == null ? "" : text, text == null ? "" : text);
    }

    /** An amount in euros: {@code € 1.245,00} / {@code €1,245.00}. */
    public static Phrase money(BigDecimal amount) {
        return new Phrase("€ " + format(amount, false, 2), "€" + format(amount, true, 2));
    }

    /** A date in words: {@code 15 maart 2026} / {@code 15 March 2026}. */
    public static Phrase date(LocalDate date) {
        return new Phrase(
                DateTimeFormatter.ofPattern("d MMMM yyyy", DUTCH).format(date),
                DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH).format(date));
    }

    /** A number with its own decimals: {@code 4,35} / {@code 4.35}. */
    public static Phrase number(BigDecimal number) {
        int decimals = Math.max(0, number.scale());
        return new Phrase(format(number, false, decimals), format(number, true, decimals));
    }

    /** The phrases joined by a separator, which may itself differ per language. */
    public static Phrase join(Phrase separator, List<Phrase> phrases) {
        return new Phrase(
                String.join(separator.nl, phrases.stream().map(Phrase::nl).toList()),
                String.join(separator.en, phrases.stream().map(Phrase::en).toList()));
    }

    /** The phrases as texts in one language. */
    public static List<String> in(List<Phrase> phrases, Locale locale) {
        return phrases.stream().map(phrase -> phrase.in(locale)).toList();
    }

    /** The text in the language asked for: English for English, else Dutch. */
    public String in(Locale locale) {
        return locale != null && locale.getLanguage().equals("en") ? en : nl;
    }

    /** This phrase followed by another. */
    public Phrase then(Phrase next) {
        return new Phrase(nl + next.nl, en + next.en);
    }

    @Override
    public String toString() {
        return nl;
    }

    private static String fill(String text, Object[] arguments, boolean english) {
        // one pass, so that an argument's own "{1}" (a cell as typed) is never filled in
        Matcher place = PLACE.matcher(text);
        StringBuilder filled = new StringBuilder();
        while (place.find()) {
            int index = Integer.parseInt(place.group(1));
            String value = place.group();
            if (index < arguments.length) {
                Object argument = arguments[index];
                value = argument instanceof Phrase phrase
                        ? (english ? phrase.en : phrase.nl)
                        : argument instanceof BigDecimal decimal ? decimal.toPlainString() : String.valueOf(argument);
            }
            place.appendReplacement(filled, Matcher.quoteReplacement(value));
        }
        place.appendTail(filled);
        return filled.toString();
    }

    private static String format(BigDecimal value, boolean english, int decimals) {
        DecimalFormat format =
                new DecimalFormat("#,##0", DecimalFormatSymbols.getInstance(english ? Locale.ENGLISH : DUTCH));
        format.setMinimumFractionDigits(decimals);
        format.setMaximumFractionDigits(decimals);
        return format.format(value);
    }
}
