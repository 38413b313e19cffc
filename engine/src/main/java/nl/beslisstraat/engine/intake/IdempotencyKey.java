package nl.beslisstraat.engine.intake;

import java.util.List;
import java.util.regex.Pattern;

/**
 * A client's own name for one application ({@code Idempotency-Key}), so that sending it again, after
 * an answer that never came, stores it once: the second request gets the first one's case. A UUID
 * is a good key. The same key with another application is refused ({@link Reused}).
 */
final class IdempotencyKey {

    static final String HEADER = "Idempotency-Key";

    /** As the database checks it: what a UUID or a client's own reference is made of. */
    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

    private IdempotencyKey() {}

    /** The key as sent; null when none was; refused (400, nothing stored) when it is no key. */
    static String of(String header) {
        if (header == null) {
            return null;
        }
        if (!KEY.matcher(header).matches()) {
            throw new InvalidApplication(List.of(new FieldError(
                    HEADER, "must be 1 to 64 letters, digits, dots, underscores, colons or hyphens, such as a UUID")));
        }
        return header;
    }

    /** The key was used before, by the same client, for another application: nothing was stored. */
    static final class Reused extends RuntimeException {

        private final long caseId;

        Reused(long caseId) {
            super("This Idempotency-Key was sent before with another application (case " + caseId
                    + "); nothing was stored. Use a new key for a new application.");
            this.caseId = caseId;
        }

        long caseId() {
            return caseId;
        }
    }
}
