package nl.beslisstraat.engine.authoring;

import java.time.LocalDate;
import java.util.Optional;
import nl.beslisstraat.engine.regulation.DecisionDeadline;
import nl.beslisstraat.engine.regulation.Phrase;
import nl.beslisstraat.engine.security.UserAccounts;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The rules of a version's life, the same for rule sets and norm tables: a colleague, never the
 * author, approves a draft with a date from today on; only a draft, or an approved version that
 * has not yet taken effect, can be withdrawn. Each step changes the version's row only from the
 * status just read, so of two officers acting at once one wins and the other is refused.
 *
 * <p>Author and approver are compared as persons, not as accounts: a second account of the author
 * (another role, an old name) is the author all the same. The approver's person is looked up at
 * the moment of approval, from an enabled account only, and recorded with the approval.
 */
final class FourEyes {

    private FourEyes() {}

    /**
     * @param table the candidates' table ({@code rule_set_candidates}, {@code norm_candidates}); a
     *     constant of the caller, never input
     */
    static void approve(
            JdbcTemplate jdbc,
            UserAccounts accounts,
            String table,
            long id,
            String author,
            Authorship authorship,
            String approver,
            String status,
            String version,
            LocalDate effectiveFrom,
            LocalDate earliestEffectiveFrom) {
        String approverPerson = accounts.activePerson(approver)
                .orElseThrow(() -> new ApprovalRefused(Phrase.of(
                        "Account {0} is uitgeschakeld en kan niets goedkeuren.",
                        "Account {0} is disabled and cannot approve anything.", approver)));
        checkApproval(
                author, authorship, approver, approverPerson, status, version, effectiveFrom, earliestEffectiveFrom);
        int changed = jdbc.update(
                "update " + table + " set status = 'APPROVED', approver = ?, approver_person = ?, approved_at = now(),"
                        + " effective_from = ? where id = ? and status = 'DRAFT' and upper(author_person) <> upper(?)",
                approver,
                approverPerson,
                effectiveFrom,
                id,
                approverPerson);
        if (changed != 1) {
            throw changedMeanwhile(version);
        }
    }

    /** Whether the page offers the officer to approve: a draft by another person, to an enabled account. */
    static boolean mayApprove(UserAccounts accounts, String officer, Authorship authorship, String status) {
        Optional<String> person = accounts.activePerson(officer);
        return status.equals("DRAFT") && person.isPresent() && !authorship.wrote(person.get());
    }

    static void withdraw(
            JdbcTemplate jdbc, String table, long id, String status, String version, LocalDate effectiveFrom) {
        checkWithdrawal(status, effectiveFrom);
        if (jdbc.update("update " + table + " set status = 'WITHDRAWN' where id = ? and status = ?", id, status) != 1) {
            throw changedMeanwhile(version);
        }
    }

    private static ApprovalRefused changedMeanwhile(String version) {
        return new ApprovalRefused(Phrase.of(
                "Versie {0} is intussen door een ander gewijzigd.",
                "Version {0} has been changed by someone else in the meantime.", version));
    }

    private static void checkApproval(
            String author,
            Authorship authorship,
            String approver,
            String approverPerson,
            String status,
            String version,
            LocalDate effectiveFrom,
            LocalDate earliestEffectiveFrom) {
        if (author.equals(approver)) {
            throw new ApprovalRefused(Phrase.of(
                    "Vier ogen: de auteur kan de eigen versie niet goedkeuren.",
                    "Four eyes: the author cannot approve their own version."));
        }
        // an employee number names the same person in any capitals
        if (approverPerson.equalsIgnoreCase(authorship.authorPerson())) {
            throw new ApprovalRefused(Phrase.of(
                    "Vier ogen: account {0} en auteur {1} horen bij dezelfde persoon (personeelsnummer {2});"
                            + " een collega keurt de versie goed.",
                    "Four eyes: account {0} and author {1} belong to the same person (staff number {2});"
                            + " a colleague approves the version.",
                    approver,
                    author,
                    approverPerson));
        }
        if (approverPerson.equalsIgnoreCase(authorship.originAuthorPerson())) {
            throw new ApprovalRefused(Phrase.of(
                    "Vier ogen: versie {0} brengt versie {1} terug, geschreven door {2} (personeelsnummer {3});"
                            + " een collega keurt de versie goed.",
                    "Four eyes: version {0} brings back version {1}, written by {2} (staff number {3});"
                            + " a colleague approves the version.",
                    version,
                    authorship.reactivatedFrom(),
                    authorship.originAuthor(),
                    approverPerson));
        }
        if (!status.equals("DRAFT")) {
            throw new ApprovalRefused(Phrase.of(
                    "Versie {0} is {1}, geen concept.", "Version {0} is {1}, not a draft.", version, state(status)));
        }
        if (effectiveFrom == null || effectiveFrom.isBefore(earliestEffectiveFrom)) {
            throw new ApprovalRefused(Phrase.of(
                    "De ingangsdatum moet vandaag of later zijn.", "The effective date must be today or later."));
        }
    }

    private static void checkWithdrawal(String status, LocalDate effectiveFrom) {
        boolean inForce =
                status.equals("APPROVED") && !effectiveFrom.isAfter(LocalDate.now(DecisionDeadline.NETHERLANDS));
        if (status.equals("WITHDRAWN") || inForce) {
            throw new ApprovalRefused(Phrase.of(
                    "Alleen een concept of een versie die nog niet is ingegaan, kan worden ingetrokken.",
                    "Only a draft or a version that has not yet taken effect can be withdrawn."));
        }
    }

    /** A version's state in words, as the refusal names it. */
    private static Phrase state(String status) {
        return switch (status) {
            case "APPROVED" -> new Phrase("goedgekeurd", "approved");
            case "WITHDRAWN" -> new Phrase("ingetrokken", "withdrawn");
            case "DRAFT" -> new Phrase("een concept", "a draft");
            default -> Phrase.same(status);
        };
    }
}
