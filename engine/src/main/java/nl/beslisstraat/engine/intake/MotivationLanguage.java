package nl.beslisstraat.engine.intake;

import nl.beslisstraat.engine.decision.StoredDecision;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Motivations are stored in Dutch and English; a reader gets one: Dutch by default, English when
 * asked for. The figures were filled in when the decision was taken, in each language's notation.
 */
public final class MotivationLanguage {

    static final String DUTCH = "nl";
    static final String ENGLISH = "en";

    private MotivationLanguage() {}

    /** {@code ?lang=} wins; else the first language of Accept-Language; Dutch unless that is English. */
    public static String choose(String lang, String acceptLanguage) {
        String asked = lang != null ? lang : acceptLanguage;
        return asked != null && asked.trim().toLowerCase().startsWith(ENGLISH) ? ENGLISH : DUTCH;
    }

    public static StoredDecision of(StoredDecision decision, String language) {
        ArrayNode reasons = JsonNodeFactory.instance.arrayNode();
        for (JsonNode reason : decision.reasons()) {
            ObjectNode copy = ((ObjectNode) reason).deepCopy();
            JsonNode motivation = reason.path("motivation");
            copy.put(
                    "motivation",
                    motivation.path(language).asString(motivation.path(DUTCH).asString(null)));
            copy.put("language", language);
            reasons.add(copy);
        }
        return new StoredDecision(
                decision.id(),
                decision.caseId(),
                decision.outcome(),
                decision.automated(),
                decision.decidedBy(),
                decision.decidedAt(),
                decision.referenceDate(),
                decision.ruleSetVersion(),
                decision.normVersion(),
                reasons,
                decision.amounts(),
                decision.dates(),
                decision.firedRules(),
                decision.error(),
                decision.runId(),
                decision.ruleSetHash(),
                decision.normHash());
    }
}
