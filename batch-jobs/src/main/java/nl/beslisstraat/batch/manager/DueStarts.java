package nl.beslisstraat.batch.manager;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.Optional;
import nl.beslisstraat.engine.runs.PlannedStarts;
import org.springframework.scheduling.support.CronExpression;

/**
 * Which planned start of a schedule is due now: the same planned starts the console shows ({@link
 * PlannedStarts}, on the Dutch wall clock across the summer-time changes), the latest of them
 * since the last one taken, if it is recent enough.
 */
final class DueStarts {

    private final CronExpression cron;

    DueStarts(String cron) {
        this.cron = CronExpression.parse(cron);
    }

    /**
     * The latest planned start after {@code after} and not after {@code now}, when it is less than
     * {@code grace} ago: a manager that was down at the planned time still starts the night when it
     * comes back soon enough, but not a night long gone.
     */
    Optional<ZonedDateTime> due(Instant after, Instant now, Duration grace) {
        return latest(after, now).filter(start -> start.toInstant().isAfter(now.minus(grace)));
    }

    /** The latest planned start after {@code after} and not after {@code now}, due or long gone. */
    Optional<ZonedDateTime> latest(Instant after, Instant now) {
        ZonedDateTime latest = null;
        Optional<ZonedDateTime> next = PlannedStarts.next(cron, after.atZone(PlannedStarts.AMSTERDAM));
        // A few hundred planned starts at most between two ticks, even for a cron of every minute.
        for (int seen = 0; next.isPresent() && !next.get().toInstant().isAfter(now) && seen < 10_000; seen++) {
            latest = next.get();
            next = PlannedStarts.next(cron, latest);
        }
        return Optional.ofNullable(latest);
    }
}
