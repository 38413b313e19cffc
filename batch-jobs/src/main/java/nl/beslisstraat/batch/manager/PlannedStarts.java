package nl.beslisstraat.batch.manager;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Optional;
import org.springframework.scheduling.support.CronExpression;

/**
 * The planned starts of a schedule: a Spring cron expression read on the clocks of the Netherlands
 * (Europe/Amsterdam), so "01:00" stays 01:00 in summer and in winter. On the night the clocks go
 * forward, a start in the hour that does not exist comes an hour later (02:30 becomes 03:30); on
 * the night they go back, a start in the hour that comes twice comes once, the first time.
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
        // Planned on the wall clock: each local time comes once, also in the hour that is repeated
        // when summer time ends, and a local time the clocks skip moves on by the skipped hour.
        ZonedDateTime latest = null;
        LocalDateTime next = cron.next(after.atZone(NETHERLANDS).toLocalDateTime());
        // A few hundred planned starts at most between two ticks, even for a cron of every minute.
        for (int seen = 0; next != null && seen < 10_000; seen++) {
            ZonedDateTime start = ZonedDateTime.ofLocal(next, NETHERLANDS, null);
            if (start.toInstant().isAfter(now)) {
                break;
            }
            latest = start;
            next = cron.next(next);
        }
        return Optional.ofNullable(latest).filter(start -> start.toInstant().isAfter(now.minus(grace)));
    }

    /** The latest planned start not after {@code now}, due or long gone. */
    Optional<ZonedDateTime> latest(Instant after, Instant now) {
        return due(after, now, Duration.ofDays(365_000));
    }
}
