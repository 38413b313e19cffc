package nl.beslisstraat.engine.authoring;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import nl.beslisstraat.engine.cases.CaseApplication;
import nl.beslisstraat.engine.decision.DecisionOutcome;
import nl.beslisstraat.engine.decision.Reason;
import nl.beslisstraat.engine.regulation.DecisionOverBudget;
import nl.beslisstraat.engine.regulation.ExampleCase;
import nl.beslisstraat.engine.regulation.Phrase;

/**
 * Decides example cases with a candidate (rule set or norm table) and compares each with what
 * the officer wrote down: outcome, reason codes and amounts. A case the candidate cannot decide
 * is a failed example with the error as its outcome, never a failed upload; except a case that
 * takes longer than the rules' time budget: such a version would stall the nightly run, so the
 * upload is refused naming the example. The run as a whole is the officer's job
 * ({@link OfficerJobs}) with its time budget: a file of examples that takes longer refuses the
 * upload too, saying after how many cases it stopped.
 */
final class ExampleRuns {

    private ExampleRuns() {}

    static List<ExampleResult> run(
            String prefix,
            List<ExampleCase> examples,
            Function<CaseApplication, DecisionOutcome> decider,
            OfficerJobs.Job job) {
        List<ExampleResult> results = new ArrayList<>();
        for (ExampleCase example : examples) {
            if (job.stopping()) {
                throw new InvalidUpload(Phrase.of(
                        "De voorbeeldgevallen zijn {0}: samen mogen ze niet langer duren dan {1}. Neem minder of"
                                + " eenvoudiger eigen voorbeeldgevallen op.",
                        "The example cases were {0}: together they may take no longer than {1}. Include fewer or"
                                + " simpler own example cases.",
                        job.stoppedWhy(results.size()),
                        budget(job)));
            }
            DecisionOutcome outcome;
            try {
                outcome = decide(prefix + example.name(), example, decider);
            } catch (InvalidUpload tooSlow) {
                throw tooSlow;
            } catch (RuntimeException e) {
                outcome = DecisionOutcome.failed(
                        example.application().caseType(), example.application().referenceDate(), e.getMessage());
            }
            List<String> reasons =
                    outcome.reasons().stream().map(Reason::code).sorted().toList();
            Map<String, String> expected = plain(example.expectedAmounts());
            Map<String, String> actual = plain(outcome.amounts());
            boolean passed = outcome.outcome() == example.expectedOutcome()
                    && reasons.equals(example.expectedReasons())
                    && expected.equals(actual);
            results.add(new ExampleResult(
                    prefix + example.name(),
                    example.line(),
                    passed,
                    example.expectedOutcome().name(),
                    outcome.outcome().name(),
                    example.expectedReasons(),
                    reasons,
                    expected,
                    actual));
        }
        return results;
    }

    /**
     * Decides one example; over budget twice in a row refuses the upload. Once is forgiven: the
     * first case a freshly compiled model decides also loads the classes it needs.
     */
    private static DecisionOutcome decide(
            String name, ExampleCase example, Function<CaseApplication, DecisionOutcome> decider) {
        try {
            return decider.apply(example.application());
        } catch (DecisionOverBudget firstTime) {
            try {
                return decider.apply(example.application());
            } catch (DecisionOverBudget again) {
                throw new InvalidUpload(Phrase.of(
                        "Voorbeeldgeval '{0}' (regel {1}): de beslissing duurde {2} ms, langer dan de toegestane {3}"
                                + " ms per zaak. Vereenvoudig het model.",
                        "Example case '{0}' (line {1}): the decision took {2} ms, longer than the {3} ms per case"
                                + " allowed. Simplify the model.",
                        name,
                        example.line(),
                        again.took().toMillis(),
                        again.budget().toMillis()));
            }
        }
    }

    private static String budget(OfficerJobs.Job job) {
        long millis = job.budget().toMillis();
        return millis % 1000 == 0 ? millis / 1000 + " s" : millis + " ms";
    }

    private static Map<String, String> plain(Map<String, BigDecimal> amounts) {
        Map<String, String> plain = new TreeMap<>();
        amounts.forEach(
                (name, value) -> plain.put(name, value.stripTrailingZeros().toPlainString()));
        return plain;
    }
}
