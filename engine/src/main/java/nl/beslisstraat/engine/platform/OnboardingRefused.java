package nl.beslisstraat.engine.platform;

import java.util.List;

/**
 * An onboarding step that was not done, with what is wrong per field (each message in Dutch,
 * starting with the field's label); nothing was stored.
 */
class OnboardingRefused extends RuntimeException {

    enum Kind {
        /** A field is missing or malformed: 400. */
        INVALID,
        /** The municipality or account exists already: 409. */
        DUPLICATE,
        /** No such municipality: 404. */
        NOT_FOUND
    }

    /** One thing wrong, naming the field as the API and the form call it. */
    record Problem(String field, String message) {}

    private final Kind kind;
    private final List<Problem> problems;

    OnboardingRefused(Kind kind, List<Problem> problems) {
        super(problems.toString());
        this.kind = kind;
        this.problems = List.copyOf(problems);
    }

    OnboardingRefused(Kind kind, String field, String message) {
        this(kind, List.of(new Problem(field, message)));
    }

    Kind kind() {
        return kind;
    }

    List<Problem> problems() {
        return problems;
    }
}
