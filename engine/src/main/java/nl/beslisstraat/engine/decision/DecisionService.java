package nl.beslisstraat.engine.decision;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import nl.beslisstraat.engine.cases.CaseApplication;
import nl.beslisstraat.engine.cases.QueuedCase;
import nl.beslisstraat.engine.norms.NormCatalog;
import nl.beslisstraat.engine.regulation.DecisionDeadline;
import nl.beslisstraat.engine.regulation.InputSchema.FieldProblem;
import nl.beslisstraat.engine.regulation.NormSource;
import nl.beslisstraat.engine.regulation.RegulationCatalog;
import nl.beslisstraat.engine.regulation.RuleSet;
import nl.beslisstraat.engine.tenancy.Municipality;
import nl.beslisstraat.rules.CaseFacts;
import nl.beslisstraat.rules.Finding;
import nl.beslisstraat.rules.Outcome;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

/**
 * Decides one case: picks the rule set in force on its reference date for its municipality, checks the input against
 * the regulation's schema (missing data goes to review as {@code INCOMPLETE_DATA}, never to a
 * rule), fires the rules, and turns their findings into a motivated {@link DecisionOutcome}.
 *
 * <p>Stateless and thread-safe; it stores nothing. Recording is {@link DecisionRecorder}'s job.
 */
@Service
public class DecisionService {

    private static final int CENTS = 2;
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private final RegulationCatalog regulations;
    private final NormCatalog norms;
    private final JsonMapper json;

    public DecisionService(RegulationCatalog regulations, NormCatalog norms, JsonMapper json) {
        this.regulations = regulations;
        this.norms = norms;
        this.json = json;
    }

    /**
     * Decides a stored case. Whatever goes wrong with this one case (unreadable input, no rules in
     * force, an error in a rule) makes it a failed outcome for a reviewer, never an exception: one
     * bad case must not stop a night's run.
     */
    public DecidedCase decide(QueuedCase queued, Long runId) {
        PendingDecision pending;
        try {
            pending = decideApplication(
                    new CaseApplication(queued.caseType(), queued.referenceDate(), json.readTree(queued.input())));
        } catch (RuntimeException unreadable) {
            pending = new PendingDecision(
                    DecisionOutcome.failed(queued.caseType(), queued.referenceDate(), describe(unreadable)),
                    DecisionDeadline.AWB_DEFAULT,
                    null);
        }
        return pending.forCase(queued.id(), queued.receivedAt(), queued.input(), runId);
    }

    /**
     * Decides an application before it is stored, as {@link #decide(QueuedCase, Long)} decides a
     * stored one: the rules need neither the case's id nor its time of receipt, so a request can
     * be decided on its own thread and stored with others afterwards. Never throws for the case's
     * sake: a problem is a failed outcome for a reviewer.
     */
    public PendingDecision decideApplication(CaseApplication application) {
        // the regulation's deadline holds also when its rules fail on this case
        DecisionDeadline deadline = DecisionDeadline.AWB_DEFAULT;
        DecisionOutcome outcome;
        try {
            RuleSet rules = regulations.inForce(municipality(), application.caseType(), application.referenceDate());
            deadline = rules.decisionDeadline();
            outcome = decide(application, rules);
        } catch (RuntimeException e) {
            outcome = DecisionOutcome.failed(application.caseType(), application.referenceDate(), describe(e));
        }
        return new PendingDecision(outcome, deadline, application.input());
    }

    /** Decides with the rule set and the norm table version in force on the reference date. */
    public DecisionOutcome decide(CaseApplication application) {
        return decide(
                application, regulations.inForce(municipality(), application.caseType(), application.referenceDate()));
    }

    /**
     * The municipality the case is decided for: the one this thread works for (the request's, or
     * the run partition's), whose choices on the shared model and own versions apply.
     */
    private static String municipality() {
        return Municipality.current().orElse(null);
    }

    /**
     * Decides with a given rule set (a candidate an officer uploaded) and the norms in force on
     * the reference date: how example cases and simulations try a version before it is approved.
     */
    public DecisionOutcome decideWith(CaseApplication application, RuleSet rules) {
        return decide(application, rules);
    }

    /**
     * Decides with the rule set in force on the reference date and given norms (a norm table an
     * officer uploaded): how example cases and simulations try a norm version before approval.
     */
    public DecisionOutcome decideWithNorms(CaseApplication application, NormSource normTable) {
        RuleSet rules = regulations.inForce(municipality(), application.caseType(), application.referenceDate());
        return decide(application, rules, rules.readsNorms() ? normTable : null);
    }

    private DecisionOutcome decide(CaseApplication application, RuleSet rules) {
        return decide(application, rules, rules.readsNorms() ? norms.inForce(application.referenceDate()) : null);
    }

    /**
     * Decides with the given versions: how a stored decision is recomputed, years later, with
     * exactly the rules and norms it was taken with.
     */
    public DecisionOutcome recompute(CaseApplication application, String ruleSetVersion, String normVersion) {
        return decide(
                application,
                regulations.version(ruleSetVersion),
                normVersion == null ? null : norms.version(normVersion));
    }

    private DecisionOutcome decide(CaseApplication application, RuleSet rules, NormSource normTable) {
        String normVersion = normTable == null ? null : normTable.version();
        String normHash = normTable == null ? null : normTable.contentHash();
        List<FieldProblem> problems = rules.inputSchema().check(application.input());
        if (!problems.isEmpty()) {
            return incomplete(rules, normVersion, normHash, application, problems);
        }
        CaseFacts facts = rules.facts(application.referenceDate(), application.input(), normTable);
        rules.execute(facts);
        return outcomeOf(rules, normVersion, normHash, application, facts);
    }

    private DecisionOutcome outcomeOf(
            RuleSet rules, String normVersion, String normHash, CaseApplication application, CaseFacts facts) {
        List<Finding> findings = facts.getFindings().all();
        Outcome outcome = null;
        for (Finding finding : findings) {
            if (finding.outcome() != null) {
                outcome = outcome == null ? finding.outcome() : outcome.strongest(finding.outcome());
            }
        }
        if (outcome == null) {
            return noRuleApplied(rules, normVersion, normHash, application, findings);
        }
        Map<String, BigDecimal> amounts = outcome.grants() ? amounts(findings) : Map.of();
        Map<String, LocalDate> dates = outcome.grants() ? dates(findings) : Map.of();
        Function<String, Object> figures = name -> figure(name, dates, amounts, rules, facts);

        List<Reason> reasons = new ArrayList<>();
        for (Finding finding : findings) {
            if (reported(finding, outcome)) {
                reasons.add(new Reason(
                        finding.reasonCode(),
                        finding.outcome() == null ? outcome : finding.outcome(),
                        finding.rule(),
                        Motivations.render(finding.motivations(), figures)));
            }
        }
        return new DecisionOutcome(
                rules.caseType(),
                application.referenceDate(),
                outcome,
                List.copyOf(reasons),
                amounts,
                dates,
                rules.version(),
                normVersion,
                firedRules(findings),
                null,
                rules.contentHash(),
                normHash);
    }

    private static List<String> firedRules(List<Finding> findings) {
        String[] rules = new String[findings.size()];
        for (int i = 0; i < rules.length; i++) {
            rules[i] = findings.get(i).rule();
        }
        return Collections.unmodifiableList(Arrays.asList(rules));
    }

    /**
     * A figure a motivation names: a date or amount the rules set, else a local choice, else a
     * field of the application; {@link Motivations#NO_SUCH_FIGURE} when it is none of these.
     */
    private static Object figure(
            String name,
            Map<String, LocalDate> dates,
            Map<String, BigDecimal> amounts,
            RuleSet rules,
            CaseFacts facts) {
        if (dates.containsKey(name)) {
            return dates.get(name);
        }
        if (amounts.containsKey(name)) {
            return amounts.get(name);
        }
        if (rules.choiceValues().containsKey(name)) {
            return rules.choiceValues().get(name);
        }
        return rules.figure(facts, name, Motivations.NO_SUCH_FIGURE);
    }

    private static Map<String, LocalDate> dates(List<Finding> findings) {
        Map<String, LocalDate> dates = new LinkedHashMap<>();
        findings.forEach(finding -> dates.putAll(finding.dates()));
        return dates;
    }

    private static String describe(Throwable error) {
        StringBuilder description = new StringBuilder();
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (!description.isEmpty()) {
                description.append(" <- ");
            }
            description.append(cause.getClass().getSimpleName()).append(": ").append(cause.getMessage());
        }
        return description.toString();
    }

    /**
     * A rejection or referral reports every rejecting and referring reason; a grant its granting
     * reasons and the supplementary ones (a row with a reason but no outcome of its own, such as a
     * surcharge, which only means something beside a grant).
     */
    private static boolean reported(Finding finding, Outcome outcome) {
        if (finding.outcome() == null) {
            return finding.reasonCode() != null && outcome.grants();
        }
        return finding.outcome().grants() == outcome.grants();
    }

    /** Base amounts summed, then raised by the summed percentages, then rounded once, half-up. */
    private static Map<String, BigDecimal> amounts(List<Finding> findings) {
        Map<String, BigDecimal> base = new LinkedHashMap<>();
        Map<String, BigDecimal> percent = new HashMap<>();
        for (Finding finding : findings) {
            finding.amounts().forEach((name, value) -> base.merge(name, value, BigDecimal::add));
            finding.percentages().forEach((name, value) -> percent.merge(name, value, BigDecimal::add));
        }
        Map<String, BigDecimal> amounts = new LinkedHashMap<>();
        base.forEach((name, value) -> {
            BigDecimal factor = HUNDRED.add(percent.getOrDefault(name, BigDecimal.ZERO));
            amounts.put(name, value.multiply(factor).divide(HUNDRED).setScale(CENTS, RoundingMode.HALF_UP));
        });
        return amounts;
    }

    private static DecisionOutcome incomplete(
            RuleSet rules,
            String normVersion,
            String normHash,
            CaseApplication application,
            List<FieldProblem> problems) {
        Map<String, String> titles = rules.inputSchema().titles();
        List<Reason> reasons = problems.stream()
                .map(problem -> new Reason(
                        Reason.INCOMPLETE_DATA,
                        Outcome.NEEDS_REVIEW,
                        null,
                        Map.of(
                                "nl",
                                "Het gegeven '" + titles.getOrDefault(problem.field(), problem.field()) + "' ("
                                        + problem.field() + ") " + (problem.missing() ? "ontbreekt" : "is ongeldig")
                                        + ". Een behandelaar beoordeelt uw aanvraag.",
                                "en",
                                "The field '" + problem.field() + "' is " + (problem.missing() ? "missing" : "invalid")
                                        + ". A case handler will assess your application.")))
                .toList();
        return new DecisionOutcome(
                rules.caseType(),
                application.referenceDate(),
                Outcome.NEEDS_REVIEW,
                reasons,
                Map.of(),
                Map.of(),
                rules.version(),
                normVersion,
                List.of(),
                null,
                rules.contentHash(),
                normHash);
    }

    /** A table with a gap: no row matched. Never guess; let a person decide. */
    private static DecisionOutcome noRuleApplied(
            RuleSet rules, String normVersion, String normHash, CaseApplication application, List<Finding> findings) {
        Reason reason = new Reason(
                Reason.NO_RULE_APPLIED,
                Outcome.NEEDS_REVIEW,
                null,
                Map.of(
                        "nl",
                                "Geen van de regels van de verordening was op uw aanvraag van toepassing. Een"
                                        + " behandelaar beslist.",
                        "en",
                                "None of the rules of the regulation applied to your application. A case handler"
                                        + " will decide."));
        return new DecisionOutcome(
                rules.caseType(),
                application.referenceDate(),
                Outcome.NEEDS_REVIEW,
                List.of(reason),
                Map.of(),
                Map.of(),
                rules.version(),
                normVersion,
                firedRules(findings),
                null,
                rules.contentHash(),
                normHash);
    }
}
