package nl.beslisstraat.engine.authoring;

import java.time.LocalDate;
import nl.beslisstraat.engine.regulation.DecisionDeadline;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The rules of a version's life, the same for rule sets and norm tables: a colleague, never the
 * author, approves a draft with a date from today on; only a draft, or an approved version that
 * has not yet taken effect, can be withdrawn. Each step changes the version's row only from the
 * status just read, so of two officers acting at once one wins and the other is refused.
 */
final class FourEyes {

    private FourEyes() {}

    /**
     * @param table the candidates' table ({@code rule_set_candidates}, {@code norm_candidates}); a
     *     constant of the caller, never input
     */
    static void approve(
            JdbcTemplate jdbc,
            String table,
            long id,
            String author,
            String approver,
            String status,
            String version,
            LocalDate effectiveFrom) {
        checkApproval(author, approver, status, version, effectiveFrom);
        int changed = jdbc.update(
                "update " + table + " set status = 'APPROVED', approver = ?, approved_at = now(), effective_from = ?"
                        + " where id = ? and status = 'DRAFT'",
                approver,
                effectiveFrom,
                id);
        if (changed != 1) {
            throw changedMeanwhile(version);
        }
    }

    static void withdraw(
            JdbcTemplate jdbc, String table, long id, String status, String version, LocalDate effectiveFrom) {
        checkWithdrawal(status, effectiveFrom);
        if (jdbc.update("update " + table + " set status = 'WITHDRAWN' where id = ? and status = ?", id, status) != 1) {
            throw changedMeanwhile(version);
        }
    }

    private static ApprovalRefused changedMeanwhile(String version) {
        return new ApprovalRefused("Versie " + version + " is intussen door een ander gewijzigd.");
    }

    private static void checkApproval(
            String author, String approver, String status, String version, LocalDate effectiveFrom) {
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

    private static void checkWithdrawal(String status, LocalDate effectiveFrom) {
        boolean inForce =
                status.equals("APPROVED") && !effectiveFrom.isAfter(LocalDate.now(DecisionDeadline.NETHERLANDS));
        if (status.equals("WITHDRAWN") || inForce) {
            throw new ApprovalRefused(
                    "Alleen een concept of een versie die nog niet is ingegaan, kan worden ingetrokken.");
        }
    }
}
