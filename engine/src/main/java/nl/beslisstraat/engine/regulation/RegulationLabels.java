package nl.beslisstraat.engine.regulation;

import java.util.Locale;
import java.util.Map;

/**
 * The words a regulation brings for its pages, from the {@code labels} of its
 * {@code regulation.json}: per input field its English title (the Dutch one is the schema's
 * {@code title}, unless given here), its unit and the labels of its coded values; per reason code
 * a short label. A new regulation brings its own words; the engine's message bundles hold none.
 *
 * @param fields by field name as the application sends it
 * @param reasons by reason code, each label by language ({@code nl}, {@code en})
 */
public record RegulationLabels(Map<String, FieldLabels> fields, Map<String, Map<String, String>> reasons) {

    /** No words: pages fall back to the schema's titles and, last, to the codes themselves. */
    public static final RegulationLabels NONE = new RegulationLabels(Map.of(), Map.of());

    public RegulationLabels {
        fields = fields == null ? Map.of() : Map.copyOf(fields);
        reasons = reasons == null ? Map.of() : Map.copyOf(reasons);
    }

    /**
     * What a page says about one input field.
     *
     * @param label the field's title by language; Dutch falls back to the schema's title
     * @param unit how its number reads: {@code EUR} (an amount in euros), {@code m}, {@code m2};
     *     null for a plain number or text
     * @param values labels of its coded values (an enum), each by language
     */
    public record FieldLabels(Map<String, String> label, String unit, Map<String, Map<String, String>> values) {

        public FieldLabels {
            label = label == null ? Map.of() : Map.copyOf(label);
            values = values == null ? Map.of() : Map.copyOf(values);
        }
    }

    /** A label in the language asked for, else the Dutch one; null when there is neither. */
    public static String in(Map<String, String> label, Locale locale) {
        if (label == null) {
            return null;
        }
        String language = locale == null ? "nl" : locale.getLanguage();
        return label.getOrDefault(language, label.get("nl"));
    }
}
