package nl.beslisstraat.engine.regulation.table;

import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import nl.beslisstraat.engine.regulation.Phrase;
import nl.beslisstraat.rules.Outcome;

/**
 * What the verification of a decision table says about its rows, in both languages of the pages:
 * the same findings for a table in the template's layout ({@link TableVerifier}) and for a DMN
 * model's tables, so an officer reads one explanation whichever format was uploaded.
 */
public final class Findings {

    /** The pages' own labels: the bundle without a language is the Dutch one. */
    private static final ResourceBundle PAGES_DUTCH = ResourceBundle.getBundle("messages", Locale.ROOT);

    private static final ResourceBundle PAGES_ENGLISH = ResourceBundle.getBundle("messages", Locale.ENGLISH);

    private Findings() {}

    /** Two rows that both set an amount for one case: the amounts would add up. */
    public static Phrase amountTwice(String amount) {
        return Phrase.of(
                "Beide regels stellen {0} vast; bij een aanvraag waarvoor beide gelden, worden de bedragen opgeteld."
                        + " Maak de voorwaarden elkaar uitsluitend.",
                "Both rules set {0}; for an application both apply to, the amounts are added up. Make the"
                        + " conditions exclude each other.",
                amount);
    }

    /** Two rows that both set a date for one case: only one can hold. */
    public static Phrase dateTwice(String date) {
        return Phrase.of(
                "Beide regels stellen {0} vast; maar één datum kan gelden. Maak de voorwaarden elkaar uitsluitend.",
                "Both rules set {0}; only one date can hold. Make the conditions exclude each other.", date);
    }

    /** Two rows with different outcomes for one case: the hit policy resolves it. */
    public static Phrase strongestDecides(Outcome strongest) {
        return Phrase.of(
                "De uitkomsten verschillen; de sterkste uitkomst ({0}) beslist.",
                "The outcomes differ; the strongest outcome ({0}) decides.", inWords(strongest));
    }

    /**
     * An outcome as the pages name it ({@code outcome.*} in the message bundles), inside a
     * sentence: the officer reads "afgewezen", not the API's REJECTED.
     */
    static Phrase inWords(Outcome outcome) {
        String label = "outcome." + outcome.name();
        return new Phrase(
                PAGES_DUTCH.getString(label).toLowerCase(Locale.ROOT),
                PAGES_ENGLISH.getString(label).toLowerCase(Locale.ROOT));
    }

    /** Two rows that both add a percentage to one amount: they add up, as intended. */
    public static Phrase percentagesAdd(String amount) {
        return Phrase.of(
                "Beide regels tellen een percentage op bij {0}; de percentages worden opgeteld.",
                "Both rules add a percentage to {0}; the percentages are added up.", amount);
    }

    /** A row whose every case a stronger outcome of the named rows decides. */
    public static Phrase strongerOutcomeDecides(List<Phrase> rules) {
        return Phrase.of(
                "Voor elke aanvraag waarvoor deze regel geldt, beslist een sterkere uitkomst: {0}. Deze regel bepaalt"
                        + " de uitkomst dus nooit.",
                "For every application this rule applies to, a stronger outcome decides: {0}. So this rule never"
                        + " decides the outcome.",
                Phrase.join(Phrase.same("; "), rules));
    }

    /** The values a gap takes of a closed list: "geen van A, B" / "none of A, B". */
    public static Phrase noneOf(List<Phrase> values) {
        return Phrase.of("geen van {0}", "none of {0}", Phrase.join(Phrase.same(", "), values));
    }

    /** "een van A, B" / "one of A, B". */
    public static Phrase oneOf(List<Phrase> values) {
        return Phrase.of("een van {0}", "one of {0}", Phrase.join(Phrase.same(", "), values));
    }

    /** A lower bound: "minstens 4" / "at least 4", or "meer dan 4" / "more than 4". */
    public static Phrase from(Phrase value, boolean included) {
        return included
                ? Phrase.of("minstens {0}", "at least {0}", value)
                : Phrase.of("meer dan {0}", "more than {0}", value);
    }

    /** An upper bound: "ten hoogste 4" / "at most 4", or "minder dan 4" / "less than 4". */
    public static Phrase upTo(Phrase value, boolean included) {
        return included
                ? Phrase.of("ten hoogste {0}", "at most {0}", value)
                : Phrase.of("minder dan {0}", "less than {0}", value);
    }

    /** Bounds of one input together: "meer dan 6 en ten hoogste 30" / "more than 6 and at most 30". */
    public static Phrase and(List<Phrase> bounds) {
        return Phrase.join(new Phrase(" en ", " and "), bounds);
    }

    /** A yes/no input's value. */
    public static Phrase yesNo(boolean yes) {
        return yes ? new Phrase("ja", "yes") : new Phrase("nee", "no");
    }

    /** An input with no value in an example case. */
    public static Phrase empty() {
        return new Phrase("(leeg)", "(empty)");
    }

    /** An input of which any value will do. */
    public static Phrase anyValue() {
        return new Phrase("elke waarde", "any value");
    }

    /** A code outside a closed list. */
    public static Phrase other() {
        return new Phrase("(anders)", "(other)");
    }
}
