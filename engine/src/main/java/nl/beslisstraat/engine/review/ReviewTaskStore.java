package nl.beslisstraat.engine.review;

import java.time.LocalDate;
import java.util.List;
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
        jdbc.batchUpdate(
                "insert into review_tasks (case_id, reason_codes, error, deadline) values (?, ?, ?, ?)",
                tasks,
                tasks.size(),
                (insert, task) -> {
                    insert.setLong(1, task.caseId());
                    insert.setArray(
                            2,
                            insert.getConnection()
                                    .createArrayOf("text", task.reasonCodes().toArray()));
                    insert.setString(3, task.error());
                    insert.setObject(4, task.deadline());
                });
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
