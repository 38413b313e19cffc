package nl.beslisstraat.batch.manager;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Optional;
import org.springframework.scheduling.support.CronExpression;

/**
 * The planned starts of a schedule: a Spring cron expression read in Europe/Amsterdam, so "01:00"
 * stays 01:00 on the clocks of the Netherlands in summer and in winter, and a start in the hour that
 * does not exist on the night the clocks go forward moves to the hour after.
 */
final class PlannedStarts {

    static final ZoneId NETHERLANDS = ZoneId.of("Europe/Amsterdam");

    private final CronExpression cron;

    PlannedStarts(String cron) {
        this.cron = CronExpression.parse(cron);
    }

    /**
     * The latest planned start after {@code after} and not after {@code now}, when it is less than
     * {@code grace} ago: a manager that was down at the planned time still starts the night when it
     * comes back soon enough, but not a night long gone.
     */
    Optional<ZonedDateTime> due(Instant after, Instant now, Duration grace) {
        ZonedDateTime latest = null;
        ZonedDateTime next = cron.next(after.atZone(NETHERLANDS));
        // A few hundred planned starts at most between two ticks, even for a cron of every minute.
        for (int seen = 0; next != null && !next.toInstant().isAfter(now) && seen < 10_000; seen++) {
            latest = next;
            next = cron.next(next);
        }
        return Optional.ofNullable(latest).filter(start -> start.toInstant().isAfter(now.minus(grace)));
    }

    /** The latest planned start not after {@code now}, due or long gone. */
    Optional<ZonedDateTime> latest(Instant after, Instant now) {
        return due(after, now, Duration.ofDays(365_000));
    }
}
