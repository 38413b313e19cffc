package nl.beslisstraat.engine.regulation.dmn;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import nl.beslisstraat.engine.regulation.Phrase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The DMN upload check on kie-dmn's own reading of a model: every hostile model in
 * {@code authoring/hostile/} is refused with a message naming the element and the construct, as
 * listed in its {@code expected.csv}; the parking-permit model passes. Each refusal is also in
 * English, for an officer on an English page, naming the same elements.
 */
class DmnModelCheckTests {

    static final Set<String> PARKING_PERMIT_INPUTS = new TreeSet<>(Set.of(
            "zone",
            "vehicleHolderIsApplicant",
            "leaseOrCompanyCar",
            "declarationSupplied",
            "vehicleLength",
            "vehicleHeight",
            "fuel",
            "euroClass",
            "permitsAtAddress",
            "ownParkingSpace",
            "referenceDate"));

    @Test
    void theParkingPermitModelPasses() throws IOException {
        assertThat(DmnModelCheck.check(read("authoring/parking-permit.dmn"), PARKING_PERMIT_INPUTS))
                .isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostileModels")
    void refusesEveryHostileModelNamingTheProblem(String model, String refusal) throws IOException {
        List<String> problems = DmnModelCheck.check(read("authoring/hostile/" + model), PARKING_PERMIT_INPUTS);

        assertThat(problems).as(model).isNotEmpty();
        assertThat(problems.stream()).as(model).anyMatch(p -> p.contains(refusal));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostileModels")
    void everyRefusalHasAnEnglishText(String model, String refusal) throws IOException {
        List<Phrase> problems = DmnModelCheck.phrases(read("authoring/hostile/" + model), PARKING_PERMIT_INPUTS);

        assertThat(problems).as(model).isNotEmpty();
        assertThat(problems)
                .as(model)
                .allSatisfy(problem -> assertThat(problem.en())
                        .isNotEqualTo(problem.nl())
                        .doesNotContain("niet toegestaan")
                        .doesNotContain("beslissing '"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("englishRefusals")
    void refusesInEnglishNamingTheSameElement(String model, String refusal) throws IOException {
        List<Phrase> problems = DmnModelCheck.phrases(read("authoring/hostile/" + model), PARKING_PERMIT_INPUTS);

        assertThat(problems.stream().map(Phrase::en)).as(model).anyMatch(p -> p.contains(refusal));
    }

    static List<Object[]> englishRefusals() {
        return List.of(
                new Object[] {"bkm-mutual-recursion.dmn", "'ping' calls itself (ping -> pong -> ping)"},
                new Object[] {"dmn-1-1.dmn", "the namespace of DMN 1.2 or later"},
                new Object[] {
                    "java-kind-bkm.dmn",
                    "business knowledge model 'run', element 'fd_run': functions of kind 'Java' call code"
                },
                new Object[] {
                    "external-in-literal-expression.dmn",
                    "decision 'Besluit', element 'le_Besluit': an external function ('function(..) external')"
                            + " calls Java code and is not allowed"
                },
                new Object[] {"regex-matches.dmn", "the function 'matches' is not allowed: it works with regular"},
                new Object[] {"huge-list.dmn", "a list of 500 elements is longer than the allowed 100"},
                new Object[] {"string-doubling.dmn", "more than 200000 steps"},
                new Object[] {"unknown-input.dmn", "input 'userHome' (id_home): that is not a field of the application"
                },
                new Object[] {
                    "banned-input-nationality.dmn",
                    "input 'Nationaliteit' (id_zone): 'Nationaliteit' is nationality: that may never be an input"
                },
                new Object[] {"no-besluit.dmn", "The model has no decision named 'Besluit'"});
    }

    @Test
    void theDutchAndEnglishRefusalOfAFileOverTwoMegabytes() {
        Phrase refusal = DmnModelCheck.phrases(new byte[DmnModelCheck.MAX_BYTES + 1], PARKING_PERMIT_INPUTS)
                .get(0);
        assertThat(refusal.in(java.util.Locale.forLanguageTag("nl"))).isEqualTo("Het bestand is groter dan 2 MB.");
        assertThat(refusal.in(java.util.Locale.ENGLISH)).isEqualTo("The file is larger than 2 MB.");
    }

    @Test
    void refusesAFileOverTwoMegabytes() {
        byte[] huge = new byte[DmnModelCheck.MAX_BYTES + 1];
        assertThat(DmnModelCheck.check(huge, PARKING_PERMIT_INPUTS).get(0)).contains("groter dan 2 MB");
    }

    @Test
    void refusesTextInAnotherEncodingThanUtf8() throws IOException {
        String model = new String(read("authoring/parking-permit.dmn"), StandardCharsets.UTF_8)
                .replace("encoding=\"UTF-8\"", "encoding=\"UTF-16\"");

        List<String> problems = DmnModelCheck.check(model.getBytes(StandardCharsets.UTF_16), PARKING_PERMIT_INPUTS);

        assertThat(problems.get(0)).contains("UTF-8");
    }

    @Test
    void aBusinessKnowledgeModelCalledTwiceFromATableIsNoRecursion() throws IOException {
        String model = new String(read("authoring/hostile/bkm-recursion.dmn"), StandardCharsets.UTF_8)
                .replace("if n &gt; 0 then countdown(n - 1) else 0", "if n &gt; 0 then n - 1 else 0")
                .replace(
                        "<knowledgeRequirement id=\"kr_countdown\"><requiredKnowledge href=\"#bkm_countdown\"/>"
                                + "</knowledgeRequirement>\n    <encapsulatedLogic",
                        "<encapsulatedLogic")
                .replace("countdown(100000000)", "countdown(permitsAtAddress) + countdown(2)");

        assertThat(DmnModelCheck.check(model.getBytes(StandardCharsets.UTF_8), PARKING_PERMIT_INPUTS))
                .isEmpty();
    }

    static List<Object[]> hostileModels() throws IOException {
        Map<String, String> expected = new LinkedHashMap<>();
        new String(read("authoring/hostile/expected.csv"), StandardCharsets.UTF_8)
                .lines()
                .skip(1)
                .forEach(line ->
                        expected.put(line.substring(0, line.indexOf(',')), line.substring(line.indexOf(',') + 1)));
        return expected.entrySet().stream()
                .map(entry -> new Object[] {entry.getKey(), entry.getValue()})
                .toList();
    }

    static byte[] read(String resource) throws IOException {
        try (InputStream in = DmnModelCheckTests.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException(resource + " not found");
            }
            return in.readAllBytes();
        }
    }
}
