package nl.beslisstraat.engine.workbench;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.beslisstraat.engine.regulation.DecisionDeadline;
import nl.beslisstraat.engine.regulation.RegulationCatalog;
import nl.beslisstraat.engine.runs.RunHistory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The figures on the dashboard: per case type and day, how many cases the engine decided without
 * a person (the automation rate); how large and how late the review queue is; and which
 * regulations could not be started (their cases go to review).
 */
@Repository
public class Dashboard {

    static final int DAYS = 14;

    /** Automated decisions of one case type on one day. */
    public record DayRate(LocalDate day, String caseType, long decided, long automated) {

        public double rate() {
            return decided == 0 ? 0 : (double) automated / decided;
        }
    }

    /**
     * The whole picture.
     *
     * @param brokenRegulations the regulations skipped at start-up, by case type (or folder), with
     *     the problem
     * @param overdueBy the deadline up to which a task is overdue (yesterday): the queue filter
     *     behind the overdue figure
     * @param dueSoonBy the deadline up to which a task is due soon: the queue filter behind that figure
     * @param lastRun the municipality's latest nightly run, if any: the run behind the run figure
     */
    public record Figures(
            List<DayRate> automation,
            long queueSize,
            long overdue,
            long dueSoon,
            Map<String, String> brokenRegulations,
            LocalDate overdueBy,
            LocalDate dueSoonBy,
            LastRun lastRun) {}

    /** The latest nightly run, as the dashboard names it: its cases read, when it has finished. */
    public record LastRun(long runId, LocalDate runDate, String status, Long casesRead) {}

    private final JdbcTemplate jdbc;
    private final RegulationCatalog regulations;
    private final RunHistory runs;

    Dashboard(JdbcTemplate jdbc, RegulationCatalog regulations, RunHistory runs) {
        this.jdbc = jdbc;
        this.regulations = regulations;
        this.runs = runs;
    }

    public Figures figures() {
        LocalDate today = LocalDate.now(DecisionDeadline.NETHERLANDS);
        List<DayRate> automation = jdbc.query(
                "select (d.decided_at at time zone 'Europe/Amsterdam')::date as day, c.case_type,"
                        + " count(*) as decided, count(*) filter (where d.outcome <> 'NEEDS_REVIEW') as automated"
                        + " from decisions d join cases c on c.id = d.case_id"
                        + " where d.automated and d.decided_at >= now() - make_interval(days => ?)"
                        + " group by 1, 2 order by 1, 2",
                (row, n) -> new DayRate(
                        row.getObject("day", LocalDate.class),
                        row.getString("case_type"),
                        row.getLong("decided"),
                        row.getLong("automated")),
                DAYS);
        long queue = jdbc.queryForObject("select count(*) from review_tasks where status = 'OPEN'", Long.class);
        long overdue = jdbc.queryForObject(
                "select count(*) from review_tasks where status = 'OPEN' and deadline < ?", Long.class, today);
        LocalDate soon = nl.beslisstraat.rules.calendar.WorkingDays.after(today, Urgency.SOON_WORKING_DAYS);
        long dueSoon = jdbc.queryForObject(
                "select count(*) from review_tasks where status = 'OPEN' and deadline >= ? and deadline <= ?",
                Long.class,
                today,
                soon);
        Map<String, String> broken = new LinkedHashMap<>();
        regulations.broken().forEach(regulation -> broken.put(regulation.name(), regulation.problem()));
        LastRun lastRun = runs.list(RunHistory.Filter.of(null, null, null)).stream()
                .findFirst()
                .map(run -> new LastRun(
                        run.runId(),
                        run.runDate(),
                        run.status(),
                        run.counts() == null ? null : run.counts().read()))
                .orElse(null);
        return new Figures(automation, queue, overdue, dueSoon, broken, today.minusDays(1), soon, lastRun);
    }
}
