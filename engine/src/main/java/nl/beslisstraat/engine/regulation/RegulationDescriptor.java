package nl.beslisstraat.engine.regulation;

import com.fasterxml.jackson.annotation.JsonCreator;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import nl.beslisstraat.engine.regulation.table.TableTemplate;
import nl.beslisstraat.rules.Outcome;

/**
 * What a regulation's {@code regulation.json} says: which case type it decides, its declared
 * application type, input schema, example cases, legal decision deadline, the norms its rules
 * read, and its rule-set versions, each with the date from which it is in force.
 *
 * @param folder classpath folder of the regulation, which is also its DRL package
 * @param facts DRL files shared by all versions: the declared application type
 * @param amounts the amounts an outcome can set, by name (part of the public contract), each with
 *     the label pages show in Dutch and English
 * @param dates the dates an outcome can set, with their labels
 * @param reviewOutcomes what a reviewer may record for a case of this type; GRANTED and REJECTED
 *     when the regulation does not say
 * @param decisionTable the layout and column types of the regulation's decision table, which
 *     every version's table (shipped or uploaded) is read into
 * @param localChoices what a municipality adopting this shared model may set for itself; none
 *     when every municipality decides exactly as the model
 * @param municipalities the CBS codes of the municipalities whose own regulation this is; empty
 *     for a shared model, which every municipality decides with
 * @param labels the words its pages show for its fields, their values and its reasons
 */
public record RegulationDescriptor(
        String folder,
        String caseType,
        Map<String, String> name,
        String factType,
        List<String> facts,
        String inputSchema,
        String exampleCases,
        DecisionDeadline decisionDeadline,
        List<NormBinding> norms,
        List<Output> amounts,
        List<Output> dates,
        List<Outcome> reviewOutcomes,
        TableTemplate decisionTable,
        List<LocalChoice> localChoices,
        List<String> municipalities,
        List<Version> versions,
        RegulationLabels labels) {

    /** What a reviewer may record when the regulation does not list its review outcomes. */
    public static final List<Outcome> DEFAULT_REVIEW_OUTCOMES = List.of(Outcome.GRANTED, Outcome.REJECTED);

    /**
     * An amount or date an outcome sets: its name (the key in a decision's amounts or dates) and its
     * label by language ({@code nl}, {@code en}). A bare name in {@code regulation.json} is a label-less
     * output, shown by its name.
     */
    public record Output(String name, Map<String, String> label) {

        public Output {
            label = label == null ? Map.of() : Map.copyOf(label);
        }

        @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
        static Output named(String name) {
            return new Output(name, Map.of());
        }

        /** The label in the language asked for, else the Dutch one, else the name. */
        public String label(Locale locale) {
            String language = locale == null ? "nl" : locale.getLanguage();
            return label.getOrDefault(language, label.getOrDefault("nl", name));
        }
    }

    /**
     * One version of the rules, in force from its effective date until the next version's.
     *
     * @param inputSchema the schema this version was shipped with, when it is not the regulation's
     *     own: only for a version superseded on its own date, kept so that decisions taken with it
     *     recompute with exactly its content; null for the regulation's schema
     */
    public record Version(
            String version, LocalDate effectiveFrom, List<String> rules, String note, String inputSchema) {

        public Version(String version, LocalDate effectiveFrom, List<String> rules, String note) {
            this(version, effectiveFrom, rules, note, null);
        }

        /** The schema file the version is checked against, relative to the regulation's folder. */
        String schemaOf(RegulationDescriptor regulation) {
            return inputSchema == null ? regulation.inputSchema() : inputSchema;
        }
    }

    /**
     * A field of the application fact filled from the norm table, with the amount of {@code norm}
     * whose key columns (such as householdType, pensionAge) match the application's fields.
     */
    public record NormBinding(String field, String norm) {}

    RegulationDescriptor inFolder(String folder) {
        return new RegulationDescriptor(
                folder,
                caseType,
                name,
                factType,
                facts == null ? List.of() : facts,
                inputSchema,
                exampleCases,
                decisionDeadline,
                norms == null ? List.of() : norms,
                amounts == null ? List.of() : amounts,
                dates == null ? List.of() : dates,
                reviewOutcomes == null || reviewOutcomes.isEmpty() ? DEFAULT_REVIEW_OUTCOMES : reviewOutcomes,
                decisionTable,
                localChoices == null ? List.of() : localChoices,
                municipalities == null ? List.of() : List.copyOf(municipalities),
                versions,
                labels == null ? RegulationLabels.NONE : labels);
    }

    /** Whether a municipality decides cases of this regulation: a shared model, or one of its own. */
    public boolean isFor(String municipality) {
        return municipalities.isEmpty() || municipalities.contains(municipality);
    }

    /** The names of the amounts an outcome can set. */
    public List<String> amountNames() {
        return amounts.stream().map(Output::name).toList();
    }

    /** The names of the dates an outcome can set. */
    public List<String> dateNames() {
        return dates.stream().map(Output::name).toList();
    }

    /** The label of an amount or date of this regulation, or empty when it names neither. */
    public Optional<String> label(String output, Locale locale) {
        return Stream.concat(amounts.stream(), dates.stream())
                .filter(candidate -> candidate.name().equals(output))
                .findFirst()
                .map(candidate -> candidate.label(locale));
    }

    public String resource(String file) {
        return folder + "/" + file;
    }

    /** The package of the declared application type, which the generated rules share. */
    public String factPackage() {
        return factType.substring(0, factType.lastIndexOf('.'));
    }

    public String factTypeName() {
        return factType.substring(factType.lastIndexOf('.') + 1);
    }
}
