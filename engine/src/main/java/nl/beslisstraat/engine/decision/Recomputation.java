package nl.beslisstraat.engine.decision;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import nl.beslisstraat.engine.cases.CaseApplication;
import nl.beslisstraat.engine.cases.CaseStore;
import nl.beslisstraat.engine.cases.StoredCase;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Recomputes stored automated decisions from their stored input with the rule-set and norm
 * versions they recorded, and says whether the result is identical: outcome, reasons with their
 * motivation, amounts, dates and fired rules. Versions are never overwritten, so a decision of
 * years ago is recomputed with the rules and norms of then.
 */
@Service
public class Recomputation {

    private final CaseStore cases;
    private final DecisionStore decisions;
    private final DecisionService decisionService;
    private final JdbcTemplate jdbc;
    private final JsonMapper json;

    Recomputation(
            CaseStore cases,
            DecisionStore decisions,
            DecisionService decisionService,
            JdbcTemplate jdbc,
            JsonMapper json) {
        this.cases = cases;
        this.decisions = decisions;
        this.decisionService = decisionService;
        this.jdbc = jdbc;
        this.json = json;
    }

    /**
     * @param recomputable false for a decision that failed: there was no rule set to recompute with
     * @param differences what differs, per part; empty when identical
     */
    public record Result(
            long caseId,
            long decisionId,
            String ruleSetVersion,
            String normVersion,
            boolean recomputable,
            boolean identical,
            List<String> differences) {}

    /** The case's automated decision, recomputed; empty when the case or that decision is unknown. */
    public Optional<Result> ofCase(long caseId) {
        Optional<StoredCase> stored = cases.find(caseId);
        Optional<StoredDecision> automated = decisions.findFor(caseId).stream()
                .filter(StoredDecision::automated)
                .findFirst();
        if (stored.isEmpty() || automated.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(recompute(stored.get(), automated.get()));
    }

    /** Recomputes every automated decision (of one run, when given), in id order, a page at a time. */
    public void all(Long runId, Consumer<Result> each) {
        long after = 0;
        while (true) {
            List<Long> caseIds = runId == null
                    ? jdbc.queryForList(
                            "select case_id from decisions where automated and case_id > ? order by case_id limit 1000",
                            Long.class,
                            after)
                    : jdbc.queryForList(
                            "select case_id from decisions where automated and run_id = ? and case_id > ?"
                                    + " order by case_id limit 1000",
                            Long.class,
                            runId,
                            after);
            if (caseIds.isEmpty()) {
                return;
            }
            caseIds.forEach(caseId -> ofCase(caseId).ifPresent(each));
            after = caseIds.get(caseIds.size() - 1);
        }
    }

    Result recompute(StoredCase stored, StoredDecision decision) {
        if (decision.ruleSetVersion() == null) {
            return new Result(stored.id(), decision.id(), null, null, false, false, List.of());
        }
        CaseApplication application =
                new CaseApplication(stored.caseType(), stored.referenceDate(), json.readTree(stored.input()));
        DecisionOutcome outcome;
        try {
            outcome = decisionService.recompute(application, decision.ruleSetVersion(), decision.normVersion());
        } catch (RuntimeException e) {
            return new Result(
                    stored.id(),
                    decision.id(),
                    decision.ruleSetVersion(),
                    decision.normVersion(),
                    false,
                    false,
                    List.of("cannot recompute: " + e.getMessage()));
        }
        List<String> differences = new ArrayList<>();
        compare(
                "outcome",
                json.valueToTree(decision.outcome()),
                json.valueToTree(outcome.outcome().name()),
                differences);
        compare("reasons", decision.reasons(), json.valueToTree(outcome.reasons()), differences);
        compare("amounts", decision.amounts(), json.valueToTree(DecisionStore.plain(outcome.amounts())), differences);
        compare("dates", decision.dates(), json.valueToTree(outcome.dates()), differences);
        compare("firedRules", decision.firedRules(), json.valueToTree(outcome.firedRules()), differences);
        return new Result(
                stored.id(),
                decision.id(),
                decision.ruleSetVersion(),
                decision.normVersion(),
                true,
                differences.isEmpty(),
                differences);
    }

    private static void compare(String part, JsonNode stored, JsonNode recomputed, List<String> differences) {
        if (!stored.equals(recomputed)) {
            differences.add(part + ": stored " + stored + ", recomputed " + recomputed);
        }
    }
}
