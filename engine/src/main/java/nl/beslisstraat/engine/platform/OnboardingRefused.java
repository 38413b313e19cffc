package nl.beslisstraat.engine.platform;

import java.util.List;
import nl.beslisstraat.engine.regulation.Phrase;
import nl.beslisstraat.engine.security.AccountRefused;

/**
 * An onboarding step that was not done, with what is wrong per field (each message in both
 * languages of the pages, starting with the field's label); nothing was stored. The API answers the
 * Dutch text; a page shows the one of its language.
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

    /**
     * One thing wrong, naming the field as the API and the form call it; in JSON the message is its
     * Dutch text.
     */
    record Problem(String field, Phrase message) {

        /** The account's refusal as a problem of the step. */
        static Problem of(AccountRefused refused) {
            return new Problem(refused.field(), refused.phrase());
        }
    }

    private final Kind kind;
    private final List<Problem> problems;

    OnboardingRefused(Kind kind, List<Problem> problems) {
        super(problems.toString());
        this.kind = kind;
        this.problems = List.copyOf(problems);
    }

    OnboardingRefused(Kind kind, String field, Phrase message) {
        this(kind, List.of(new Problem(field, message)));
    }

    OnboardingRefused(Kind kind, AccountRefused refused) {
        this(kind, List.of(Problem.of(refused)));
    }

    /** No municipality has this CBS code. */
    static OnboardingRefused noMunicipality(String cbsCode) {
        return new OnboardingRefused(
                Kind.NOT_FOUND,
                "cbsCode",
                Phrase.of("CBS-code: geen gemeente {0}.", "CBS code: no municipality {0}.", cbsCode));
    }

    Kind kind() {
        return kind;
    }

    List<Problem> problems() {
        return problems;
    }
}
