package nl.beslisstraat.engine.vocabulary;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import nl.beslisstraat.engine.regulation.ExampleCase;
import nl.beslisstraat.engine.regulation.ExampleCases;
import nl.beslisstraat.engine.regulation.RegulationCatalog;
import nl.beslisstraat.engine.regulation.RegulationDescriptor;
import nl.beslisstraat.engine.regulation.RegulationLabels;
import nl.beslisstraat.engine.regulation.RuleSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every regulation on the classpath (the shipped ones, and the test's files-only dog tax) brings the words its pages need, in Dutch and English: its name, a
 * title for every input field, a label for every coded value, every reason its examples give
 * and every amount or date it sets. Without them a page would show a code where a reviewer
 * expects a word.
 */
class ShippedLabelsTests {

    private static RegulationCatalog regulations;

    @BeforeAll
    static void start() {
        regulations = new RegulationCatalog(JsonMapper.builder().build());
    }

    @Test
    void everyShippedRegulationNamesItsFieldsValuesReasonsAndAmountsInDutchAndEnglish() {
        Set<String> missing = new TreeSet<>();
        for (String caseType : regulations.caseTypes()) {
            RegulationDescriptor regulation = regulations.descriptor(caseType).orElseThrow();
            RuleSet latest = regulations.latest(caseType);
            both(missing, caseType + " name", regulation.name());
            RegulationLabels labels = regulation.labels();
            latest.inputSchema().titles().forEach((field, title) -> {
                RegulationLabels.FieldLabels words = labels.fields().get(field);
                if (title.equals(field) && (words == null || !words.label().containsKey("nl"))) {
                    missing.add(caseType + " field " + field + ": a Dutch title in the schema or the labels");
                }
                if (words == null || !words.label().containsKey("en")) {
                    missing.add(caseType + " field " + field + ": English title");
                }
                for (JsonNode value : latest.inputSchema().property(field).path("enum")) {
                    if (!value.isNull() && (words == null || !words.values().containsKey(value.asString()))) {
                        missing.add(caseType + " field " + field + " value " + value.asString());
                    } else if (!value.isNull()) {
                        both(
                                missing,
                                caseType + " " + field + " " + value.asString(),
                                words.values().get(value.asString()));
                    }
                }
            });
            for (ExampleCase example : ExampleCases.of(latest)) {
                for (String reason : example.expectedReasons()) {
                    if (!labels.reasons().containsKey(reason) && !ENGINE_REASONS.contains(reason)) {
                        missing.add(caseType + " reason " + reason);
                    }
                }
            }
            labels.reasons().forEach((code, label) -> both(missing, caseType + " reason " + code, label));
            regulation
                    .amounts()
                    .forEach(amount -> both(missing, caseType + " amount " + amount.name(), amount.label()));
            regulation.dates().forEach(date -> both(missing, caseType + " date " + date.name(), date.label()));
        }
        assertThat(missing).as("words the shipped regulations lack").isEmpty();
    }

    /** Reasons the engine gives itself; their words are in the message bundles. */
    private static final List<String> ENGINE_REASONS =
            List.of("INCOMPLETE_DATA", "DECISION_FAILED", "NO_RULE_APPLIED", "OBJECTION");

    private static void both(Set<String> missing, String what, Map<String, String> label) {
        if (label == null || !label.containsKey("nl") || !label.containsKey("en")) {
            missing.add(what + ": Dutch and English");
        }
    }
}
