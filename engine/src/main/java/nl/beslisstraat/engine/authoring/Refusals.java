package nl.beslisstraat.engine.authoring;

import java.util.List;
import java.util.Locale;

/**
 * A refused upload or step in the officer's page language: each refusal carries its text in both
 * languages; the API gives the Dutch one.
 */
final class Refusals {

    private Refusals() {}

    /** Each problem, in the page's language. */
    static List<String> in(RuntimeException refused, Locale locale) {
        if (refused instanceof InvalidUpload invalid) {
            return invalid.problems(locale);
        }
        if (refused instanceof ApprovalRefused approval) {
            return List.of(approval.in(locale));
        }
        if (refused instanceof OfficerJobs.OfficerBusy busy) {
            return List.of(busy.in(locale));
        }
        return List.of(refused.getMessage());
    }

    /** The refusal as one text, in the page's language. */
    static String one(RuntimeException refused, Locale locale) {
        return String.join(" ", in(refused, locale));
    }
}
