package nl.beslisstraat.engine.regulation;

import java.time.LocalDate;
import java.time.Period;
import java.util.Map;
import nl.beslisstraat.rules.CaseFacts;
import org.kie.api.KieBase;
import org.kie.api.definition.type.FactType;
import org.kie.api.runtime.StatelessKieSession;
import tools.jackson.databind.JsonNode;

/**
 * One compiled version of a regulation's rules, ready to decide cases. Built once; thread-safe:
 * every {@link #execute} runs in its own short-lived session of the shared KieBase.
 */
public final class RuleSet {

    private static final int SESSION_POOL_SIZE = 4;

    private final RegulationDescriptor descriptor;
    private final InputSchema inputSchema;
    private final FactType factType;
    private final FactBinder factBinder;
    private final StatelessKieSession session;

    RuleSet(RegulationDescriptor descriptor, InputSchema inputSchema, KieBase kieBase) {
        this.descriptor = descriptor;
        this.inputSchema = inputSchema;
        String type = descriptor.factType();
        int dot = type.lastIndexOf('.');
        this.factType = kieBase.getFactType(type.substring(0, dot), type.substring(dot + 1));
        if (factType == null) {
            throw new IllegalStateException(
                    descriptor.caseType() + ": fact type " + type + " is not declared in its rules");
        }
        this.factBinder = new FactBinder(factType);
        // Pooled: a stateless execute then resets a kept session instead of building a new one.
        this.session = kieBase.newKieSessionsPool(SESSION_POOL_SIZE).newStatelessKieSession();
    }

    public String caseType() {
        return descriptor.caseType();
    }

    /** Case type and version, as recorded on every decision: {@code PARKING_PERMIT/2026.1}. */
    public String version() {
        return descriptor.caseType() + "/" + descriptor.ruleSetVersion();
    }

    public LocalDate effectiveFrom() {
        return descriptor.effectiveFrom();
    }

    public Period decisionDeadline() {
        return descriptor.decisionDeadline();
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

    /** The application's fields by name, for the figures in a motivation. */
    public Map<String, Object> figures(CaseFacts application) {
        return factType.getAsMap(application);
    }

    /** The application fact for this rule set, filled from the case input. */
    public CaseFacts facts(LocalDate referenceDate, JsonNode input) {
        return factBinder.bind(referenceDate, input);
    }

    /** Fires the rules on one application; the findings end up on the fact itself. */
    public void execute(CaseFacts application) {
        session.execute(application);
    }
}
