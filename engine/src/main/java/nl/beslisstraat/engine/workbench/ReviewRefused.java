package nl.beslisstraat.engine.workbench;

import java.util.Arrays;
import java.util.Locale;
import nl.beslisstraat.engine.regulation.Phrase;
import org.springframework.context.MessageSource;

/**
 * A workbench action that cannot be done as asked: the task is held by someone else, the
 * motivation is missing, the outcome is not allowed. The message says why, for the reviewer.
 */
public class ReviewRefused extends RuntimeException {

    /** What kind of refusal, for the HTTP status of the API. */
    enum Kind {
        /** The input is wrong: 400. */
        INVALID,
        /** Somebody else holds the task, or the case is not in that state: 409. */
        CONFLICT,
        /** No such task or case: 404. */
        NOT_FOUND
    }

    private final Kind kind;
    private final String code;
    private final Object[] arguments;

    ReviewRefused(String message, Kind kind) {
        this(message, kind, null);
    }

    /**
     * @param code the pages' message for it, {@code refused.<code>} in the bundles, with the
     *     arguments; the message stays the API's (Dutch) detail
     */
    ReviewRefused(String message, Kind kind, String code, Object... arguments) {
        super(message);
        this.kind = kind;
        this.code = code;
        this.arguments = arguments;
    }

    /** The key of the pages' message, or null when the message itself is all there is. */
    String code() {
        return code == null ? null : "refused." + code;
    }

    /**
     * The refusal in the language asked for: the pages' message, its arguments in words said in that
     * language too (a {@link Phrase}, or a message of the bundles); else the message itself.
     */
    String in(MessageSource messages, Locale locale) {
        if (code == null) {
            return getMessage();
        }
        Object[] said = Arrays.stream(arguments)
                .map(argument -> argument instanceof Phrase phrase ? phrase.in(locale) : argument)
                .toArray();
        return messages.getMessage(code(), said, getMessage(), locale);
    }

    public Kind kind() {
        return kind;
    }
}
