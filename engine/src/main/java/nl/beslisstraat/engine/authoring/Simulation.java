package nl.beslisstraat.engine.authoring;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Function;
import nl.beslisstraat.engine.cases.CaseApplication;
import nl.beslisstraat.engine.decision.DecisionOutcome;
import nl.beslisstraat.engine.decision.DecisionService;
import nl.beslisstraat.engine.regulation.NormSource;
import nl.beslisstraat.engine.regulation.Phrase;
import nl.beslisstraat.engine.regulation.RegulationCatalog;
import nl.beslisstraat.engine.regulation.RuleSet;
import nl.beslisstraat.engine.tenancy.Municipality;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

/**
 * Tries a candidate version on decisions already taken, before anyone approves it: each stored
 * input is decided again with the candidate (a rule set with the norms of the case's reference
 * date, or a norm table with the rules of that date) and compared with the automated outcome on
 * record. Nothing is stored. Pages of cases are decided in
 * parallel, so 100,000 past cases take seconds (docs/performance.md).
 *
 * <p>A simulation is the officer's job ({@link OfficerJobs}): one at a time per officer, within its
 * time budget, and stopped between cases when the officer cancels it or the version is withdrawn;
 * the result then says after how many cases it stopped.
 */
@Service
public class Simulation {

    static final int PAGE = 2_000;
    static final int SAMPLES = 5;

    private final RuleSetCandidates candidates;
    private final NormCandidates normCandidates;
    private final RegulationCatalog regulations;
    private final DecisionService decisions;
    private final JdbcTemplate jdbc;
    private final JsonMapper json;
    private final OfficerJobs jobs;
    private final SimulationThreads threads;

    Simulation(
            RuleSetCandidates candidates,
            NormCandidates normCandidates,
            RegulationCatalog regulations,
            DecisionService decisions,
            JdbcTemplate jdbc,
            JsonMapper json,
            OfficerJobs jobs,
            SimulationThreads threads) {
        this.candidates = candidates;
        this.normCandidates = normCandidates;
        this.regulations = regulations;
        this.decisions = decisions;
        this.jdbc = jdbc;
        this.json = json;
        this.jobs = jobs;
        this.threads = threads;
    }

    private record Past(
            long caseId, String caseType, LocalDate referenceDate, String input, String outcome, String amounts) {}

    /** How a result reads when the outcome stays but an amount differs, such as another fee. */
    static final String OTHER_AMOUNT = " (ander bedrag)";

    /**
     * @param from first reference date to include, or null
     * @param to last reference date to include, or null
     * @param last at most this many of the most recent cases, or null for all in the period
     * @param officer whose job it is
     * @throws OfficerJobs.OfficerBusy when the officer already runs a simulation or an upload
     */
    public SimulationResult run(long candidateId, LocalDate from, LocalDate to, Integer last, String officer) {
        Candidate candidate = candidates.find(candidateId);
        try (OfficerJobs.Job job = jobs.start(
                officer,
                OfficerJobs.Kind.SIMULATION,
                new OfficerJobs.Target(DraftUploaded.Kind.RULE_SET, candidateId))) {
            return run(candidate, from, to, last, job, true);
        }
    }

    /** A rule-set simulation within a job already started; in parallel, or on this thread only. */
    SimulationResult run(
            Candidate candidate, LocalDate from, LocalDate to, Integer last, OfficerJobs.Job job, boolean parallel) {
        RuleSet rules = candidates.compiled(candidate.id());
        return run(
                candidate.id(),
                List.of(candidate.caseType()),
                application -> decisions.decideWith(application, rules),
                from,
                to,
                last,
                job,
                parallel);
    }

    /**
     * What a shared model's version would change for the officer's municipality, before it takes
     * effect: the municipality's past cases decided with the model version and the municipality's
     * choices as they will be in force on its date (so the choices are kept, as they will be).
     *
     * @param version the model's version label, such as {@code 2027.1}; only versions the product
     *     ships are models (a municipality's own uploads are simulated as candidates)
     */
    public SimulationResult runModelVersion(
            String caseType, String version, LocalDate from, LocalDate to, Integer last, String officer) {
        String label = caseType + "/" + version;
        if (!regulations.ships(label)) {
            throw new ApprovalRefused.NotFound(Phrase.of(
                    "Modelversie {0} van {1} bestaat niet.",
                    "Model version {0} of {1} does not exist.", version, regulations.caseTypeName(caseType)));
        }
        String municipality = Municipality.current()
                .orElseThrow(() ->
                        new ApprovalRefused(new Phrase("Er is geen gemeente gekozen.", "No municipality is chosen.")));
        RuleSet model = regulations.version(label);
        RuleSet rules = regulations
                .choicesInForce(municipality, caseType, model.effectiveFrom())
                .map(choices -> regulations.withChoices(model, choices))
                .orElse(model);
        try (OfficerJobs.Job job = jobs.start(officer, OfficerJobs.Kind.SIMULATION, null)) {
            return run(
                    0,
                    List.of(caseType),
                    application -> decisions.decideWith(application, rules),
                    from,
                    to,
                    last,
                    job,
                    true);
        }
    }

    /**
     * What a norm table version would change: past cases of every regulation that reads norms,
     * decided with the rules of their reference date and the candidate's amounts as valid on
     * {@code asOf} (so a raise from 2027 shows its effect on the cases of 2026).
     */
    public SimulationResult runNorms(
            long normCandidateId, LocalDate asOf, LocalDate from, LocalDate to, Integer last, String officer) {
        normCandidates.find(normCandidateId);
        try (OfficerJobs.Job job = jobs.start(
                officer,
                OfficerJobs.Kind.SIMULATION,
                new OfficerJobs.Target(DraftUploaded.Kind.NORMS, normCandidateId))) {
            return runNorms(normCandidateId, asOf, from, to, last, job, true);
        }
    }

    /** A norm simulation within a job already started; in parallel, or on this thread only. */
    SimulationResult runNorms(
            long normCandidateId,
            LocalDate asOf,
            LocalDate from,
            LocalDate to,
            Integer last,
            OfficerJobs.Job job,
            boolean parallel) {
        NormSource norms = normCandidates.norms(normCandidateId).asOf(asOf);
        List<String> caseTypes = regulations.caseTypes().stream()
                .filter(caseType -> regulations.latest(caseType).readsNorms())
                .sorted()
                .toList();
        return run(
                normCandidateId,
                caseTypes,
                application -> decisions.decideWithNorms(application, norms),
                from,
                to,
                last,
                job,
                parallel);
    }

    /**
     * Decides the past cases page by page, asking the job before each case whether to go on: a
     * case is bounded (a DMN model has 200 ms, a table is rendered rules), so the job stops within
     * one case of its budget, its cancellation or its version's withdrawal.
     */
    SimulationResult run(
            long candidateId,
            List<String> caseTypes,
            Function<CaseApplication, DecisionOutcome> decider,
            LocalDate from,
            LocalDate to,
            Integer last,
            OfficerJobs.Job job,
            boolean parallel) {
        long started = System.nanoTime();
        Map<String, AtomicLong> counts = new ConcurrentHashMap<>();
        Map<String, ConcurrentLinkedQueue<Long>> samples = new ConcurrentHashMap<>();
        AtomicLong tried = new AtomicLong();
        // the pool's threads decide for the officer's municipality too (its choices, its versions)
        String municipality = Municipality.current().orElse(null);
        long before = Long.MAX_VALUE;
        long remaining = last == null ? Long.MAX_VALUE : last;
        while (remaining > 0 && !job.stopping()) {
            List<Past> page = page(caseTypes, from, to, before, (int) Math.min(PAGE, remaining));
            if (page.isEmpty()) {
                break;
            }
            Consumer<Past> decide = past -> Municipality.run(municipality, () -> {
                if (job.stopping()) {
                    return;
                }
                String now = outcome(decider, past);
                tried.incrementAndGet();
                if (!now.equals(past.outcome())) {
                    String transition = past.outcome() + " -> " + now;
                    counts.computeIfAbsent(transition, key -> new AtomicLong()).incrementAndGet();
                    ConcurrentLinkedQueue<Long> sample =
                            samples.computeIfAbsent(transition, key -> new ConcurrentLinkedQueue<>());
                    if (sample.size() < SAMPLES) {
                        sample.add(past.caseId());
                    }
                }
            });
            if (parallel) {
                threads.forEach(page, decide);
            } else {
                page.forEach(decide);
            }
            before = page.get(page.size() - 1).caseId();
            remaining -= page.size();
        }
        List<SimulationResult.Transition> transitions = new ArrayList<>();
        counts.forEach((transition, count) -> {
            String[] parts = transition.split(" -> ");
            transitions.add(new SimulationResult.Transition(
                    parts[0],
                    parts[1],
                    count.get(),
                    samples.get(transition).stream().sorted().limit(SAMPLES).toList()));
        });
        transitions.sort(
                Comparator.comparingLong(SimulationResult.Transition::count).reversed());
        long changed = transitions.stream()
                .mapToLong(SimulationResult.Transition::count)
                .sum();
        return new SimulationResult(
                candidateId,
                tried.get(),
                changed,
                transitions,
                (System.nanoTime() - started) / 1_000_000,
                job.stoppedAfter(tried.get()),
                job.stoppedWhy(tried.get()));
    }

    private String outcome(Function<CaseApplication, DecisionOutcome> decider, Past past) {
        try {
            DecisionOutcome now = decider.apply(
                    new CaseApplication(past.caseType(), past.referenceDate(), json.readTree(past.input())));
            String outcome = now.outcome().name();
            boolean otherAmount = outcome.equals(past.outcome()) && !sameAmounts(now.amounts(), past.amounts());
            return otherAmount ? outcome + OTHER_AMOUNT : outcome;
        } catch (RuntimeException e) {
            return "NEEDS_REVIEW"; // what the nightly run would do with a case it cannot decide
        }
    }

    private static final tools.jackson.core.type.TypeReference<Map<String, java.math.BigDecimal>> AMOUNTS =
            new tools.jackson.core.type.TypeReference<>() {};

    /** The same amounts by value: 240.00 on record is 240 now. */
    private boolean sameAmounts(Map<String, java.math.BigDecimal> now, String recorded) {
        Map<String, java.math.BigDecimal> before = recorded == null ? Map.of() : json.readValue(recorded, AMOUNTS);
        return before.keySet().equals(now.keySet())
                && before.entrySet().stream()
                        .allMatch(amount -> amount.getValue().compareTo(now.get(amount.getKey())) == 0);
    }

    /** The automated decisions of the case types, newest case first, before {@code before}. */
    private List<Past> page(List<String> caseTypes, LocalDate from, LocalDate to, long before, int size) {
        List<Object> arguments = new ArrayList<>(caseTypes);
        arguments.addAll(Arrays.asList(before, from, from, to, to, size));
        return jdbc.query(
                "select c.id, c.case_type, c.reference_date, c.input::text, d.outcome, d.amounts::text from cases c"
                        + " join decisions d on d.case_id = c.id and d.automated"
                        + " where c.case_type in (" + String.join(", ", Collections.nCopies(caseTypes.size(), "?"))
                        + ") and c.id < ?"
                        + " and (?::date is null or c.reference_date >= ?) and (?::date is null or c.reference_date <= ?)"
                        + " order by c.id desc limit ?",
                (row, n) -> new Past(
                        row.getLong(1),
                        row.getString(2),
                        row.getObject(3, LocalDate.class),
                        row.getString(4),
                        row.getString(5),
                        row.getString(6)),
                arguments.toArray());
    }
}
