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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The DMN upload check on kie-dmn's own reading of a model: every hostile model in
 * {@code authoring/hostile/} is refused with a message naming the element and the construct, as
 * listed in its {@code expected.csv}; the parking-permit model passes.
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
