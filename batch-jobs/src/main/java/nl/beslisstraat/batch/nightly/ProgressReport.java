package nl.beslisstraat.batch.nightly;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.stereotype.Component;

/**
 * A line on a run's progress every few seconds while it runs, for the command line and the
 * manager's log: cases decided of the run's work, cases per second since this execution started,
 * and the time it will take at that pace.
 */
@Component
public class ProgressReport {

    static final Duration EVERY = Duration.ofSeconds(5);

    private final NightlyRuns runs;
    private final ChunkProgress progress;

    ProgressReport(NightlyRuns runs, ChunkProgress progress) {
        this.runs = runs;
        this.progress = progress;
    }

    /** Watches an execution; gives {@code out} a line every {@link #EVERY}. */
    public Consumer<JobExecution> every(Consumer<String> out) {
        return new Consumer<>() {
            private long since;
            private long decidedBefore = -1;
            private long next;

            @Override
            public void accept(JobExecution execution) {
                if (!execution.isRunning()) {
                    return;
                }
                long now = System.nanoTime();
                long runId = execution.getJobInstance().getInstanceId();
                Optional<List<String>> municipalities = runs.municipalitiesOf(runId);
                if (municipalities.isEmpty()) {
                    return; // launched, but its job has not begun yet
                }
                if (decidedBefore < 0) {
                    // The pace is this execution's own: a restart's earlier work does not count.
                    decidedBefore = progress.decided(runId, municipalities.get());
                    since = now;
                    next = now + EVERY.toNanos();
                    return;
                }
                if (now < next) {
                    return;
                }
                next = now + EVERY.toNanos();
                long decided = progress.decided(runId, municipalities.get());
                out.accept(line(
                        decided, runs.queuedAtStart(runId), decided - decidedBefore, Duration.ofNanos(now - since)));
            }
        };
    }

    /**
     * @param decidedNow decided by this execution (its pace), which after a restart is less than
     *     {@code decided}
     */
    static String line(long decided, long ofCases, long decidedNow, Duration elapsed) {
        double perSecond = decidedNow / Math.max(elapsed.toMillis() / 1000.0, 0.001);
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "  %,d", decided));
        if (ofCases > 0) {
            line.append(String.format(
                    Locale.ROOT, " of %,d cases decided (%d %%)", ofCases, Math.min(100, decided * 100 / ofCases)));
        } else {
            line.append(" cases decided");
        }
        line.append(String.format(Locale.ROOT, ", %,.0f cases/s", perSecond));
        if (ofCases > decided && perSecond > 0) {
            line.append(String.format(Locale.ROOT, ", about %,d s to go", Math.round((ofCases - decided) / perSecond)));
        }
        return line.toString();
    }
}
