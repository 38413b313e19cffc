package nl.beslisstraat.engine.workbench;

import java.time.OffsetDateTime;
import java.util.List;
import nl.beslisstraat.engine.review.ReviewTaskStore;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * What happened to a case, oldest first: its audit entries, its automated decision (which is its
 * own audit entry, see {@code audit_trail}) and the entries of its review tasks.
 */
@Repository
public class CaseHistory {

    /** One line of the history. */
    public record Event(OffsetDateTime at, String actor, String action, String details) {}

    /** A review task of the case, open or closed. */
    public record Task(
            long id,
            String kind,
            List<String> reasonCodes,
            String note,
            String error,
            java.time.LocalDate deadline,
            String status,
            String claimedBy) {}

    private final JdbcTemplate jdbc;

    CaseHistory(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public List<Event> of(long caseId) {
        return jdbc.query(
                "select at, actor, action, details::text from audit_trail"
                        + " where (chain_table = 'audit_log' and ((subject_type = 'case' and subject_id = ?)"
                        + " or (subject_type = 'review-task' and subject_id in"
                        + " (select id::text from review_tasks where case_id = ?))))"
                        + " or (chain_table = 'decisions' and case_id = ?)"
                        // what one transaction wrote shares its time; the decision comes after the log's entries
                        + " order by at, chain_table = 'decisions', id",
                (row, n) -> new Event(
                        row.getObject("at", OffsetDateTime.class),
                        row.getString("actor"),
                        row.getString("action"),
                        row.getString("details")),
                Long.toString(caseId),
                caseId,
                caseId);
    }

    public List<Task> tasks(long caseId) {
        return jdbc.query(
                "select id, kind, reason_codes, note, error, deadline, status, " + ReviewTaskStore.activeClaim("t")
                        + " as claimed_by from review_tasks t where case_id = ? order by id",
                (row, n) -> new Task(
                        row.getLong("id"),
                        row.getString("kind"),
                        List.of((String[]) row.getArray("reason_codes").getArray()),
                        row.getString("note"),
                        row.getString("error"),
                        row.getObject("deadline", java.time.LocalDate.class),
                        row.getString("status"),
                        row.getString("claimed_by")),
                caseId);
    }
}
