package nl.beslisstraat.engine.regulation;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import nl.beslisstraat.engine.regulation.table.CellSelector;
import nl.beslisstraat.engine.regulation.table.DecisionTable;

/**
 * One version of a municipality's choices on a shared model: the values it sets, in force from
 * its effective date with whichever model version is in force then. A choice it leaves out follows
 * the model, so a new model value reaches it too.
 *
 * @param municipality CBS code, such as {@code 0193}
 * @param version the municipality's own label for this version, such as {@code 2026.1}
 * @param effectiveFrom null while a draft
 */
public record LocalChoices(
        String municipality,
        String caseType,
        String version,
        LocalDate effectiveFrom,
        SortedMap<String, BigDecimal> values) {

    public LocalChoices {
        values = new TreeMap<>(values);
    }

    /**
     * How a model version with these choices is labelled on a decision:
     * {@code PARKING_PERMIT/2026.2+0193-2026.1}, model version first.
     */
    public String labelOn(String modelVersion) {
        return modelVersion + "+" + municipality + "-" + version;
    }

    /** The values as {@code name=value} lines in name order: what is stored and what the hash covers. */
    public byte[] canonical() {
        StringBuilder text = new StringBuilder();
        values.forEach((name, value) ->
                text.append(name).append('=').append(value.toPlainString()).append('\n'));
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** SHA-256 (hex) of {@link #canonical()}: these values, whatever model they are set on. */
    public String contentHash() {
        return ContentHash.of(new String(canonical(), StandardCharsets.UTF_8));
    }

    /** Reads what {@link #canonical()} wrote. */
    public static LocalChoices read(
            String municipality, String caseType, String version, LocalDate effectiveFrom, byte[] canonical) {
        SortedMap<String, BigDecimal> values = new TreeMap<>();
        for (String line : new String(canonical, StandardCharsets.UTF_8).split("\n")) {
            int is = line.indexOf('=');
            if (is > 0) {
                values.put(line.substring(0, is), new BigDecimal(line.substring(is + 1)));
            }
        }
        return new LocalChoices(municipality, caseType, version, effectiveFrom, values);
    }

    /** A municipality's choices as typed by its officer, and what is wrong with them (nothing when they can be set). */
    public record Draft(LocalChoices choices, List<Phrase> problems) {}

    /**
     * Reads an officer's values ("180,00" or "180.00", by choice name) into a draft version of
     * choices on the model: every value that is not a number, out of range, or names no choice of
     * the model is a problem naming the choice. An empty value follows the model; at least one
     * must be set.
     */
    public static Draft draft(
            String municipality, RegulationDescriptor model, String version, Map<String, String> values) {
        List<Phrase> problems = new ArrayList<>();
        SortedMap<String, BigDecimal> typed = new TreeMap<>();
        (values == null ? Map.<String, String>of() : values).forEach((name, text) -> {
            if (text == null || text.isBlank()) {
                return; // left empty: the model's value
            }
            try {
                typed.put(name, PlainDecimal.parse(text.strip().replace(',', '.')));
            } catch (NumberFormatException notANumber) {
                String shown = text.length() > 40 ? text.substring(0, 40) + "..." : text;
                problems.add(Phrase.of("{0}: '{1}' is geen getal.", "{0}: '{1}' is not a number.", name, shown));
            }
        });
        LocalChoices choices = new LocalChoices(municipality, model.caseType(), version, null, typed);
        problems.addAll(choices.problems(model));
        if (typed.isEmpty() && problems.isEmpty()) {
            problems.add(new Phrase(
                    "Vul ten minste één keuze in; een lege keuze volgt het model.",
                    "Fill in at least one choice; a choice left empty follows the model."));
        }
        return new Draft(choices, List.copyOf(problems));
    }

    /**
     * Why these values cannot be set on the model, one line per problem naming the choice; empty when
     * they can. Unknown names, values out of range and a band above its ceiling are refused.
     */
    public List<Phrase> problems(RegulationDescriptor model) {
        List<Phrase> problems = new ArrayList<>();
        Map<String, LocalChoice> declared = new LinkedHashMap<>();
        model.localChoices().forEach(choice -> declared.put(choice.name(), choice));
        values.forEach((name, value) -> {
            LocalChoice choice = declared.get(name);
            if (choice == null) {
                problems.add(Phrase.of(
                        "{0}: {1} laat geen lokale keuze met deze naam toe; wel: {2}.",
                        "{0}: {1} allows no local choice by this name; it does allow: {2}.",
                        name,
                        model.name() == null || !model.name().containsKey("nl")
                                ? Phrase.same(model.caseType())
                                : new Phrase(
                                        model.name().get("nl"),
                                        model.name()
                                                .getOrDefault("en", model.name().get("nl"))),
                        String.join(", ", declared.keySet())));
            } else {
                choice.problem(value, values).ifPresent(problems::add);
            }
        });
        return problems;
    }

    /**
     * The value of every choice the model declares as it applies with these choices (null for
     * none: the model's own): the municipality's where it set one, else the model table's, else the
     * declared default. These are the figures motivations may name.
     */
    static Map<String, BigDecimal> effective(
            RegulationDescriptor model, DecisionTable modelTable, LocalChoices choices) {
        Map<String, BigDecimal> effective = new LinkedHashMap<>();
        for (LocalChoice choice : model.localChoices()) {
            BigDecimal value = choices == null ? null : choices.values().get(choice.name());
            if (value == null && modelTable != null) {
                value = choice.cells().stream()
                        .flatMap(cell -> cell.valuesIn(modelTable).stream())
                        .findFirst()
                        .orElse(null);
            }
            if (value == null) {
                value = choice.fallback();
            }
            if (value != null) {
                effective.put(choice.name(), asWritten(choice, value));
            }
        }
        return effective;
    }

    /**
     * A value as a letter writes it: an amount or length with its decimals ("6,00 m"), a count or
     * percentage without trailing zeros ("130%", "95,5%").
     */
    private static BigDecimal asWritten(LocalChoice choice, BigDecimal value) {
        if (choice.kind() == LocalChoice.Kind.DECIMAL) {
            return value.setScale(choice.scale(), java.math.RoundingMode.HALF_UP);
        }
        BigDecimal plain = value.stripTrailingZeros();
        return plain.scale() < 0 ? plain.setScale(0) : plain;
    }

    /** The model's table with these choices in its cells. */
    DecisionTable applyTo(RegulationDescriptor model, DecisionTable modelTable) {
        DecisionTable table = modelTable;
        for (LocalChoice choice : model.localChoices()) {
            BigDecimal value = values.get(choice.name());
            if (value == null || choice.cells().isEmpty()) {
                continue;
            }
            if (table == null) {
                throw new RuleSetCompilationException(
                        choice.name() + " sets cells of a decision table, and these rules have none");
            }
            for (CellSelector cell : choice.cells()) {
                try {
                    table = cell.set(table, value);
                } catch (IllegalArgumentException notThere) {
                    throw new RuleSetCompilationException(
                            "Lokale keuze " + choice.name() + " past niet op deze versie: " + notThere.getMessage());
                }
            }
        }
        return table;
    }
}
