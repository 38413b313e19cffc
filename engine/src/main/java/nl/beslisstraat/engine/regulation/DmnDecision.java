package nl.beslisstraat.engine.regulation;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import nl.beslisstraat.rules.CaseFacts;
import nl.beslisstraat.rules.Findings;
import nl.beslisstraat.rules.Outcome;
import org.kie.api.KieBase;
import org.kie.api.definition.type.FactType;
import org.kie.api.runtime.KieRuntimeFactory;
import org.kie.dmn.api.core.DMNContext;
import org.kie.dmn.api.core.DMNDecisionResult;
import org.kie.dmn.api.core.DMNMessage;
import org.kie.dmn.api.core.DMNModel;
import org.kie.dmn.api.core.DMNResult;
import org.kie.dmn.api.core.DMNRuntime;

/**
 * A DMN decision model as the rules of a version. The model gets the application's fields as
 * its input data (by their contract names, plus {@code referenceDate}) and has one decision,
 * {@value #DECISION}, whose result is a list of findings (a COLLECT decision table, or a single
 * context): {@code rule}, {@code outcome}, {@code reasonCode}, {@code motivationNl},
 * {@code motivationEn}, one output per amount of the regulation ({@code fee}), {@code
 * <amount>Percentage} for a surcharge, and one per date. They become the same {@link Findings}
 * a decision table writes, so outcome, motivation and recompute work alike for both formats.
 *
 * <p>One DMN runtime serves all threads: every evaluation works on a context of its own.
 */
final class DmnDecision {

    static final String DECISION = "Besluit";

    /**
     * How long deciding one case with a DMN model may take. A case takes about 30 microseconds
     * (docs/performance.md) and a garbage-collection pause tens of milliseconds; 200 ms is far
     * above both, so only a model that misbehaves reaches it, and a night of a million cases
     * cannot be held up by it for long. Measured after the evaluation, not enforced during it: the
     * upload check (DmnModelCheck) allows no loops, no recursion, no regular
     * expressions and bounds the model's size with every reference written out, so an evaluation
     * takes time linear in that bounded size and always ends; nothing needs interrupting.
     */
    static final Duration BUDGET = Duration.ofMillis(200);

    private final DMNRuntime runtime;
    private final DMNModel model;
    private final FactType factType;
    private final RegulationDescriptor regulation;
    private final String version;

    DmnDecision(KieBase kieBase, FactType factType, RegulationDescriptor regulation, String version) {
        this.runtime = KieRuntimeFactory.of(kieBase).get(DMNRuntime.class);
        List<DMNModel> models = runtime.getModels();
        if (models.size() != 1) {
            throw new RuleSetCompilationException(
                    version + ": a DMN rule package holds exactly one model, not " + models.size());
        }
        this.model = models.get(0);
        if (model.hasErrors()) {
            throw new RuleSetCompilationException(version + " does not compile:\n" + describe(model.getMessages()));
        }
        if (model.getDecisionByName(DECISION) == null) {
            throw new RuleSetCompilationException(version + ": the DMN model has no decision named '" + DECISION + "'");
        }
        this.factType = factType;
        this.regulation = regulation;
        this.version = version;
    }

    void fire(CaseFacts application) {
        DMNContext context = runtime.newContext();
        factType.getAsMap(application).forEach((field, value) -> {
            if (!field.equals("findings")) {
                context.set(field, feel(value));
            }
        });
        context.set("referenceDate", application.getReferenceDate());
        long started = System.nanoTime();
        DMNResult result = runtime.evaluateByName(model, context, DECISION);
        withinBudget(version, System.nanoTime() - started);
        DMNDecisionResult decision = result.getDecisionResultByName(DECISION);
        if (result.hasErrors()
                || decision.getEvaluationStatus() != DMNDecisionResult.DecisionEvaluationStatus.SUCCEEDED) {
            // Surfaces as a failed decision for a reviewer, never as a wrong outcome.
            throw new IllegalStateException("DMN decision " + DECISION + " failed: " + describe(result.getMessages()));
        }
        Object findings = decision.getResult();
        if (findings instanceof Map<?, ?> single) {
            record(application.getFindings(), single, 1);
        } else if (findings instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                if (list.get(i) instanceof Map<?, ?> row) {
                    record(application.getFindings(), row, i + 1);
                }
            }
        }
    }

    /** Throws {@link DecisionOverBudget} when one case took longer than {@link #BUDGET}. */
    static void withinBudget(String version, long elapsedNanos) {
        if (elapsedNanos > BUDGET.toNanos()) {
            throw new DecisionOverBudget(version, Duration.ofNanos(elapsedNanos), BUDGET);
        }
    }

    private void record(Findings findings, Map<?, ?> row, int position) {
        String rule = row.get("rule") instanceof String name && !name.isBlank() ? name : DECISION + " #" + position;
        text(row, "outcome").ifPresent(outcome -> findings.outcome(rule, Outcome.valueOf(outcome.trim())));
        text(row, "reasonCode").ifPresent(code -> findings.reasonCode(rule, code));
        text(row, "motivationNl").ifPresent(motivation -> findings.motivation(rule, "nl", motivation));
        text(row, "motivationEn").ifPresent(motivation -> findings.motivation(rule, "en", motivation));
        for (String amount : regulation.amountNames()) {
            if (row.get(amount) instanceof BigDecimal value) {
                findings.amount(rule, amount, value);
            }
            if (row.get(amount + "Percentage") instanceof BigDecimal percentage) {
                findings.percentage(rule, amount, percentage);
            }
        }
        for (String date : regulation.dateNames()) {
            if (row.get(date) instanceof LocalDate value) {
                findings.date(rule, date, value);
            }
        }
    }

    private static Optional<String> text(Map<?, ?> row, String column) {
        return row.get(column) instanceof String value && !value.isBlank() ? Optional.of(value) : Optional.empty();
    }

    /** FEEL knows numbers as BigDecimal; the declared facts hold ints for counts. */
    private static Object feel(Object value) {
        if (value instanceof Integer || value instanceof Long) {
            return BigDecimal.valueOf(((Number) value).longValue());
        }
        return value;
    }

    private static String describe(List<DMNMessage> messages) {
        return messages.stream()
                .filter(message -> message.getSeverity() == DMNMessage.Severity.ERROR)
                .map(DMNMessage::getText)
                .collect(Collectors.joining("; "));
    }
}
