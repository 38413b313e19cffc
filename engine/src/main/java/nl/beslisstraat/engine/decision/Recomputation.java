package nl.beslisstraat.engine.decision;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import nl.beslisstraat.engine.cases.CaseApplication;
import nl.beslisstraat.engine.cases.CaseStore;
import nl.beslisstraat.engine.cases.StoredCase;
import nl.beslisstraat.engine.norms.NormCatalog;
import nl.beslisstraat.engine.norms.NormVersion;
import nl.beslisstraat.engine.regulation.RegulationCatalog;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Recomputes stored automated decisions from their stored input with the rule-set and norm
 * versions they recorded, and says whether the result is identical: outcome, reasons with their
 * motivation, amounts, dates and fired rules. Versions are never overwritten, so a decision of
 * years ago is recomputed with the rules and norms of then.
 *
 * <p>A version is found by its label and must have the content hash the decision recorded; if
 * the content is gone, differs, or the decision recorded no hash, the recomputation is refused
 * with {@link RecomputationRefused} naming the decision, the label and the hash.
 */
@Service
public class Recomputation {

    private final CaseStore cases;
    private final DecisionStore decisions;
    private final DecisionService decisionService;
    private final RegulationCatalog regulations;
    private final NormCatalog norms;
    private final JdbcTemplate jdbc;
    private final JsonMapper json;

    Recomputation(
            CaseStore cases,
            DecisionStore decisions,
            DecisionService decisionService,
            RegulationCatalog regulations,
            NormCatalog norms,
            JdbcTemplate jdbc,
            JsonMapper json) {
        this.regulations = regulations;
        this.norms = norms;
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

    /**
     * The case's automated decision, recomputed; empty when the case or that decision is unknown.
     *
     * @throws RecomputationRefused when the content the decision was taken with cannot be had
     */
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

    /**
     * Recomputes every automated decision (of one run, when given), in id order, a page at a time;
     * stops at the first decision whose content cannot be had.
     */
    public void all(Long runId, Consumer<Result> each) {
        all(runId, each, refused -> {
            throw refused;
        });
    }

    /** The same, handing each refused decision to {@code refused} and going on with the next. */
    public void all(Long runId, Consumer<Result> each, Consumer<RecomputationRefused> refused) {
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
            for (long caseId : caseIds) {
                Optional<Result> result;
                try {
                    result = ofCase(caseId);
                } catch (RecomputationRefused refusal) {
                    refused.accept(refusal);
                    continue;
                }
                result.ifPresent(each);
            }
            after = caseIds.get(caseIds.size() - 1);
        }
    }

    Result recompute(StoredCase stored, StoredDecision decision) {
        if (decision.ruleSetVersion() == null) {
            return new Result(stored.id(), decision.id(), null, null, false, false, List.of());
        }
        checkContent(decision);
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

    /** The versions the decision names, by label, must still have the content it recorded. */
    private void checkContent(StoredDecision decision) {
        String label = decision.ruleSetVersion();
        String recorded = decision.ruleSetHash();
        String refusal = "Besluit " + decision.id() + " (zaak " + decision.caseId() + ") wordt niet herberekend: ";
        if (recorded == null) {
            throw new RecomputationRefused(
                    decision.id(),
                    label,
                    null,
                    refusal + "het noemt regelset " + label + " maar legde geen inhoudshash vast;"
                            + " met welke inhoud het is genomen, is niet vast te stellen.");
        }
        String current;
        try {
            current = regulations.version(label).contentHash();
        } catch (RuntimeException unavailable) { // unknown label, or its stored content no longer compiles
            throw new RecomputationRefused(
                    decision.id(),
                    label,
                    recorded,
                    refusal + "de inhoud van regelset " + label + " (sha256 " + recorded + ") is niet te vinden: "
                            + unavailable.getMessage());
        }
        if (!recorded.equals(current)) {
            throw new RecomputationRefused(
                    decision.id(),
                    label,
                    recorded,
                    refusal + "regelset " + label + " heeft nu inhoud sha256 " + current
                            + ", het besluit is genomen met sha256 " + recorded + ".");
        }
        if (decision.normVersion() == null) {
            return;
        }
        String normLabel = decision.normVersion();
        String normRecorded = decision.normHash();
        String normCurrent = norms.find(normLabel).map(NormVersion::contentHash).orElse(null);
        if (normRecorded == null || !normRecorded.equals(normCurrent)) {
            throw new RecomputationRefused(
                    decision.id(),
                    normLabel,
                    normRecorded,
                    refusal + "normversie " + normLabel
                            + (normCurrent == null ? " is niet te vinden" : " heeft nu inhoud sha256 " + normCurrent)
                            + (normRecorded == null
                                    ? "; het besluit legde geen inhoudshash vast."
                                    : ", het besluit is genomen met sha256 " + normRecorded + "."));
        }
    }

    private static void compare(String part, JsonNode stored, JsonNode recomputed, List<String> differences) {
        if (!stored.equals(recomputed)) {
            differences.add(part + ": stored " + stored + ", recomputed " + recomputed);
        }
    }
}
