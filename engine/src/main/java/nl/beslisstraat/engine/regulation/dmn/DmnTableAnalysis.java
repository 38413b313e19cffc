package nl.beslisstraat.engine.regulation.dmn;

import java.io.ByteArrayInputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import javax.xml.namespace.QName;
import nl.beslisstraat.engine.regulation.Phrase;
import nl.beslisstraat.engine.regulation.table.Findings;
import nl.beslisstraat.engine.regulation.table.Verification;
import nl.beslisstraat.rules.Outcome;
import org.antlr.v4.runtime.tree.ParseTree;
import org.kie.dmn.api.core.DMNMessage;
import org.kie.dmn.api.core.DMNMessageType;
import org.kie.dmn.api.feel.runtime.events.FEELEvent;
import org.kie.dmn.backend.marshalling.v1x.DMNMarshallerFactory;
import org.kie.dmn.feel.lang.ast.BaseNode;
import org.kie.dmn.feel.lang.ast.BooleanNode;
import org.kie.dmn.feel.lang.ast.NullNode;
import org.kie.dmn.feel.lang.ast.StringNode;
import org.kie.dmn.feel.lang.ast.UnaryTestListNode;
import org.kie.dmn.feel.lang.ast.UnaryTestNode;
import org.kie.dmn.feel.lang.impl.FEELEventListenersManager;
import org.kie.dmn.feel.lang.types.DefaultBuiltinFEELTypeRegistry;
import org.kie.dmn.feel.parser.feel11.ASTBuilderVisitor;
import org.kie.dmn.feel.parser.feel11.FEELParser;
import org.kie.dmn.feel.parser.feel11.FEEL_1_1Parser;
import org.kie.dmn.feel.runtime.Range.RangeBoundary;
import org.kie.dmn.feel.runtime.events.SyntaxErrorEvent;
import org.kie.dmn.model.api.BusinessKnowledgeModel;
import org.kie.dmn.model.api.DMNModelInstrumentedBase;
import org.kie.dmn.model.api.Decision;
import org.kie.dmn.model.api.DecisionRule;
import org.kie.dmn.model.api.DecisionTable;
import org.kie.dmn.model.api.Definitions;
import org.kie.dmn.model.api.HitPolicy;
import org.kie.dmn.model.api.InputClause;
import org.kie.dmn.model.api.LiteralExpression;
import org.kie.dmn.model.api.OutputClause;
import org.kie.dmn.model.api.UnaryTests;
import org.kie.dmn.validation.DMNValidator;
import org.kie.dmn.validation.DMNValidatorFactory;
import org.kie.dmn.validation.dtanalysis.DMNDTAnalysisMessage;
import org.kie.dmn.validation.dtanalysis.model.DDTAInputClause;
import org.kie.dmn.validation.dtanalysis.model.DDTAInputEntry;
import org.kie.dmn.validation.dtanalysis.model.DDTATable;
import org.kie.dmn.validation.dtanalysis.model.DTAnalysis;
import org.kie.dmn.validation.dtanalysis.model.Hyperrectangle;
import org.kie.dmn.validation.dtanalysis.model.Interval;
import org.kie.dmn.validation.dtanalysis.model.MaskedRule;
import org.kie.dmn.validation.dtanalysis.model.Overlap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The decision tables of an uploaded DMN model, analysed the way {@code TableVerifier} analyses our
 * own tables, by KIE's decision table analysis (kie-dmn-validation: every rule a box of intervals
 * per input, gaps and overlaps found by sweeping their bounds). The result is the same {@link
 * Verification}: gaps are warnings, conflicting overlaps and an analysis that did not finish block
 * approval.
 *
 * <p><b>The findings table.</b> A COLLECT table without aggregation that has an output {@code
 * outcome} (the table of {@code Besluit}, see {@link DmnDecision}) is read in our semantics, not
 * in KIE's: all rows whose conditions hold apply, the strongest outcome decides (REJECTED over
 * NEEDS_REVIEW over PARTIALLY_GRANTED over GRANTED) and amounts of all applying rows add up. KIE
 * analyses no gaps and no overlaps for COLLECT, so the table is analysed twice, each time on a
 * copy of the model that is never evaluated:
 *
 * <ul>
 *   <li>all rows, with hit policy UNIQUE: every overlap KIE finds is held against the two rows'
 *       outputs. Both set the same amount (any number output other than {@code <amount>Percentage})
 *       or the same date: a <em>blocking</em> overlap, as in {@code TableVerifier} (amounts would
 *       add up, a date is overwritten). Different outcomes, or both add a percentage: a resolved
 *       overlap (the strongest outcome decides; percentages add up). Anything else (two rows that
 *       only add findings or a surcharge) is not reported;
 *   <li>only the rows with an outcome, with hit policy PRIORITY and the outcomes as the output's
 *       values in order of strength: KIE's gaps are the cases no row with an outcome covers
 *       (warnings: such a case goes to a reviewer) and its masked rules are rows that a single
 *       row with a stronger outcome always overrules (dead rows).
 * </ul>
 *
 * <p><b>Other tables</b> keep their own hit policy, as KIE reads it: with UNIQUE every overlap
 * blocks; with ANY an overlap of rules with different outputs blocks, one with equal outputs is
 * resolved; with PRIORITY and FIRST an overlap is resolved by the hit policy; multiple-hit
 * policies (COLLECT, RULE ORDER, OUTPUT ORDER) collect overlapping rules by design and are not
 * reported. Gaps are warnings. Dead rows are KIE's masked rules (PRIORITY) and, under FIRST, rules
 * that an earlier rule covers entirely. KIE's subsumptions, contractions and normal-form remarks
 * say how a table could be smaller, not that it decides wrongly; they are not reported.
 *
 * <p><b>What is analysed.</b> An input entry's {@code null} (a missing value) is left out: the
 * analysis covers the values an application can have, a missing value is the input schema's
 * concern. A text input without a list of allowed values gets the texts the rules name plus
 * {@value #OTHER} for every other text, so that {@code not("A", "B")} and a missing {@code "C"}
 * can be seen; yes/no inputs are analysed as the texts {@code "false"} and {@code "true"}, and
 * every such list ends in a marker that is no value (see {@link #END}: KIE's sweep would otherwise
 * miss gaps at a list's last value). A rule whose outcome is neither {@code null} nor a known outcome, an entry KIE
 * cannot turn into intervals, and a table or model too large make the verification incomplete.
 *
 * <p><b>Bounded and inert.</b> The model passed the upload check (authoring's {@code
 * DmnModelCheck}) before it gets here; the analysis only compiles copies of it, reads the FEEL of
 * its cells as constants and never evaluates a decision. KIE's sweep has no step limit of its own
 * and may take long on a large table, so it runs on a thread of its own for at most {@link
 * #TIME_LIMIT}; after that the verification is incomplete, the thread (a daemon at low priority)
 * is left to finish, and at most {@value #PARALLEL} analyses run at once. Any failure gives an
 * incomplete verification, never an exception.
 */
public final class DmnTableAnalysis {

    private static final Logger LOG = LoggerFactory.getLogger(DmnTableAnalysis.class);

    /** Far above the parking-permit model's analysis (well under a second once warm). */
    static final Duration TIME_LIMIT = Duration.ofSeconds(20);

    static final int PARALLEL = 2;

    /** The upload check's limit; a larger model never gets here. */
    static final int MAX_BYTES = 2 * 1024 * 1024;

    /**
     * Per table: KIE's sweep grows with rules times inputs and cannot be interrupted, so beyond
     * these it is not tried (the result is incomplete, which blocks approval). A regulation's
     * table has tens of rules; these bounds keep a hostile one from holding a core for minutes.
     */
    static final int MAX_RULES = 150;

    static final int MAX_INPUTS = 20;

    /** Stands for every text a text input's rules do not name (as the table verifier's codes). */
    static final String OTHER = "(anders)";

    /**
     * Sorts after every text and stands for no value. KIE's sweep loses the last value of a list
     * when one rule ends just before it and another at it ("x)" then "x]"): so no real value may be
     * last. Yes/no inputs are analysed as the texts "false" and "true" for the same reason. Boxes
     * that hold only this value are dropped.
     */
    static final String END = "~~~";

    private static final Set<String> TEXT_OUTPUTS = Set.of("rule", "reasonCode", "motivationNl", "motivationEn");
    private static final String OUTCOME = "outcome";
    private static final String PERCENTAGE = "Percentage";

    private static final Semaphore RUNNING = new Semaphore(PARALLEL);
    private static volatile DMNValidator validator;

    private final byte[] model;
    private final Map<String, String> labels;

    private DmnTableAnalysis(byte[] model, Map<String, String> labels) {
        this.model = model;
        this.labels = labels;
    }

    /**
     * @param dmnModel a model that passed the upload check
     * @param labels how officers call the inputs, by field name (the input schema's titles)
     */
    public static Verification analyse(byte[] dmnModel, Map<String, String> labels) {
        return analyse(dmnModel, labels, TIME_LIMIT);
    }

    static Verification analyse(byte[] dmnModel, Map<String, String> labels, Duration limit) {
        if (dmnModel.length > MAX_BYTES) {
            return incomplete("model larger than " + MAX_BYTES + " bytes");
        }
        try {
            validator(); // built once (seconds, cold), not counted against one model's limit
        } catch (RuntimeException | LinkageError broken) {
            LOG.warn("No DMN validator", broken);
            return incomplete("no DMN validator: " + broken);
        }
        long deadline = System.nanoTime() + limit.toNanos();
        try {
            if (!RUNNING.tryAcquire(limit.toNanos(), TimeUnit.NANOSECONDS)) {
                return incomplete("earlier analyses still running");
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return incomplete("interrupted");
        }
        FutureTask<Verification> task = new FutureTask<>(() -> {
            try {
                return new DmnTableAnalysis(dmnModel, labels).run();
            } finally {
                RUNNING.release();
            }
        });
        Thread thread = new Thread(task, "dmn-table-analysis");
        thread.setDaemon(true);
        thread.setPriority(Thread.MIN_PRIORITY);
        try {
            thread.start();
        } catch (Throwable notStarted) {
            RUNNING.release();
            return incomplete("no thread: " + notStarted);
        }
        try {
            return task.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (TimeoutException slow) {
            task.cancel(true);
            return incomplete("analysis took longer than " + limit);
        } catch (InterruptedException interrupted) {
            task.cancel(true);
            Thread.currentThread().interrupt();
            return incomplete("interrupted");
        } catch (ExecutionException failed) {
            LOG.warn("DMN decision table analysis failed", failed.getCause());
            return incomplete(String.valueOf(failed.getCause()));
        }
    }

    private static Verification incomplete(String why) {
        LOG.info("DMN decision table analysis incomplete: {}", why);
        return new Verification(List.of(), List.of(), List.of(), false);
    }

    private Verification run() {
        Definitions original = read();
        List<DecisionTable> tables = tables(original);
        for (DecisionTable table : tables) {
            if (table.getRule().size() > MAX_RULES || table.getInput().size() > MAX_INPUTS) {
                return incomplete("table " + title(table) + " too large");
            }
        }
        Result result = new Result();
        // All tables under their own hit policy; findings tables under UNIQUE, for their overlaps.
        Definitions asWritten = read();
        List<DecisionTable> writtenTables = tables(asWritten);
        for (DecisionTable table : writtenTables) {
            prepare(table);
            if (isFindings(table)) {
                table.setHitPolicy(HitPolicy.UNIQUE);
            }
        }
        Map<String, DTAnalysis> written = analyses(asWritten);
        for (int t = 0; t < tables.size(); t++) {
            DecisionTable table = tables.get(t);
            DTAnalysis analysis = written.get(writtenTables.get(t).getId());
            if (!usable(analysis, "table " + title(table), result)) {
                continue;
            }
            if (isFindings(table)) {
                findingOverlaps(table, analysis, result);
            } else {
                ownHitPolicy(table, analysis, result);
            }
        }
        if (tables.stream().anyMatch(DmnTableAnalysis::isFindings)) {
            decidingRows(tables, result);
        }
        return new Verification(result.gaps, result.overlaps, result.dead, result.complete);
    }

    /** Gaps and dead rows of the findings tables: on the rows with an outcome, strongest first. */
    /**
     * Whether KIE analysed the table; when it could not, or left a column out (one it cannot
     * read), the result is incomplete, which blocks approval.
     */
    private static boolean usable(DTAnalysis analysis, String what, Result result) {
        if (analysis == null || analysis.isError()) {
            LOG.info("No analysis of {}: {}", what, analysis == null ? "none" : analysis.asDMNMessages());
            result.complete = false;
            return false;
        }
        if (!analysis.getDdtaTable().getColIDsStringWithoutEnum().isEmpty()) {
            result.complete = false;
        }
        return true;
    }

    private void decidingRows(List<DecisionTable> tables, Result result) {
        Definitions deciding = read();
        List<DecisionTable> copies = tables(deciding);
        Map<String, List<Integer>> rowNumbers = new LinkedHashMap<>();
        for (int t = 0; t < copies.size(); t++) {
            DecisionTable copy = copies.get(t);
            if (!isFindings(tables.get(t))) {
                continue;
            }
            int outcomeColumn = outputIndex(copy, OUTCOME);
            List<Integer> kept = new ArrayList<>();
            List<DecisionRule> rules = new ArrayList<>(copy.getRule());
            copy.getRule().clear();
            for (int r = 0; r < rules.size(); r++) {
                String outcome = text(rules.get(r).getOutputEntry().get(outcomeColumn));
                if (outcome == null) {
                    continue;
                }
                if (outcome(outcome) == null) {
                    LOG.info("Rule {} of {} has an outcome that is not a known value: {}", r + 1, title(copy), outcome);
                    result.complete = false;
                    continue;
                }
                copy.getRule().add(rules.get(r));
                kept.add(r + 1);
            }
            if (kept.isEmpty()) {
                result.gaps.add(new Verification.Gap(
                        List.of(new Phrase("geen enkele regel geeft een uitkomst", "no rule at all gives an outcome")),
                        Map.of()));
                continue;
            }
            prepare(copy);
            copy.setHitPolicy(HitPolicy.PRIORITY);
            UnaryTests order = unaryTestsLike(copy);
            List<Outcome> strongestFirst = new ArrayList<>(List.of(Outcome.values()));
            java.util.Collections.reverse(strongestFirst);
            order.setText(
                    strongestFirst.stream().map(o -> "\"" + o.name() + "\"").collect(Collectors.joining(", ")));
            copy.getOutput().get(outcomeColumn).setOutputValues(order);
            rowNumbers.put(copy.getId(), kept);
        }
        Map<String, DTAnalysis> analyses = analyses(deciding);
        for (int t = 0; t < copies.size(); t++) {
            DecisionTable copy = copies.get(t);
            List<Integer> kept = rowNumbers.get(copy.getId());
            if (kept == null) {
                continue;
            }
            DTAnalysis analysis = analyses.get(copy.getId());
            if (!usable(analysis, "the deciding rows of " + title(copy), result)) {
                continue;
            }
            for (Hyperrectangle gap : analysis.getGaps()) {
                if (empty(analysis.getDdtaTable(), gap)) {
                    continue;
                }
                result.gaps.add(gap(copy, analysis.getDdtaTable(), gap));
            }
            Map<Integer, Set<Integer>> maskedBy = new LinkedHashMap<>();
            for (MaskedRule masked : analysis.getMaskedRules()) {
                maskedBy.computeIfAbsent(kept.get(masked.maskedRule - 1), key -> new TreeSet<>())
                        .add(kept.get(masked.maskedBy - 1));
            }
            DecisionTable table = tables.get(t);
            maskedBy.forEach((rule, by) -> result.dead.add(new Verification.DeadRow(
                    title(table),
                    ruleName(table, rule),
                    Findings.strongerOutcomeDecides(
                            by.stream().map(r -> ruleName(table, r)).toList()))));
        }
    }

    /** Two rules KIE found overlapping, each pair once, with the region they share. */
    private record RulePair(int a, int b, Hyperrectangle overlap) {}

    /** The overlapping rule pairs of an analysis; overlaps only over the marker value are no overlaps. */
    private static List<RulePair> pairs(DTAnalysis analysis) {
        Set<List<Integer>> seen = new HashSet<>();
        List<RulePair> pairs = new ArrayList<>();
        for (Overlap overlap : analysis.getOverlaps()) {
            if (empty(analysis.getDdtaTable(), overlap.getOverlap())) {
                continue;
            }
            List<Integer> rules = overlap.getRules().stream().sorted().toList();
            for (int i = 0; i < rules.size(); i++) {
                for (int j = i + 1; j < rules.size(); j++) {
                    if (seen.add(List.of(rules.get(i), rules.get(j)))) {
                        pairs.add(new RulePair(rules.get(i), rules.get(j), overlap.getOverlap()));
                    }
                }
            }
        }
        return pairs;
    }

    private void findingOverlaps(DecisionTable table, DTAnalysis analysis, Result result) {
        for (RulePair pair : pairs(analysis)) {
            int a = pair.a();
            int b = pair.b();
            Phrase conflict = conflict(table, a, b);
            Phrase resolved = conflict == null ? resolved(table, a, b) : null;
            if (conflict == null && resolved == null) {
                continue;
            }
            result.overlaps.add(new Verification.Overlap(
                    title(table),
                    ruleName(table, a),
                    title(table),
                    ruleName(table, b),
                    conflict != null,
                    conflict != null ? conflict : resolved,
                    example(table, analysis.getDdtaTable(), pair.overlap())));
        }
    }

    /** Why two findings rows cannot both apply, or null when they can (as the table verifier). */
    private static Phrase conflict(DecisionTable table, int a, int b) {
        for (int o = 0; o < table.getOutput().size(); o++) {
            OutputClause output = table.getOutput().get(o);
            String name = output.getName();
            if (name == null || name.equals(OUTCOME) || TEXT_OUTPUTS.contains(name) || name.endsWith(PERCENTAGE)) {
                continue;
            }
            if (isSet(table, a, o) && isSet(table, b, o)) {
                return isDate(output) ? Findings.dateTwice(name) : Findings.amountTwice(name);
            }
        }
        return null;
    }

    private static Phrase resolved(DecisionTable table, int a, int b) {
        int outcomeColumn = outputIndex(table, OUTCOME);
        Outcome first = outcome(text(table.getRule().get(a - 1).getOutputEntry().get(outcomeColumn)));
        Outcome second =
                outcome(text(table.getRule().get(b - 1).getOutputEntry().get(outcomeColumn)));
        if (first != null && second != null && first != second) {
            return Findings.strongestDecides(first.strongest(second));
        }
        for (int o = 0; o < table.getOutput().size(); o++) {
            String name = table.getOutput().get(o).getName();
            if (name != null && name.endsWith(PERCENTAGE) && isSet(table, a, o) && isSet(table, b, o)) {
                return Findings.percentagesAdd(name);
            }
        }
        return null;
    }

    private void ownHitPolicy(DecisionTable table, DTAnalysis analysis, Result result) {
        DDTATable ddta = analysis.getDdtaTable();
        for (Hyperrectangle gap : analysis.getGaps()) {
            if (empty(ddta, gap)) {
                continue;
            }
            result.gaps.add(gap(table, ddta, gap));
        }
        HitPolicy policy = table.getHitPolicy();
        for (RulePair pair : pairs(analysis)) {
            int a = pair.a();
            int b = pair.b();
            boolean sameOutput = ddta.getRule()
                    .get(a - 1)
                    .getOutputEntry()
                    .equals(ddta.getRule().get(b - 1).getOutputEntry());
            Phrase explanation;
            boolean blocking;
            switch (policy) {
                case UNIQUE -> {
                    blocking = true;
                    explanation = new Phrase(
                            "De hit policy UNIQUE staat maar één geldende regel toe; beide regels gelden. Maak de"
                                    + " voorwaarden elkaar uitsluitend.",
                            "The hit policy UNIQUE allows only one rule to apply; both rules apply. Make the"
                                    + " conditions exclude each other.");
                }
                case ANY -> {
                    blocking = !sameOutput;
                    explanation = sameOutput
                            ? new Phrase(
                                    "Beide regels geven hetzelfde resultaat; de hit policy ANY staat dat toe.",
                                    "Both rules give the same result; the hit policy ANY allows that.")
                            : new Phrase(
                                    "De hit policy ANY vraagt bij overlap hetzelfde resultaat; deze regels geven"
                                            + " verschillende resultaten.",
                                    "The hit policy ANY asks for the same result where rules overlap; these rules"
                                            + " give different results.");
                }
                case PRIORITY, FIRST -> {
                    blocking = false;
                    explanation = Phrase.of(
                            "De hit policy {0} kiest één van beide regels.",
                            "The hit policy {0} chooses one of the two rules.", policy);
                }
                default -> {
                    continue;
                }
            }
            result.overlaps.add(new Verification.Overlap(
                    title(table),
                    ruleName(table, a),
                    title(table),
                    ruleName(table, b),
                    blocking,
                    explanation,
                    example(table, ddta, pair.overlap())));
        }
        Map<Integer, Set<Integer>> maskedBy = new LinkedHashMap<>();
        for (MaskedRule masked : analysis.getMaskedRules()) {
            maskedBy.computeIfAbsent(masked.maskedRule, key -> new TreeSet<>()).add(masked.maskedBy);
        }
        if (policy == HitPolicy.FIRST) {
            for (int later = 1; later < ddta.getRule().size(); later++) {
                for (int earlier = 0; earlier < later; earlier++) {
                    if (covers(ddta, earlier, later)) {
                        maskedBy.computeIfAbsent(later + 1, key -> new TreeSet<>())
                                .add(earlier + 1);
                        break;
                    }
                }
            }
        }
        maskedBy.forEach((rule, by) -> result.dead.add(new Verification.DeadRow(
                title(table),
                ruleName(table, rule),
                Phrase.of(
                        "Voor elke invoer waarvoor deze regel geldt, kiest de hit policy {0} een andere regel: {1}."
                                + " Deze regel geldt dus nooit.",
                        "For every input this rule applies to, the hit policy {0} chooses another rule: {1}. So"
                                + " this rule never applies.",
                        policy,
                        Phrase.join(
                                Phrase.same("; "),
                                by.stream().map(r -> ruleName(table, r)).toList())))));
    }

    private static boolean covers(DDTATable ddta, int wider, int narrower) {
        List<DDTAInputEntry> outer = ddta.getRule().get(wider).getInputEntry();
        List<DDTAInputEntry> inner = ddta.getRule().get(narrower).getInputEntry();
        for (int c = 0; c < outer.size(); c++) {
            if (!outer.get(c).includes(inner.get(c))) {
                return false;
            }
        }
        return true;
    }

    private static List<DecisionTable> tables(Definitions definitions) {
        return new ArrayList<>(definitions.findAllChildren(DecisionTable.class));
    }

    /** KIE's analysis of every decision table of a prepared copy, by the table's id. */
    private static Map<String, DTAnalysis> analyses(Definitions copy) {
        List<DMNMessage> messages = validator().validate(copy, DMNValidator.Validation.ANALYZE_DECISION_TABLE);
        Map<String, DTAnalysis> byTable = new LinkedHashMap<>();
        Map<DTAnalysis, Boolean> analyses = new IdentityHashMap<>();
        for (DMNMessage message : messages) {
            if (message instanceof DMNDTAnalysisMessage analysisMessage) {
                DTAnalysis analysis = analysisMessage.getAnalysis();
                if (analyses.put(analysis, Boolean.TRUE) == null) {
                    byTable.put(analysis.getSource().getId(), analysis);
                }
            } else if (message.getMessageType() == DMNMessageType.DECISION_TABLE_ANALYSIS_ERROR
                    || message.getSeverity() == DMNMessage.Severity.ERROR) {
                LOG.info("DMN decision table analysis: {}", message.getText());
            }
        }
        return byTable;
    }

    private static DMNValidator validator() {
        DMNValidator current = validator;
        if (current == null) {
            synchronized (DmnTableAnalysis.class) {
                current = validator;
                if (current == null) {
                    current = DMNValidatorFactory.newValidator();
                    validator = current;
                }
            }
        }
        return current;
    }

    private Definitions read() {
        try (Reader reader = new InputStreamReader(new ByteArrayInputStream(model), StandardCharsets.UTF_8)) {
            Definitions definitions =
                    DMNMarshallerFactory.newDefaultMarshaller().unmarshal(reader);
            if (definitions == null) {
                throw new IllegalArgumentException("not a DMN model");
            }
            definitions.normalize();
            return definitions;
        } catch (java.io.IOException unreadable) {
            throw new IllegalArgumentException(unreadable);
        }
    }

    /**
     * Leaves out {@code null} from the input entries and gives every text input without allowed
     * values the texts its rules name plus {@link #OTHER}: KIE's analysis handles neither a null
     * nor a text column without a list of values.
     */
    private static void prepare(DecisionTable table) {
        if (table.getRule().isEmpty()) {
            return;
        }
        for (int c = 0; c < table.getInput().size(); c++) {
            InputClause input = table.getInput().get(c);
            String type = input.getInputExpression() != null
                            && input.getInputExpression().getTypeRef() != null
                    ? input.getInputExpression().getTypeRef().getLocalPart()
                    : "";
            boolean yesNo = type.equals("boolean") && input.getInputValues() == null;
            Set<String> texts = new TreeSet<>();
            for (DecisionRule rule : table.getRule()) {
                UnaryTests entry = rule.getInputEntry().get(c);
                UnaryTestListNode tests = unaryTests(entry.getText());
                List<String> kept = new ArrayList<>();
                for (BaseNode test : tests.getElements()) {
                    BaseNode value = test instanceof UnaryTestNode unary ? unary.getValue() : test;
                    if (value instanceof NullNode) {
                        continue;
                    }
                    if (value instanceof StringNode string) {
                        texts.add(string.getValue());
                    }
                    kept.add(
                            yesNo && value instanceof BooleanNode
                                    ? feelString(value.getText().trim())
                                    : test.getText());
                }
                if (!kept.isEmpty()
                        && (yesNo || kept.size() < tests.getElements().size())) {
                    String list = String.join(", ", kept);
                    entry.setText(tests.isNegated() ? "not(" + list + ")" : list);
                }
            }
            if (yesNo) {
                QName bool = input.getInputExpression().getTypeRef();
                input.getInputExpression().setTypeRef(new QName(bool.getNamespaceURI(), "string", bool.getPrefix()));
                texts = new TreeSet<>(List.of("false", "true", END));
            } else if (type.equals("string") && input.getInputValues() == null) {
                texts.add(OTHER);
                texts.add(END);
            } else {
                continue;
            }
            UnaryTests values = unaryTestsLike(table);
            values.setText(texts.stream().map(DmnTableAnalysis::feelString).collect(Collectors.joining(", ")));
            input.setInputValues(values);
        }
    }

    /** A new cell of the model's own DMN version (the reader makes all elements of one version). */
    private static UnaryTests unaryTestsLike(DecisionTable table) {
        try {
            for (DecisionRule rule : table.getRule()) {
                if (!rule.getInputEntry().isEmpty()) {
                    return rule.getInputEntry()
                            .get(0)
                            .getClass()
                            .getDeclaredConstructor()
                            .newInstance();
                }
            }
            return (UnaryTests) Class.forName(table.getClass().getPackageName() + ".TUnaryTests")
                    .getDeclaredConstructor()
                    .newInstance();
        } catch (ReflectiveOperationException | ClassCastException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    private static String feelString(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private static UnaryTestListNode unaryTests(String text) {
        List<String> errors = new ArrayList<>();
        FEELEventListenersManager events = new FEELEventListenersManager();
        events.addListener(event -> {
            if (event instanceof SyntaxErrorEvent && event.getSeverity() == FEELEvent.Severity.ERROR) {
                errors.add(event.getMessage());
            }
        });
        FEEL_1_1Parser parser = FEELParser.parse(
                events, text, Map.of(), Map.of(), List.of(), List.of(), DefaultBuiltinFEELTypeRegistry.INSTANCE);
        ParseTree tree = parser.unaryTestsRoot();
        BaseNode node = tree.accept(new ASTBuilderVisitor(Map.of(), DefaultBuiltinFEELTypeRegistry.INSTANCE));
        if (!errors.isEmpty() || !(node instanceof UnaryTestListNode list)) {
            throw new IllegalArgumentException("unreadable input entry: " + text);
        }
        return list;
    }

    private Verification.Gap gap(DecisionTable table, DDTATable ddta, Hyperrectangle gap) {
        List<Phrase> conditions = new ArrayList<>();
        List<Interval> edges = gap.getEdges();
        for (int c = 0; c < edges.size(); c++) {
            Phrase bound = describe(ddta.getInputs().get(c), edges.get(c));
            if (bound != null) {
                conditions.add(
                        Phrase.of("{0}: {1}", "{0}: {1}", label(table.getInput().get(c)), bound));
            }
        }
        if (conditions.isEmpty()) {
            conditions.add(new Phrase("elke aanvraag", "every application"));
        }
        return new Verification.Gap(conditions, example(table, ddta, gap));
    }

    /** The interval in words as the table verifier says it, or null when it is the whole domain. */
    private static Phrase describe(DDTAInputClause input, Interval interval) {
        if (interval == null || interval.equals(input.getDomainMinMax())) {
            return null;
        }
        if (input.isDiscreteDomain()) {
            List<Object> chosen = chosen(input, interval);
            List<Object> all = discrete(input);
            if (chosen.size() == all.size()) {
                return null;
            }
            if (chosen.contains(OTHER)) {
                List<Object> rest = new ArrayList<>(all);
                rest.removeAll(chosen);
                return Findings.noneOf(
                        rest.stream().map(DmnTableAnalysis::value).toList());
            }
            return chosen.size() == 1
                    ? value(chosen.get(0))
                    : Findings.oneOf(
                            chosen.stream().map(DmnTableAnalysis::value).toList());
        }
        Object low = interval.getLowerBound().getValue();
        Object high = interval.getUpperBound().getValue();
        if (low != Interval.NEG_INF && low.equals(high)) {
            return value(low);
        }
        List<Phrase> parts = new ArrayList<>();
        if (low != Interval.NEG_INF) {
            parts.add(Findings.from(value(low), interval.getLowerBound().getBoundaryType() == RangeBoundary.CLOSED));
        }
        if (high != Interval.POS_INF) {
            parts.add(Findings.upTo(value(high), interval.getUpperBound().getBoundaryType() == RangeBoundary.CLOSED));
        }
        return parts.isEmpty() ? null : Findings.and(parts);
    }

    /** One case in the box, input by input, with real values. */
    private Map<String, Phrase> example(DecisionTable table, DDTATable ddta, Hyperrectangle box) {
        Map<String, Phrase> example = new LinkedHashMap<>();
        List<Interval> edges = box.getEdges();
        for (int c = 0; c < table.getInput().size(); c++) {
            DDTAInputClause input = ddta.getInputs().get(c);
            Interval interval = c < edges.size() && edges.get(c) != null ? edges.get(c) : input.getDomainMinMax();
            example.put(label(table.getInput().get(c)), example(table.getInput().get(c), input, interval));
        }
        return example;
    }

    private static Phrase example(InputClause clause, DDTAInputClause input, Interval interval) {
        if (input.isDiscreteDomain()) {
            List<Object> chosen = chosen(input, interval);
            return chosen.isEmpty() ? Findings.empty() : value(chosen.get(0));
        }
        Object low = interval.getLowerBound().getValue();
        Object high = interval.getUpperBound().getValue();
        boolean lowIncluded = interval.getLowerBound().getBoundaryType() == RangeBoundary.CLOSED;
        boolean highIncluded = interval.getUpperBound().getBoundaryType() == RangeBoundary.CLOSED;
        if (low instanceof BigDecimal || high instanceof BigDecimal) {
            BigDecimal from = low instanceof BigDecimal number ? number : null;
            BigDecimal to = high instanceof BigDecimal number ? number : null;
            if (from == null && to == null) {
                return Phrase.same("0");
            }
            BigDecimal unit = BigDecimal.ONE.movePointLeft(
                    Math.max(0, Math.max(from == null ? 0 : from.scale(), to == null ? 0 : to.scale())));
            BigDecimal value;
            if (from == null) {
                value = highIncluded ? to : to.subtract(unit);
            } else if (lowIncluded) {
                value = from;
            } else {
                value = from.add(unit);
                if (to != null && value.compareTo(to) >= 0) {
                    value = from.add(to).divide(BigDecimal.valueOf(2));
                }
            }
            return value(value);
        }
        if (low == Interval.NEG_INF && high == Interval.POS_INF) {
            String type = clause.getInputExpression() != null
                            && clause.getInputExpression().getTypeRef() != null
                    ? clause.getInputExpression().getTypeRef().getLocalPart()
                    : "";
            return type.equals("number") ? Phrase.same("0") : Phrase.of("({0})", "({0})", Findings.anyValue());
        }
        if (low instanceof LocalDate || high instanceof LocalDate) {
            if (low instanceof LocalDate from) {
                return Phrase.same((lowIncluded ? from : from.plusDays(1)).toString());
            }
            LocalDate to = (LocalDate) high;
            return Phrase.same((highIncluded ? to : to.minusDays(1)).toString());
        }
        if (low != Interval.NEG_INF && lowIncluded) {
            return value(low);
        }
        if (high != Interval.POS_INF && highIncluded) {
            return value(high);
        }
        return Phrase.same("(" + interval + ")");
    }

    private static List<Object> discrete(DDTAInputClause input) {
        @SuppressWarnings("unchecked")
        List<Object> values = (List<Object>) input.getDiscreteValues();
        return values.stream().filter(value -> !END.equals(value)).collect(Collectors.toList());
    }

    /** Whether the box holds only the end marker on some input: no case is in it. */
    private static boolean empty(DDTATable ddta, Hyperrectangle box) {
        List<Interval> edges = box.getEdges();
        for (int c = 0; c < edges.size(); c++) {
            DDTAInputClause input = ddta.getInputs().get(c);
            if (edges.get(c) != null
                    && input.isDiscreteDomain()
                    && chosen(input, edges.get(c)).isEmpty()) {
                return true;
            }
        }
        return false;
    }

    private static List<Object> chosen(DDTAInputClause input, Interval interval) {
        return discrete(input).stream().filter(interval::asRangeIncludes).collect(Collectors.toList());
    }

    private static Phrase value(Object value) {
        if (value instanceof Boolean yes) {
            return Findings.yesNo(yes);
        }
        if ("true".equals(value) || "false".equals(value)) {
            return Findings.yesNo("true".equals(value));
        }
        if (value instanceof BigDecimal number) {
            return Phrase.same(number.stripTrailingZeros().toPlainString());
        }
        return OTHER.equals(value) ? Findings.other() : Phrase.same(String.valueOf(value));
    }

    private String label(InputClause input) {
        String field =
                input.getInputExpression() != null ? input.getInputExpression().getText() : null;
        if (field != null && labels.containsKey(field.trim())) {
            return labels.get(field.trim());
        }
        if (field != null && !field.isBlank()) {
            return field.trim();
        }
        return input.getLabel() != null ? input.getLabel() : String.valueOf(input.getId());
    }

    /** The decision or business knowledge model the table belongs to. */
    private static String title(DecisionTable table) {
        DMNModelInstrumentedBase parent = table.getParentDRDElement();
        if (parent instanceof Decision decision && decision.getName() != null) {
            return decision.getName();
        }
        if (parent instanceof BusinessKnowledgeModel knowledge && knowledge.getName() != null) {
            return knowledge.getName();
        }
        return table.getOutputLabel() != null ? table.getOutputLabel() : String.valueOf(table.getId());
    }

    /** "regel 9: Art. 7 lid 1: verlenen zone A" / "rule 9: ...", numbered as in the table (from 1). */
    private static Phrase ruleName(DecisionTable table, int rule) {
        DecisionRule row = table.getRule().get(rule - 1);
        String name = row.getDescription();
        if (name == null || name.isBlank()) {
            int column = outputIndex(table, "rule");
            name = column >= 0 ? unquoted(text(row.getOutputEntry().get(column))) : row.getId();
        }
        String named = name == null || name.isBlank() ? "" : ": " + name.trim();
        return Phrase.of("regel {0}{1}", "rule {0}{1}", rule, named);
    }

    static boolean isFindings(DecisionTable table) {
        return table.getHitPolicy() == HitPolicy.COLLECT
                && table.getAggregation() == null
                && outputIndex(table, OUTCOME) >= 0;
    }

    private static int outputIndex(DecisionTable table, String name) {
        for (int o = 0; o < table.getOutput().size(); o++) {
            if (name.equals(table.getOutput().get(o).getName())) {
                return o;
            }
        }
        return -1;
    }

    private static boolean isSet(DecisionTable table, int rule, int output) {
        return text(table.getRule().get(rule - 1).getOutputEntry().get(output)) != null;
    }

    private static boolean isDate(OutputClause output) {
        String type = output.getTypeRef() != null ? output.getTypeRef().getLocalPart() : "";
        return type.equals("date") || type.equals("date and time");
    }

    /** An output entry's FEEL text, or null when it sets nothing. */
    private static String text(LiteralExpression entry) {
        String text = entry == null ? null : entry.getText();
        if (text == null || text.isBlank() || text.trim().equals("null")) {
            return null;
        }
        return text.trim();
    }

    private static String unquoted(String text) {
        if (text != null && text.length() >= 2 && text.startsWith("\"") && text.endsWith("\"")) {
            return text.substring(1, text.length() - 1);
        }
        return text;
    }

    /** A literal outcome ({@code "REJECTED"}), or null when the text is none. */
    private static Outcome outcome(String text) {
        String value = unquoted(text);
        if (value == null || value.equals(text)) {
            return null;
        }
        for (Outcome outcome : Outcome.values()) {
            if (outcome.name().equals(value)) {
                return outcome;
            }
        }
        return null;
    }

    private static final class Result {
        final List<Verification.Gap> gaps = new ArrayList<>();
        final List<Verification.Overlap> overlaps = new ArrayList<>();
        final List<Verification.DeadRow> dead = new ArrayList<>();
        boolean complete = true;
    }
}
