package nl.beslisstraat.batch.nightly;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import nl.beslisstraat.engine.decision.DecidedCase;
import nl.beslisstraat.engine.decision.DecisionOutcome;
import nl.beslisstraat.engine.tenancy.Municipality;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * A run's progress in {@code run_progress}: the cases each partition recorded, by case type and
 * outcome, added in the transaction of the chunk that recorded them. So the counts are exact after
 * a crash (a chunk rolled back counted nothing) and a restart (its partitions add to theirs), and
 * the console and the command line read them without counting decisions. Each partition writes
 * rows of its own, so partitions running at once never wait for each other here.
 */
@Repository
public class ChunkProgress {

    private final JdbcTemplate jdbc;

    ChunkProgress(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Counts recorded cases of a partition; call in the transaction that recorded them. */
    void add(long runId, String partition, List<DecidedCase> recorded) {
        Map<Count, Long> counts = new TreeMap<>();
        for (DecidedCase decided : recorded) {
            DecisionOutcome outcome = decided.outcome();
            counts.merge(new Count(outcome.caseType(), outcomeOf(outcome)), 1L, Long::sum);
        }
        jdbc.batchUpdate(
                "insert into run_progress (run_id, partition, case_type, outcome, cases) values (?, ?, ?, ?, ?)"
                        + " on conflict (run_id, partition, case_type, outcome)"
                        + " do update set cases = run_progress.cases + excluded.cases, updated_at = now()",
                counts.entrySet().stream()
                        .map(count -> new Object[] {
                            runId,
                            partition,
                            count.getKey().caseType(),
                            count.getKey().outcome(),
                            count.getValue()
                        })
                        .toList());
    }

    /** Cases the run recorded so far, in the given municipalities (each read as that municipality). */
    long decided(long runId, Collection<String> municipalities) {
        AtomicLong decided = new AtomicLong();
        municipalities.forEach(code -> Municipality.run(
                code,
                () -> decided.addAndGet(jdbc.queryForObject(
                        "select coalesce(sum(cases), 0) from run_progress where run_id = ?", Long.class, runId))));
        return decided.get();
    }

    /** Cases queued now in the given municipalities. */
    long queued(Collection<String> municipalities) {
        AtomicLong queued = new AtomicLong();
        municipalities.forEach(code -> Municipality.run(
                code,
                () -> queued.addAndGet(
                        jdbc.queryForObject("select count(*) from cases where status = 'QUEUED'", Long.class))));
        return queued.get();
    }

    /** What a progress row counts: cases of one type with one outcome. */
    private record Count(String caseType, String outcome) implements Comparable<Count> {

        private static final Comparator<Count> ORDER =
                Comparator.comparing(Count::caseType).thenComparing(Count::outcome);

        @Override
        public int compareTo(Count other) {
            return ORDER.compare(this, other);
        }
    }

    private static String outcomeOf(DecisionOutcome outcome) {
        if (outcome.failed()) {
            return "FAILED";
        }
        return switch (outcome.outcome().name()) {
            case "GRANTED", "PARTIALLY_GRANTED", "REJECTED" -> outcome.outcome().name();
            default -> "TO_REVIEW";
        };
    }
}
