package nl.beslisstraat.engine.authoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import nl.beslisstraat.engine.cases.CaseApplication;
import nl.beslisstraat.engine.decision.DecisionOutcome;
import nl.beslisstraat.engine.regulation.DecisionOverBudget;
import nl.beslisstraat.engine.regulation.ExampleCase;
import nl.beslisstraat.rules.Outcome;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 9: a candidate that decides an example case over the time budget is refused at upload, and
 * so is a set of examples that together take longer than the upload's budget (item 3).
 */
class ExampleRunsTests {

    private static final ExampleCase SLOW = new ExampleCase(
            "Zone A camper",
            7,
            new CaseApplication(
                    "PARKING_PERMIT",
                    LocalDate.of(2026, 9, 1),
                    JsonMapper.builder().build().createObjectNode()),
            Outcome.GRANTED,
            List.of(),
            Map.of(),
            Map.of());

    @Test
    void refusesTheUploadNamingTheExampleWhenItStaysOverBudget() {
        Function<CaseApplication, DecisionOutcome> slow = application -> {
            throw overBudget();
        };

        assertThatThrownBy(() -> ExampleRuns.run("eigen: ", List.of(SLOW), slow, job()))
                .isInstanceOf(InvalidUpload.class)
                .hasMessageContaining("Voorbeeldgeval 'eigen: Zone A camper' (regel 7)")
                .hasMessageContaining("750 ms")
                .hasMessageContaining("200 ms");
    }

    @Test
    void forgivesTheFirstCaseOfAFreshModelOnce() {
        AtomicInteger calls = new AtomicInteger();
        Function<CaseApplication, DecisionOutcome> coldOnce = application -> {
            if (calls.getAndIncrement() == 0) {
                throw overBudget();
            }
            return DecisionOutcome.failed(application.caseType(), application.referenceDate(), "no rules here");
        };

        List<ExampleResult> results = ExampleRuns.run("", List.of(SLOW), coldOnce, job());

        assertThat(results)
                .singleElement()
                .extracting(ExampleResult::actualOutcome)
                .isEqualTo("NEEDS_REVIEW");
        assertThat(calls).hasValue(2);
    }

    @Test
    void refusesTheUploadWhenTheExamplesTogetherTakeLongerThanTheBudget() {
        Function<CaseApplication, DecisionOutcome> fiftyMillis = application -> {
            sleep(50);
            return DecisionOutcome.failed(application.caseType(), application.referenceDate(), "no rules here");
        };
        OfficerJobs.Job job = OfficerJobs.withDefaultBudgets()
                .start("officer", OfficerJobs.Kind.EXAMPLES, null, Duration.ofMillis(120));

        assertThatThrownBy(() -> ExampleRuns.run("eigen: ", List.of(SLOW, SLOW, SLOW, SLOW, SLOW), fiftyMillis, job))
                .isInstanceOf(InvalidUpload.class)
                // about 3 of the 5 fit in the budget; fewer on a busy machine, never all 5
                .hasMessageMatching("De voorbeeldgevallen zijn afgebroken na [1-4] gevallen \\(tijdslimiet\\).*")
                .hasMessageContaining("niet langer duren dan 120 ms");
    }

    private static OfficerJobs.Job job() {
        return OfficerJobs.withDefaultBudgets().start("officer", OfficerJobs.Kind.EXAMPLES, null);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private static DecisionOverBudget overBudget() {
        return new DecisionOverBudget("PARKING_PERMIT/2029.9", Duration.ofMillis(750), Duration.ofMillis(200));
    }
}
