package nl.beslisstraat.engine.intake;

import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonPointer;

/**
 * The field a JSON document stopped being readable at, written as intake names fields
 * ({@code household.members[0].income}): a name given twice, or text that is no JSON after a
 * name, is refused naming that field rather than the whole body.
 */
public final class JsonFieldAt {

    private JsonFieldAt() {}

    /** Empty where reading stopped outside any field (an empty body, a document that is no object). */
    public static Optional<String> of(JacksonException unreadable) {
        if (!(unreadable.processor() instanceof JsonParser parser) || parser.currentName() == null) {
            return Optional.empty();
        }
        StringBuilder field = new StringBuilder();
        for (JsonPointer step = parser.streamReadContext().pathAsPointer(); !step.matches(); step = step.tail()) {
            if (step.mayMatchElement()) {
                field.append('[').append(step.getMatchingIndex()).append(']');
            } else {
                field.append(field.isEmpty() ? "" : ".").append(step.getMatchingProperty());
            }
        }
        return field.isEmpty() ? Optional.empty() : Optional.of(field.toString());
    }
}
