package nl.beslisstraat.engine.operations;

import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import nl.beslisstraat.engine.regulation.DecisionDeadline;
import nl.beslisstraat.engine.tenancy.Municipality;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reads a municipality's {@link MunicipalityFigures} from the database, while working for that
 * municipality (the case tables and {@code run_progress} are under row-level security; the run
 * tables are not and are filtered on the municipality here), and keeps them for {@code
 * beslisstraat.operations.metrics-refresh} (10 s): however often and by however many scrapers the
 * series are read, a municipality costs five cheap queries per period.
 */
@Component
class OperationsFigures implements FiguresSource {

    private static final String JOB = "nightly-decisions";

    private final JdbcTemplate jdbc;
    private final TransactionTemplate readOnly;
    private final long maxAgeNanos;
    private final Map<String, Reading> readings = new ConcurrentHashMap<>();
    private volatile Reading municipalities;

    private record Reading(Object value, long readAt) {}

    OperationsFigures(
            JdbcTemplate jdbc,
            PlatformTransactionManager transactions,
            @Value("${beslisstraat.operations.metrics-refresh:10s}") Duration maxAge) {
        this.jdbc = jdbc;
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
        this.maxAgeNanos = maxAge.toNanos();
    }

    /** The CBS codes of every municipality on the platform (the table is not under row-level security). */
    List<String> municipalities() {
        Reading reading = municipalities;
        if (!fresh(reading)) {
            reading = new Reading(
                    List.copyOf(
                            jdbc.queryForList("select cbs_code from municipalities order by cbs_code", String.class)),
                    System.nanoTime());
            municipalities = reading;
        }
        @SuppressWarnings("unchecked")
        List<String> codes = (List<String>) reading.value();
        return codes;
    }

    @Override
    public MunicipalityFigures of(String municipality) {
        Reading reading = readings.compute(
                municipality, (code, earlier) -> fresh(earlier) ? earlier : new Reading(read(code), System.nanoTime()));
        return (MunicipalityFigures) reading.value();
    }

    private boolean fresh(Reading reading) {
        return reading != null && System.nanoTime() - reading.readAt() < maxAgeNanos;
    }

    private MunicipalityFigures read(String municipality) {
        try (Municipality.Scope ignored = Municipality.enter(municipality)) {
            // one connection and one transaction: the figures of one moment
            return readOnly.execute(status -> readNow(municipality));
        }
    }

    private MunicipalityFigures readNow(String municipality) {
        // the queue index is in id order, so the first queued id is the one waiting longest
        Map<String, Object> queue = jdbc.queryForMap("select count(*) as queued,"
                + " coalesce(extract(epoch from now() - (select received_at from cases where status = 'QUEUED'"
                + " order by id limit 1)), 0) as oldest from cases where status = 'QUEUED'");
        LocalDate today = LocalDate.now(DecisionDeadline.NETHERLANDS);
        Map<String, Object> review = jdbc.queryForMap(
                "select count(*) as open, count(*) filter (where deadline < ?) as overdue"
                        + " from review_tasks where status = 'OPEN'",
                today);
        // a run without a municipality takes every municipality's queue, so it is this one's too
        Long latestRun = first(jdbc.queryForList(
                "select run_id from nightly_runs where municipality = ? or municipality is null"
                        + " order by started_at desc, run_id desc limit 1",
                Long.class,
                municipality));
        List<Map<String, Object>> finished = jdbc.queryForList(
                "select run_id, extract(epoch from finished_at - started_at) as seconds from nightly_runs"
                        + " where (municipality = ? or municipality is null) and finished_at is not null"
                        + " order by finished_at desc, run_id desc limit 1",
                municipality);
        Long finishedRun = finished.isEmpty() ? null : ((Number) finished.get(0).get("run_id")).longValue();
        double finishedSeconds =
                finished.isEmpty() ? Double.NaN : ((Number) finished.get(0).get("seconds")).doubleValue();
        boolean running = Boolean.TRUE.equals(jdbc.queryForObject(
                "select exists (select from batch_job_execution e"
                        + " join batch_job_instance i on i.job_instance_id = e.job_instance_id"
                        + " join nightly_runs r on r.run_id = e.job_instance_id"
                        + " where i.job_name = ? and e.status in ('STARTING', 'STARTED', 'STOPPING')"
                        + " and (r.municipality = ? or r.municipality is null))",
                Boolean.class,
                JOB,
                municipality));
        Map<String, Long> latestRunDecided = new HashMap<>();
        Map<String, Long> decided = new HashMap<>();
        long[] finishedDecided = {0};
        // run_progress is this municipality's only (row-level security)
        jdbc.query(
                "select outcome, coalesce(sum(cases) filter (where run_id = ?), 0) as latest,"
                        + " coalesce(sum(cases) filter (where run_id = ?), 0) as finished, sum(cases) as all_runs"
                        + " from run_progress group by outcome",
                row -> {
                    latestRunDecided.put(row.getString("outcome"), row.getLong("latest"));
                    decided.put(row.getString("outcome"), row.getLong("all_runs"));
                    finishedDecided[0] += row.getLong("finished");
                },
                // no run yet: an id no run has, so the sum is zero
                latestRun == null ? -1L : latestRun,
                finishedRun == null ? -1L : finishedRun);
        double throughput = finishedSeconds > 0 ? finishedDecided[0] / finishedSeconds : Double.NaN;
        return new MunicipalityFigures(
                municipality,
                ((Number) queue.get("queued")).longValue(),
                ((Number) queue.get("oldest")).doubleValue(),
                ((Number) review.get("open")).longValue(),
                ((Number) review.get("overdue")).longValue(),
                Map.copyOf(latestRunDecided),
                Map.copyOf(decided),
                finishedSeconds,
                throughput,
                running);
    }

    private static Long first(List<Long> values) {
        return values.isEmpty() ? null : values.get(0);
    }
}
