package nl.beslisstraat.engine.workbench;

import java.time.LocalDate;
import java.util.List;
import nl.beslisstraat.engine.regulation.DecisionDeadline;
import nl.beslisstraat.engine.review.ReviewTaskStore;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The open review tasks, filtered and paged, sorted by legal deadline (the most urgent first). */
@Repository
public class ReviewQueue {

    static final int MAX_PAGE_SIZE = 100;
    private static final String WHERE = " from review_tasks t join cases c on c.id = t.case_id"
            + " where t.status = 'OPEN'"
            + " and (?::text is null or c.case_type = ?)"
            + " and (?::text is null or ? = any (t.reason_codes))"
            + " and (?::date is null or t.deadline <= ?)"
            + " and (?::bigint is null or exists (select 1 from decisions d where d.case_id = t.case_id and d.run_id = ?))"
            + " and (?::text is null or " + ReviewTaskStore.activeClaim("t") + " = ?)";

    private final JdbcTemplate jdbc;

    ReviewQueue(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public QueuePage page(QueueFilter filter, int page, int size) {
        int pageSize = Math.min(Math.max(size, 1), MAX_PAGE_SIZE);
        int pageNumber = Math.max(page, 0);
        LocalDate today = LocalDate.now(DecisionDeadline.NETHERLANDS);
        Object[] where = {
            filter.caseType(),
            filter.caseType(),
            filter.reason(),
            filter.reason(),
            filter.dueBy(),
            filter.dueBy(),
            filter.run(),
            filter.run(),
            filter.claimedBy(),
            filter.claimedBy()
        };
        long total = jdbc.queryForObject("select count(*)" + WHERE, Long.class, where);
        // a page past the last (an old link, a queue that shrank) shows the last page, not "page 10,000 of 158"
        pageNumber = (int) Math.min(pageNumber, Math.max(0, (total - 1) / pageSize));
        List<QueueItem> items = jdbc.query(
                "select t.id, t.case_id, c.case_type, t.kind, t.reason_codes, c.received_at, t.deadline, "
                        + ReviewTaskStore.activeClaim("t") + " as claimed_by"
                        + WHERE
                        + " order by t.deadline, t.id limit ? offset ?",
                (row, n) -> {
                    LocalDate deadline = row.getObject("deadline", LocalDate.class);
                    return new QueueItem(
                            row.getLong("id"),
                            row.getLong("case_id"),
                            row.getString("case_type"),
                            row.getString("kind"),
                            List.of((String[]) row.getArray("reason_codes").getArray()),
                            row.getObject("received_at", java.time.OffsetDateTime.class)
                                    .atZoneSameInstant(DecisionDeadline.NETHERLANDS)
                                    .toLocalDate(),
                            deadline,
                            row.getString("claimed_by"),
                            Urgency.of(deadline, today));
                },
                append(where, pageSize, (long) pageNumber * pageSize));
        return new QueuePage(items, pageNumber, pageSize, total);
    }

    /** The reason codes that occur in the open queue, for the filter. */
    public List<String> reasons() {
        return jdbc.queryForList(
                "select distinct unnest(reason_codes) as reason from review_tasks where status = 'OPEN' order by 1",
                String.class);
    }

    private static Object[] append(Object[] values, Object... more) {
        Object[] all = java.util.Arrays.copyOf(values, values.length + more.length);
        System.arraycopy(more, 0, all, values.length, more.length);
        return all;
    }
}
