package nl.beslisstraat.engine.regulation;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import nl.beslisstraat.engine.regulation.table.CellSelector;

/**
 * A part of a shared model that each municipality adopting it may set for itself, within a range
 * the model declares ({@code localChoices} in {@code regulation.json}): a fee per zone, a visitor
 * limit, the share of a norm. Everything else in the model is the same for every municipality.
 *
 * <p>A choice either sets cells of the model's decision table ({@code cells}: the value replaces
 * the model's wherever the model filled one in) or takes a share of a norm the rules read
 * ({@code shareOfNorm}: the field bound to that norm gets that percentage of it). Its value is also
 * a figure motivations can name, {@code {visitorLimit}}, so that the text a citizen reads says the
 * municipality's number.
 *
 * @param name the choice's name, an identifier, also its placeholder in motivations
 * @param label what officers read, by language
 * @param kind integer, decimal (amounts, metres) or percentage
 * @param scale decimals a value may have
 * @param atMost the name of another choice this one may not exceed (the review band below the
 *     income limit), or null
 * @param fallback the value when neither the model's table nor the municipality sets one: only for
 *     a share of a norm, which has no cell
 */
public record LocalChoice(
        String name,
        Map<String, String> label,
        Kind kind,
        Integer scale,
        BigDecimal min,
        BigDecimal max,
        String atMost,
        List<CellSelector> cells,
        String shareOfNorm,

        @com.fasterxml.jackson.annotation.JsonProperty("default")
        BigDecimal fallback) {

    public LocalChoice {
        label = label == null ? Map.of() : Map.copyOf(label);
        cells = cells == null ? List.of() : List.copyOf(cells);
        scale = scale == null ? (kind == Kind.INTEGER ? 0 : 2) : scale;
    }

    public enum Kind {
        @com.fasterxml.jackson.annotation.JsonProperty("integer")
        INTEGER,
        @com.fasterxml.jackson.annotation.JsonProperty("decimal")
        DECIMAL,
        @com.fasterxml.jackson.annotation.JsonProperty("percentage")
        PERCENTAGE
    }

    /** The label in the language asked for, else the Dutch one, else the name. */
    public String label(Locale locale) {
        String language = locale == null ? "nl" : locale.getLanguage();
        return label.getOrDefault(language, label.getOrDefault("nl", name));
    }

    /**
     * Why {@code value} cannot be this choice, for the officer in both languages; empty when it can.
     *
     * @param others the other values of the same version, for {@link #atMost}
     */
    public Optional<Phrase> problem(BigDecimal value, Map<String, BigDecimal> others) {
        Phrase what = new Phrase(
                label(Locale.forLanguageTag("nl")) + " (" + name + ")", label(Locale.ENGLISH) + " (" + name + ")");
        if (value == null) {
            return Optional.of(Phrase.of("{0}: vul een getal in.", "{0}: fill in a number.", what));
        }
        if (value.stripTrailingZeros().scale() > scale) {
            return Optional.of(Phrase.of(
                    "{0}: ten hoogste {1} decimalen, niet {2}.",
                    "{0}: at most {1} decimals, not {2}.", what, scale, Phrase.number(value)));
        }
        if (value.compareTo(min) < 0 || value.compareTo(max) > 0) {
            return Optional.of(Phrase.of(
                    "{0}: hier hoort een getal van {1} tot en met {2}, niet {3}.",
                    "{0}: this takes a number from {1} up to and including {2}, not {3}.",
                    what,
                    Phrase.number(min),
                    Phrase.number(max),
                    Phrase.number(value)));
        }
        BigDecimal ceiling = atMost == null ? null : others.get(atMost);
        if (ceiling != null && value.compareTo(ceiling) > 0) {
            return Optional.of(Phrase.of(
                    "{0}: mag niet hoger zijn dan {1} ({2}).",
                    "{0}: may not be higher than {1} ({2}).", what, atMost, Phrase.number(ceiling)));
        }
        return Optional.empty();
    }
}
