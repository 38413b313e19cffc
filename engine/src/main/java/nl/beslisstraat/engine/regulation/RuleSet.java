package nl.beslisstraat.engine.regulation;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import nl.beslisstraat.engine.regulation.table.DecisionTable;
import nl.beslisstraat.engine.regulation.table.RuleRenderer;
import nl.beslisstraat.rules.CaseFacts;
import org.kie.api.KieBase;
import org.kie.api.definition.type.FactField;
import org.kie.api.definition.type.FactType;
import org.kie.api.runtime.StatelessKieSession;
import tools.jackson.databind.JsonNode;

/**
 * One compiled version of a regulation's rules, ready to decide cases. Built once; thread-safe:
 * every {@link #execute} runs in a session of its own, taken from a small pool and reset after
 * use, so no state carries over from one case to the next.
 */
public final class RuleSet {

    private static final int SESSION_POOL_SIZE = 4;
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private final RegulationDescriptor descriptor;
    private final RegulationDescriptor.Version version;
    /** Case type and version, recorded on every decision. */
    private final String label;

    private final InputSchema inputSchema;
    private final FactType factType;
    private final FactBinder factBinder;
    /** The decision tables and DRL of the version; null when its rules are a DMN model. */
    private final StatelessKieSession session;

    private final DmnDecision dmn;
    /** What the rules were compiled into; the build stores it for a shipped version. */
    private final KieBase kieBase;
    /** The typed rows of the version's decision table; null when its rules are a DMN model. */
    private final DecisionTable table;
    /** Rule resources whose content was uploaded rather than shipped, by their name in the version. */
    private final Map<String, byte[]> uploaded;
    /** SHA-256 of the resources compiled, in compile order ({@link ContentHash}). */
    private final String contentHash;
    /** The municipality's choices compiled in; null for the model as it is. */
    private final LocalChoices choices;
    /** Every local choice's value as it applies here, by name: figures for the motivations. */
    private final Map<String, BigDecimal> choiceValues;

    RuleSet(
            RegulationDescriptor descriptor,
            RegulationDescriptor.Version version,
            InputSchema inputSchema,
            KieBase kieBase,
            DecisionTable table,
            Map<String, byte[]> uploaded,
            String contentHash,
            LocalChoices choices,
            Map<String, BigDecimal> choiceValues) {
        this.descriptor = descriptor;
        this.kieBase = kieBase;
        this.contentHash = contentHash;
        this.choices = choices;
        this.choiceValues = Map.copyOf(choiceValues);
        this.version = version;
        this.label = label(descriptor.caseType(), version.version());
        this.inputSchema = inputSchema;
        String type = descriptor.factType();
        int dot = type.lastIndexOf('.');
        this.factType = kieBase.getFactType(type.substring(0, dot), type.substring(dot + 1));
        if (factType == null) {
            throw new IllegalStateException(
                    descriptor.caseType() + ": fact type " + type + " is not declared in its rules");
        }
        this.factBinder = new FactBinder(factType, inputSchema.titles().keySet());
        this.uploaded = Map.copyOf(uploaded);
        this.table = table;
        if (version.rules().stream().anyMatch(RuleSet::isDmn)) {
            this.dmn = new DmnDecision(kieBase, factType, descriptor, label(descriptor.caseType(), version.version()));
            this.session = null;
        } else {
            this.dmn = null;
            // Pooled: a stateless execute then resets a kept session instead of building a new one.
            this.session = kieBase.newKieSessionsPool(SESSION_POOL_SIZE).newStatelessKieSession();
            if (table != null) {
                session.setGlobal(RuleRenderer.ROWS, table);
            }
        }
    }

    KieBase kieBase() {
        return kieBase;
    }

    static boolean isDmn(String rule) {
        return rule.endsWith(".dmn");
    }

    /** A decision table in the regulation's template layout (XLSX, or CSV when uploaded so). */
    static boolean isTable(String rule) {
        return rule.endsWith(".table.xlsx");
    }

    /** The format of the part officers upload: {@code XLSX} decision tables or a {@code DMN} model. */
    public String format() {
        return dmn == null ? "XLSX" : "DMN";
    }

    public String caseType() {
        return descriptor.caseType();
    }

    /** Case type and version, as recorded on every decision: {@code PARKING_PERMIT/2026.1}. */
    public String version() {
        return label;
    }

    /**
     * The SHA-256 (hex) of the rule resources this version was compiled from, in compile order:
     * recorded on every decision beside {@link #version()}, so a recomputation can prove it runs
     * exactly the rules the decision was taken with.
     */
    public String contentHash() {
        return contentHash;
    }

    static String label(String caseType, String version) {
        return caseType + "/" + version;
    }

    public LocalDate effectiveFrom() {
        return version.effectiveFrom();
    }

    public DecisionDeadline decisionDeadline() {
        return descriptor.decisionDeadline() == null ? DecisionDeadline.AWB_DEFAULT : descriptor.decisionDeadline();
    }

    /** Whether the rules read amounts from the norm table. */
    public boolean readsNorms() {
        return !descriptor.norms().isEmpty();
    }

    RegulationDescriptor.Version descriptorVersion() {
        return version;
    }

    /**
     * The part of this version officers upload: its decision table ({@code *.table.xlsx}) or its DMN
     * model ({@code *.dmn}).
     */
    public String tableResource() {
        return version.rules().stream()
                .filter(rule -> isTable(rule) || isDmn(rule))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException(version() + " has no decision table"));
    }

    /** The bytes of that part, as uploaded or shipped: the template an upload is checked against. */
    public byte[] tableContent() {
        byte[] content = uploaded.get(tableResource());
        if (content != null) {
            return content.clone();
        }
        try (java.io.InputStream in =
                RuleSet.class.getClassLoader().getResourceAsStream(descriptor.resource(tableResource()))) {
            if (in == null) {
                throw new IllegalStateException("Decision table of " + version() + " not found");
            }
            return in.readAllBytes();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The municipality's choices this version was compiled with; empty for the model as it is. */
    public Optional<LocalChoices> choices() {
        return Optional.ofNullable(choices);
    }

    /** Each local choice's value as these rules apply it, by name (the figures motivations may name). */
    public Map<String, BigDecimal> choiceValues() {
        return choiceValues;
    }

    /** Resources whose content was uploaded: what a municipality's choices are compiled on again. */
    Map<String, byte[]> uploaded() {
        return uploaded;
    }

    /** The typed rows of the decision table; empty for a DMN model. */
    public Optional<DecisionTable> table() {
        return Optional.ofNullable(table);
    }

    public RegulationDescriptor descriptor() {
        return descriptor;
    }

    public InputSchema inputSchema() {
        return inputSchema;
    }

    /** The declared application type whose fields the engine fills from the case input. */
    FactType factType() {
        return factType;
    }

    /**
     * One field of the application by name, a figure a motivation may name; {@code absent} when the
     * application has no field of that name.
     */
    public Object figure(CaseFacts application, String name, Object absent) {
        FactField field = factType.getField(name);
        return field == null ? absent : field.get(application);
    }

    /**
     * The application fact for this rule set, filled from the case input and, for the norm
     * fields the regulation declares, from the norm table version given.
     */
    public CaseFacts facts(LocalDate referenceDate, JsonNode input, NormSource norms) {
        CaseFacts facts = factBinder.bind(referenceDate, input);
        for (RegulationDescriptor.NormBinding binding : descriptor.norms()) {
            BigDecimal amount = norms.amount(binding.norm(), key -> text(input.get(key)), referenceDate)
                    .orElseThrow(() -> new NormMissing(binding.norm(), norms.version(), referenceDate));
            factType.set(facts, binding.field(), shareOf(binding.field(), amount));
        }
        return facts;
    }

    /**
     * The norm as this municipality applies it: the share its choice sets (95 % of the cost of
     * living norm), unrounded, as the regulation compares percentages of norms; the whole norm
     * when no choice takes a share of it.
     */
    private BigDecimal shareOf(String field, BigDecimal norm) {
        for (LocalChoice choice : descriptor.localChoices()) {
            BigDecimal percentage = choiceValues.get(choice.name());
            if (field.equals(choice.shareOfNorm()) && percentage != null && percentage.compareTo(HUNDRED) != 0) {
                return norm.multiply(percentage).movePointLeft(2);
            }
        }
        return norm;
    }

    private static String text(JsonNode value) {
        return value == null || value.isNull() ? null : value.asString();
    }

    /** Fires the rules on one application; the findings end up on the fact itself. */
    public void execute(CaseFacts application) {
        try {
            if (dmn != null) {
                dmn.fire(application);
            } else {
                session.execute(application);
            }
        } catch (StackOverflowError endless) {
            // a recursive FEEL function: a failed case for a reviewer, not a dead worker thread
            throw new IllegalStateException(version() + " recursed without end on this case", endless);
        }
    }
}
