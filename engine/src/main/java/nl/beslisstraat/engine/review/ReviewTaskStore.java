package nl.beslisstraat.engine.review;

import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;
import nl.beslisstraat.engine.database.BulkInsert;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The review_tasks table. Opening tasks is batched: a nightly run opens thousands at once. */
@Repository
public class ReviewTaskStore {

    private final JdbcTemplate jdbc;

    public ReviewTaskStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public void openAll(List<ReviewTask> tasks) {
        if (tasks.isEmpty()) {
            return;
        }
        BulkInsert.into(
                jdbc.getDataSource(),
                "review_tasks",
                List.of("case_id", "reason_codes", "error", "deadline"),
                tasks,
                task -> new Object[] {task.caseId(), arrayLiteral(task.reasonCodes()), task.error(), task.deadline()});
    }

    /**
     * A text[] as PostgreSQL reads it: every element quoted, its quotes and backslashes escaped, a
     * missing one NULL.
     */
    static String arrayLiteral(List<String> elements) {
        return elements.stream()
                .map(element -> element == null
                        ? "NULL"
                        : "\"" + element.replace("\\", "\\\\").replace("\"", "\\\"") + "\"")
                .collect(Collectors.joining(",", "{", "}"));
    }

    /**
     * A claim lapses after a day: a task with a legal deadline must never stay with a reviewer who
     * is away. Until somebody else claims it, its holder may still decide it.
     */
    static final String CLAIM_LAPSES_AFTER = "interval '24 hours'";

    /** Who holds task {@code alias} now, in SQL: null when nobody does or the claim has lapsed. */
    public static String activeClaim(String alias) {
        return "case when " + alias + ".claimed_at > now() - " + CLAIM_LAPSES_AFTER + " then " + alias
                + ".claimed_by end";
    }

    /** Claims an open task nobody holds (or whose claim lapsed); false when somebody holds it or it is closed. */
    public boolean claim(long taskId, String reviewer) {
        return jdbc.update(
                        "update review_tasks set claimed_by = ?, claimed_at = now()"
                                + " where id = ? and status = 'OPEN' and (claimed_by is null or claimed_at <= now() - "
                                + CLAIM_LAPSES_AFTER + ")",
                        reviewer,
                        taskId)
                == 1;
    }

    /** Gives back a task this reviewer holds; false when they do not hold it. */
    public boolean release(long taskId, String reviewer) {
        return jdbc.update(
                        "update review_tasks set claimed_by = null, claimed_at = null"
                                + " where id = ? and status = 'OPEN' and claimed_by = ?",
                        taskId,
                        reviewer)
                == 1;
    }

    /**
     * Gives back every open task a reviewer holds in the current municipality: they no longer work
     * there, and their tasks' deadlines do not wait for the claims to lapse. Returns how many.
     */
    public int releaseAllOf(String reviewer) {
        return jdbc.update(
                "update review_tasks set claimed_by = null, claimed_at = null where status = 'OPEN' and claimed_by = ?",
                reviewer);
    }

    /** Closes a task this reviewer holds; false when they do not hold it (any more). */
    public boolean close(long taskId, String reviewer) {
        return jdbc.update(
                        "update review_tasks set status = 'CLOSED', closed_by = ?, closed_at = now()"
                                + " where id = ? and status = 'OPEN' and claimed_by = ?",
                        reviewer,
                        taskId,
                        reviewer)
                == 1;
    }

    /** Opens a task for an objection (bezwaar) against a decided case; returns its id. */
    public long openObjection(long caseId, String note, LocalDate deadline) {
        return jdbc.queryForObject(
                "insert into review_tasks (case_id, reason_codes, kind, note, deadline)"
                        + " values (?, array['OBJECTION'], 'OBJECTION', ?, ?) returning id",
                Long.class,
                caseId,
                note,
                deadline);
    }

    public List<ReviewTask> openFor(long caseId) {
        return jdbc.query(
                "select case_id, reason_codes, error, deadline from review_tasks where case_id = ? and status = 'OPEN'",
                (row, n) -> new ReviewTask(
                        row.getLong("case_id"),
                        List.of((String[]) row.getArray("reason_codes").getArray()),
                        row.getString("error"),
                        row.getObject("deadline", LocalDate.class)),
                caseId);
    }
}
