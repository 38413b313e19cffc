package nl.beslisstraat.engine.authoring;

import java.time.LocalDate;
import nl.beslisstraat.engine.regulation.DecisionDeadline;

/**
 * The rules of a version's life, the same for rule sets and norm tables: a colleague, never the
 * author, approves a draft with a date from today on; only a draft, or an approved version that
 * has not yet taken effect, can be withdrawn.
 */
final class FourEyes {

    private FourEyes() {}

    static void checkApproval(String author, String approver, String status, String version, LocalDate effectiveFrom) {
        if (author.equals(approver)) {
            throw new ApprovalRefused("Vier ogen: de auteur kan de eigen versie niet goedkeuren.");
        }
        if (!status.equals("DRAFT")) {
            throw new ApprovalRefused("Versie " + version + " is " + status + ", geen concept.");
        }
        if (effectiveFrom == null || effectiveFrom.isBefore(LocalDate.now(DecisionDeadline.NETHERLANDS))) {
            throw new ApprovalRefused("De ingangsdatum moet vandaag of later zijn.");
        }
    }

    static void checkWithdrawal(String status, LocalDate effectiveFrom) {
        boolean inForce =
                status.equals("APPROVED") && !effectiveFrom.isAfter(LocalDate.now(DecisionDeadline.NETHERLANDS));
        if (status.equals("WITHDRAWN") || inForce) {
            throw new ApprovalRefused(
                    "Alleen een concept of een versie die nog niet is ingegaan, kan worden ingetrokken.");
        }
    }
}
