package nl.beslisstraat.engine.authoring;

import java.time.Duration;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import nl.beslisstraat.engine.regulation.Phrase;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The work a policy officer sets going on a candidate version besides the upload's own checks: the
 * example runs of an upload, a simulation on past decisions, and the background warm-up of a new
 * draft. At most one such job per officer (by account) at a time, each with a wall-clock budget
 * checked between cases, and each can be told to stop: by the officer (a simulation), by the
 * withdrawal of its version, or by its budget. A job that stops early says after how many cases
 * and why, and never runs on.
 *
 * <p>A warm-up runs in the name of the draft's author but gives way to anything the officer asks
 * for: it only exists to make that officer's first simulation fast. Issue 9 item 3; proved by
 * {@code OfficerJobsIntegrationTests}.
 */
@Component
public class OfficerJobs {

    /**
     * An officer waits for a simulation with the page open; 100,000 past cases take 2 to 5 s
     * (docs/performance.md), so a minute is ample for any period an officer asks for, and a
     * draft that needs longer is one the nightly run could not decide in time either.
     */
    static final Duration SIMULATION_BUDGET = Duration.ofSeconds(60);

    /**
     * The warm-up decides 20,000 table cases on one thread in about a second; 30 s keeps a draft
     * whose cases are each just inside the 200 ms per-case budget from holding that thread for
     * long (item 8: no background CPU after 10 s of a hostile upload is met well before this,
     * because a hostile upload never gets past the checks).
     */
    static final Duration WARM_UP_BUDGET = Duration.ofSeconds(30);

    /**
     * The example runs are part of the upload request: a regulation has tens of examples, an
     * officer's own file perhaps hundreds, each within the 200 ms per-case budget. 20 s bounds an
     * upload with thousands of slow examples before a proxy or the officer gives up on it.
     */
    static final Duration EXAMPLE_BUDGET = Duration.ofSeconds(20);

    /** How long a request waits for a warm-up it pre-empts to stop between two cases. */
    private static final Duration PRE_EMPTED_WARM_UP_GRACE = Duration.ofSeconds(2);

    /** What a job does, in the officer's words. */
    public enum Kind {
        SIMULATION(new Phrase("een simulatie", "a simulation")),
        WARM_UP(new Phrase("de voorbereiding van een simulatie", "the preparation of a simulation")),
        EXAMPLES(new Phrase("een upload met voorbeeldgevallen", "an upload with example cases"));

        private final Phrase words;

        Kind(Phrase words) {
            this.words = words;
        }
    }

    /** The candidate version a job works on. */
    record Target(DraftUploaded.Kind kind, long id) {}

    private final Map<Kind, Duration> budgets;
    /** The running job per officer; guarded by {@code this}. */
    private final Map<String, Job> running = new HashMap<>();

    OfficerJobs(
            @Value("${beslisstraat.authoring.simulation-budget:60s}") Duration simulation,
            @Value("${beslisstraat.authoring.warm-up-budget:30s}") Duration warmUp,
            @Value("${beslisstraat.authoring.example-budget:20s}") Duration examples) {
        this.budgets = Map.of(Kind.SIMULATION, simulation, Kind.WARM_UP, warmUp, Kind.EXAMPLES, examples);
    }

    /** With the budgets above, for code outside a Spring context (tests, a restarted catalog). */
    static OfficerJobs withDefaultBudgets() {
        return new OfficerJobs(SIMULATION_BUDGET, WARM_UP_BUDGET, EXAMPLE_BUDGET);
    }

    /**
     * Starts the officer's job with its kind's budget; close it when done.
     *
     * @param target the version it works on; null for the example runs of an upload not yet stored
     * @throws OfficerBusy when the officer already runs a simulation or an upload
     */
    Job start(String officer, Kind kind, Target target) {
        return start(officer, kind, target, budgets.get(kind));
    }

    /** The same with a budget of its own. */
    Job start(String officer, Kind kind, Target target, Duration budget) {
        Job job = new Job(officer, kind, target, budget);
        Job preEmpted;
        synchronized (this) {
            preEmpted = running.get(officer);
            if (preEmpted != null && (preEmpted.kind != Kind.WARM_UP || kind == Kind.WARM_UP)) {
                throw new OfficerBusy(preEmpted);
            }
            running.put(officer, job);
        }
        if (preEmpted != null) {
            preEmpted.stop(Stop.PRE_EMPTED);
            preEmpted.awaitEnd(PRE_EMPTED_WARM_UP_GRACE);
        }
        return job;
    }

    /** A warm-up for the officer, unless the officer is busy: then the officer's own job warms up. */
    Optional<Job> startWarmUp(String officer, Target target) {
        try {
            return Optional.of(start(officer, Kind.WARM_UP, target));
        } catch (OfficerBusy busy) {
            return Optional.empty();
        }
    }

    /** The officer's running job, if any. */
    public synchronized Optional<Job> of(String officer) {
        return Optional.ofNullable(running.get(officer));
    }

    /** All running jobs. */
    public synchronized List<Job> running() {
        return List.copyOf(running.values());
    }

    /**
     * Tells the officer's simulation of the version to stop after the case it is deciding.
     *
     * @return whether such a simulation was running
     */
    boolean cancelSimulation(String officer, Target target) {
        Optional<Job> job = of(officer).filter(j -> j.kind == Kind.SIMULATION && target.equals(j.target));
        job.ifPresent(j -> j.stop(Stop.CANCELLED));
        return job.isPresent();
    }

    /** Stops every job on a version that was withdrawn: its warm-up and anyone's simulation of it. */
    void withdrawn(Target target) {
        running().stream().filter(job -> target.equals(job.target)).forEach(job -> job.stop(Stop.WITHDRAWN));
    }

    private synchronized void ended(Job job) {
        running.remove(job.officer, job);
    }

    /** Why a job stopped before its last case. */
    enum Stop {
        TIME_LIMIT(new Phrase("tijdslimiet", "time limit")),
        CANCELLED(new Phrase("geannuleerd", "cancelled")),
        WITHDRAWN(new Phrase("versie ingetrokken", "version withdrawn")),
        PRE_EMPTED(new Phrase("voorrang voor uw eigen verzoek", "your own request went first"));

        private final Phrase words;

        Stop(Phrase words) {
            this.words = words;
        }
    }

    /**
     * One running job. Whoever runs it asks {@link #stopping()} before each case and stops when it
     * answers true; closing it frees the officer for the next job.
     */
    public final class Job implements AutoCloseable {

        private final String officer;
        private final Kind kind;
        private final Target target;
        private final Duration budget;
        private final long deadline;
        private final LocalTime startedAt = LocalTime.now().truncatedTo(ChronoUnit.SECONDS);
        private final CountDownLatch ended = new CountDownLatch(1);
        private volatile Stop stop;

        private Job(String officer, Kind kind, Target target, Duration budget) {
            this.officer = officer;
            this.kind = kind;
            this.target = target;
            this.budget = budget;
            this.deadline = System.nanoTime() + budget.toNanos();
        }

        /** Whether to stop now: cancelled, its version withdrawn, or over its budget. */
        public boolean stopping() {
            if (stop == null && System.nanoTime() - deadline > 0) {
                stop(Stop.TIME_LIMIT);
            }
            return stop != null;
        }

        /**
         * Null when the job was not stopped early; else, in the officer's words, how far it got:
         * "afgebroken na 1234 gevallen (tijdslimiet)".
         */
        public String stoppedAfter(long cases) {
            Phrase why = stoppedWhy(cases);
            return why == null ? null : why.nl();
        }

        /** The same in both languages, for a page. */
        public Phrase stoppedWhy(long cases) {
            Stop why = stop;
            return why == null
                    ? null
                    : Phrase.of("afgebroken na {0} gevallen ({1})", "stopped after {0} cases ({1})", cases, why.words);
        }

        private synchronized void stop(Stop why) {
            if (stop == null) {
                stop = why;
            }
        }

        private void awaitEnd(Duration grace) {
            try {
                ended.await(grace.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        public String officer() {
            return officer;
        }

        public Kind kind() {
            return kind;
        }

        Target target() {
            return target;
        }

        public Duration budget() {
            return budget;
        }

        /** Local time, to the second, for the officer's page. */
        public LocalTime startedAt() {
            return startedAt;
        }

        @Override
        public void close() {
            ended(this);
            ended.countDown();
        }
    }

    /** The officer already runs a simulation or an upload; the request is refused, nothing started. */
    public static class OfficerBusy extends RuntimeException {

        private final Phrase phrase;

        OfficerBusy(Job running) {
            this(Phrase.of(
                    "U heeft al {0} lopen (gestart om {1}). Er loopt per medewerker één simulatie of upload"
                            + " tegelijk: wacht tot die klaar is{2}",
                    "You already have {0} running (started at {1}). Each officer runs one simulation or upload"
                            + " at a time: wait until it is done{2}",
                    running.kind.words,
                    running.startedAt,
                    running.kind == Kind.SIMULATION
                            ? new Phrase(" of breek de simulatie af.", " or cancel the simulation.")
                            : Phrase.same(".")));
        }

        private OfficerBusy(Phrase phrase) {
            super(phrase.nl());
            this.phrase = phrase;
        }

        /** Why, in the page's language. */
        public String in(Locale locale) {
            return phrase.in(locale);
        }
    }
}
