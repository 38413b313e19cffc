package nl.beslisstraat.engine.runs;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.scheduling.support.CronExpression;

/**
 * The planned starts of a schedule, read on the Dutch wall clock: a run at 02:30 is a run at 02:30
 * every night, also on the two nights the clocks change. {@link CronExpression#next} on a
 * {@link ZonedDateTime} skips the night the clocks go forward when the start falls in the missing
 * hour, and starts twice on the night they go back; neither is what a scheduler asks for. Here the
 * expression steps through local times; a start in the missing hour moves on by the length of the
 * gap (02:30 becomes 03:30 summer time), and a start in the repeated hour happens once, at its first
 * occurrence. The manager process (batch-jobs, which depends on the engine) should fire the schedule
 * with this class too, so that the starts the page shows are the starts that happen.
 */
public final class PlannedStarts {

    /** The zone every schedule is read in. */
    public static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");

    private PlannedStarts() {}

    /** The first planned start strictly after {@code moment}, if the expression ever fires again. */
    public static Optional<ZonedDateTime> next(CronExpression cron, ZonedDateTime moment) {
        List<ZonedDateTime> one = after(cron, moment, 1);
        return one.isEmpty() ? Optional.empty() : Optional.of(one.get(0));
    }

    /** The next {@code count} planned starts strictly after {@code moment}, in Dutch time. */
    public static List<ZonedDateTime> after(CronExpression cron, ZonedDateTime moment, int count) {
        ZonedDateTime from = moment.withZoneSameInstant(AMSTERDAM);
        List<ZonedDateTime> starts = new ArrayList<>();
        // a start that falls in the repeated autumn hour is taken at its first occurrence; when
        // asked from within the second, that one is already past and is dropped below
        LocalDateTime local = from.toLocalDateTime();
        while (starts.size() < count) {
            local = cron.next(local);
            if (local == null) {
                break; // an expression that never fires again (such as 31 February)
            }
            ZonedDateTime start = ZonedDateTime.ofLocal(local, AMSTERDAM, null);
            if (start.isAfter(from)) {
                starts.add(start);
            }
        }
        return starts;
    }
}
