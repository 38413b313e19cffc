package nl.beslisstraat.engine.regulation;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import nl.beslisstraat.rules.CaseFacts;
import org.kie.api.definition.type.FactField;
import org.kie.api.definition.type.FactType;
import tools.jackson.databind.JsonNode;

/**
 * Fills a regulation's declared application type from the case input, field by field, by name:
 * the JSON field names are the DRL field names. The declared Java type of each field decides how
 * the JSON value is read, so a new regulation needs no mapping code. Absent values stay at the
 * field's default; the input schema has already sent cases with missing required data to review.
 */
final class FactBinder {

    private final FactType factType;
    private final List<Binding> bindings;

    /**
     * @param inputFields the fields the input schema declares; only these are read from the
     *     input, so an application can never set a field the rules work out themselves
     */
    FactBinder(FactType factType, Set<String> inputFields) {
        this.factType = factType;
        this.bindings = factType.getFields().stream()
                .filter(field -> inputFields.contains(field.getName()))
                .map(field -> new Binding(field, reader(factType, field)))
                .toList();
    }

    CaseFacts bind(LocalDate referenceDate, JsonNode input) {
        CaseFacts facts;
        try {
            facts = (CaseFacts) factType.newInstance();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Cannot create " + factType.getName(), e);
        }
        facts.setReferenceDate(referenceDate);
        for (Binding binding : bindings) {
            JsonNode value = input.get(binding.field().getName());
            if (value != null && !value.isNull()) {
                binding.field().set(facts, binding.reader().apply(value));
            }
        }
        return facts;
    }

    private static Function<JsonNode, Object> reader(FactType factType, FactField field) {
        Class<?> type = field.getType();
        if (type == BigDecimal.class) {
            return node -> node.isNumber() ? node.decimalValue() : new BigDecimal(node.asString());
        }
        if (type == int.class || type == Integer.class) {
            return JsonNode::asInt;
        }
        if (type == long.class || type == Long.class) {
            return JsonNode::asLong;
        }
        if (type == boolean.class || type == Boolean.class) {
            return JsonNode::asBoolean;
        }
        if (type == String.class) {
            return JsonNode::asString;
        }
        if (type == LocalDate.class) {
            return node -> IsoDate.parse(node.asString());
        }
        if (type == LocalTime.class) {
            return node -> LocalTime.parse(node.asString());
        }
        throw new RuleSetCompilationException(factType.getName() + "." + field.getName() + " has type " + type.getName()
                + "; case input supports BigDecimal, int, long, boolean, String, LocalDate and LocalTime");
    }

    private record Binding(FactField field, Function<JsonNode, Object> reader) {}
}
