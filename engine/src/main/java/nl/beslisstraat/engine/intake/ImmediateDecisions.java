package nl.beslisstraat.engine.intake;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import nl.beslisstraat.engine.cases.CaseApplication;
import nl.beslisstraat.engine.cases.CaseStore;
import nl.beslisstraat.engine.cases.StoredCase;
import nl.beslisstraat.engine.decision.DecidedCase;
import nl.beslisstraat.engine.decision.DecisionRecorder;
import nl.beslisstraat.engine.decision.DecisionService;
import nl.beslisstraat.engine.decision.PendingDecision;
import nl.beslisstraat.engine.decision.RecordedDecision;
import nl.beslisstraat.engine.tenancy.Municipality;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionTimedOutException;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Decides applications at once, as {@code POST /api/cases/decide-now} asks: each by the rules and
 * records the nightly run uses, without the wait in the queue (decide it, store it as decided,
 * record the decision), committed before the request is answered.
 *
 * <p>The rules run on the request's own thread: they need neither the case's id nor its time of
 * receipt. Storing is shared. Applications of one municipality that arrive together are stored and
 * recorded in one transaction: every decision of a municipality is a link of that municipality's
 * hash chain of decisions, and a transaction that adds a link holds a lane of the chain until it
 * commits (four lanes per table); one transaction per request would make concurrent requests queue
 * for the lanes a commit at a time, each holding a database connection while it waits, and would
 * pay the chain's bookkeeping and a commit per request. So each municipality has a writer thread
 * ({@code beslisstraat.intake.decide-now.writers}, default 1: it only stores, so one keeps the
 * batches largest) that takes whatever applications are waiting (up to {@code
 * beslisstraat.intake.decide-now.max-batch}, default 50) and stores them together: one insert of
 * their cases, one wait for the chain's head and one commit for all. While requests arrive together
 * it waits a moment for more ({@code beslisstraat.intake.decide-now.gather}, default 2 ms); a
 * request after a quiet spell is stored at once, without waiting for company. Each request still
 * gets its own case, with the client that sent it, and its own decision. Should the database refuse
 * the shared transaction for what an application holds, each half of the batch is tried again in a
 * transaction of its own, and so on down to the application at fault, so one request's bad data
 * never fails another; any other failure (a lost connection, say) fails the batch, as it would have
 * failed each of its transactions.
 *
 * <p>A request is never kept waiting without bounds, and never told "not stored" about an
 * application that was stored. An application still waiting for its writer after {@code
 * beslisstraat.intake.decide-now.answer-within} (default 5 s) is taken back from the queue, so no
 * writer will store it, and the request is answered that nothing was stored. Once a writer has
 * taken it, the request waits for the writer's transaction, whose statements the database ends
 * after {@code beslisstraat.intake.decide-now.store-within} (default 10 s, whole seconds), rolling
 * it back. A transaction that failed before its commit (too slow, no connection, a lock it could
 * not get) stored nothing, and each of its requests is told so; a failed commit leaves it open
 * whether the data is stored, and is answered as a failure, not as "not stored". What no statement
 * limit bounds (a connection to wait for, a commit, a refused batch tried again in halves) the
 * request bounds itself: after twice {@code store-within} it answers that the outcome is not known
 * ({@link OutcomeUnknown}), which a client that sent an {@code Idempotency-Key} resolves by sending
 * it again.
 *
 * <p>When the engine stops, the writers stop after the web server: they store what is waiting, take
 * nothing new and end before the database connections close, so every request is answered.
 */
@Component
class ImmediateDecisions implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ImmediateDecisions.class);

    /** One application waiting for its writers, with the client that sent it and the answer it waits for. */
    private record Waiting(
            CaseApplication application,
            String idempotencyKey,
            Authentication client,
            PendingDecision pending,
            CompletableFuture<Decided> answer) {

        /** The case to store: in the status its decision gives it, for it never waits in the queue. */
        CaseStore.Submission submission() {
            return new CaseStore.Submission(
                    application, client, DecisionRecorder.statusAfter(pending.outcome()), idempotencyKey);
        }
    }

    /** Behind the last application a stopping engine takes: a writer that takes it ends. */
    private static final Waiting END = new Waiting(null, null, null, null, null);

    /** An application as stored and what was recorded for it, enough to answer without reading it back. */
    record Decided(StoredCase stored, RecordedDecision recorded) {}

    private final CaseStore cases;
    private final DecisionService decisionService;
    private final DecisionRecorder recorder;
    private final TransactionTemplate transaction;
    private final int maxBatch;
    private final int writers;
    private final long gatherNanos;
    private final long answerWithinNanos;
    private final long storeWithinNanos;
    private final Map<String, Writers> writersByMunicipality = new ConcurrentHashMap<>();
    private volatile boolean running = true;

    ImmediateDecisions(
            CaseStore cases,
            DecisionService decisionService,
            DecisionRecorder recorder,
            PlatformTransactionManager transactions,
            @Value("${beslisstraat.intake.decide-now.max-batch:50}") int maxBatch,
            @Value("${beslisstraat.intake.decide-now.writers:1}") int writers,
            @Value("${beslisstraat.intake.decide-now.gather:2ms}") Duration gather,
            @Value("${beslisstraat.intake.decide-now.answer-within:5s}") Duration answerWithin,
            @Value("${beslisstraat.intake.decide-now.store-within:10s}") Duration storeWithin) {
        this.cases = cases;
        this.decisionService = decisionService;
        this.recorder = recorder;
        this.transaction = new TransactionTemplate(transactions);
        this.transaction.setTimeout((int) Math.max(1, storeWithin.toSeconds()));
        this.maxBatch = Math.max(1, maxBatch);
        this.writers = Math.max(1, writers);
        this.gatherNanos = gather.toNanos();
        this.answerWithinNanos = answerWithin.toNanos();
        this.storeWithinNanos = Duration.ofSeconds(transaction.getTimeout()).toNanos();
    }

    /**
     * Decides the application for the current thread's municipality and signed-in client; returns
     * the stored case and its recorded decision once they are committed.
     */
    Decided decide(CaseApplication application) {
        return decide(application, null);
    }

    /**
     * {@link #decide(CaseApplication)}, with the client's key for the application (null for none):
     * a key the client used before makes the database refuse it ({@code DuplicateKeyException}).
     */
    Decided decide(CaseApplication application, String idempotencyKey) {
        String municipality = Municipality.current()
                .orElseThrow(() -> new IllegalStateException("An application is decided for a municipality"));
        if (!running) {
            throw NothingStored.stopping();
        }
        Waiting waiting = new Waiting(
                application,
                idempotencyKey,
                SecurityContextHolder.getContext().getAuthentication(),
                decisionService.decideApplication(application),
                new CompletableFuture<>());
        Writers municipalityWriters = writersByMunicipality.computeIfAbsent(municipality, Writers::new);
        if (!municipalityWriters.offer(waiting)) {
            throw NothingStored.stopping();
        }
        try {
            return answerOf(waiting, municipalityWriters);
        } catch (CompletionException failed) {
            if (failed.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw failed;
        }
    }

    /** The answer within its time, or "not stored" if no writer took the application by then. */
    private Decided answerOf(Waiting waiting, Writers municipalityWriters) {
        try {
            return waiting.answer().get(answerWithinNanos, TimeUnit.NANOSECONDS);
        } catch (TimeoutException | InterruptedException notYet) {
            if (notYet instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            if (municipalityWriters.withdraw(waiting)) {
                throw NothingStored.tooSlow(null);
            }
            return storedBy(waiting);
        } catch (ExecutionException failed) {
            throw new CompletionException(failed.getCause());
        }
    }

    /**
     * The answer of a writer that took the application. Its statements end within their time limit,
     * but waiting for a connection, a commit, or the halves of a refused batch each in their own
     * time may take longer; after twice that limit the request stops waiting, and says that it does
     * not know whether the application was stored.
     */
    private Decided storedBy(Waiting waiting) {
        try {
            return waiting.answer().get(2 * storeWithinNanos, TimeUnit.NANOSECONDS);
        } catch (TimeoutException | InterruptedException stillStoring) {
            if (stillStoring instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            throw new OutcomeUnknown();
        } catch (ExecutionException failed) {
            throw new CompletionException(failed.getCause());
        }
    }

    /**
     * The request stopped waiting while a writer was still storing its application: it may be
     * stored or not. A client that sent an {@code Idempotency-Key} learns which by sending it again.
     */
    static final class OutcomeUnknown extends RuntimeException {
        OutcomeUnknown() {
            super("The application was still being stored when the engine stopped waiting; it may be stored"
                    + " or not. Send it again with the same Idempotency-Key to get its case, or look it up"
                    + " before sending it again without one.");
        }
    }

    /** The application was not stored, so the client may send it again, later or elsewhere. */
    static final class NothingStored extends IllegalStateException {

        private final String title;

        private NothingStored(String title, String detail, Throwable cause) {
            super(detail, cause);
            this.title = title;
        }

        static NothingStored stopping() {
            return new NothingStored("Engine stopping", "The engine is stopping; nothing was stored.", null);
        }

        static NothingStored tooSlow(Throwable cause) {
            return new NothingStored(
                    "Not stored in time",
                    "The application could not be stored in time; nothing was stored. Send it again later.",
                    cause);
        }

        String title() {
            return title;
        }
    }

    /** After the web server (which stops in a higher phase), before the database connections close. */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 4096;
    }

    @Override
    public void start() {
        writersByMunicipality.clear(); // the writers of an earlier stop have ended
        running = true;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Stores what is waiting, then ends the writers; a request that comes later is refused. */
    @Override
    public void stop() {
        running = false;
        writersByMunicipality.values().forEach(Writers::close);
        for (Writers municipalityWriters : writersByMunicipality.values()) {
            for (Thread thread : municipalityWriters.threads) {
                try {
                    thread.join(TimeUnit.SECONDS.toMillis(30));
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /** One municipality's decided applications waiting to be stored, and the threads that store them, a batch each. */
    private final class Writers implements Runnable {

        private final String municipality;
        private final BlockingQueue<Waiting> queue = new LinkedBlockingQueue<>();
        private final List<Thread> threads = new ArrayList<>();
        /** Set once, under the same lock as every offer: nothing joins the queue after it. */
        private boolean closed;

        Writers(String municipality) {
            this.municipality = municipality;
            for (int i = 0; i < writers; i++) {
                Thread thread = new Thread(this, "decide-now-" + municipality + "-" + i);
                thread.setDaemon(true);
                threads.add(thread);
            }
            threads.forEach(Thread::start);
        }

        /** Queues an application for storing; false once the engine stops. */
        synchronized boolean offer(Waiting waiting) {
            if (closed || !running) {
                return false;
            }
            return queue.add(waiting);
        }

        /** Takes an application back that no writer has taken yet; false if one has. */
        boolean withdraw(Waiting waiting) {
            return queue.removeIf(queued -> queued == waiting);
        }

        /** Takes nothing more; behind what is waiting, an end for each writer thread. */
        synchronized void close() {
            if (!closed) {
                closed = true;
                threads.forEach(thread -> queue.add(END));
            }
        }

        @Override
        public void run() {
            List<Waiting> batch = new ArrayList<>(maxBatch);
            boolean busy = false;
            while (true) {
                try {
                    Waiting first = queue.take();
                    if (first == END) {
                        return; // all that came before it is taken
                    }
                    batch.add(first);
                    takeWaiting(batch);
                    if (busy) {
                        gather(batch);
                    }
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    break;
                }
                busy = batch.size() > 1;
                try (Municipality.Scope ignored = Municipality.enter(municipality)) {
                    record(batch);
                } catch (RuntimeException | Error unexpected) {
                    // never leave a request waiting: whatever was not answered is answered with the failure
                    batch.forEach(waiting -> waiting.answer().completeExceptionally(unexpected));
                }
                batch.clear();
            }
            // interrupted, which only the JVM's end does: the batch taken so far is answered with
            // the rest, and the other writers' ends go back for them
            close();
            List<Waiting> left = new ArrayList<>(batch);
            queue.drainTo(left);
            for (Waiting waiting : left) {
                if (waiting == END) {
                    queue.add(END);
                } else {
                    waiting.answer().completeExceptionally(NothingStored.stopping());
                }
            }
        }

        /**
         * Adds what is waiting to the batch, up to its size. An end taken along is put back: it is
         * another writer's, or this one's once the batch is stored.
         */
        private void takeWaiting(List<Waiting> batch) {
            queue.drainTo(batch, maxBatch - batch.size());
            while (batch.get(batch.size() - 1) == END) {
                batch.remove(batch.size() - 1);
                queue.add(END);
            }
        }

        /**
         * Waits a moment for more applications to store with the batch: only while requests arrive
         * together (the last batch had company), so a request after a quiet spell is not kept
         * waiting. A batch of four costs the database about half as much per request as a batch
         * of two.
         */
        private void gather(List<Waiting> batch) throws InterruptedException {
            long until = System.nanoTime() + gatherNanos;
            while (batch.size() < maxBatch) {
                long left = until - System.nanoTime();
                Waiting next = left > 0 ? queue.poll(left, TimeUnit.NANOSECONDS) : null;
                if (next == END) {
                    queue.add(END); // stored with this batch, then taken again
                    return;
                }
                if (next == null) {
                    return;
                }
                batch.add(next);
                takeWaiting(batch);
            }
        }

        private void record(List<Waiting> batch) {
            try {
                List<Decided> decided = storeInTime(batch);
                for (int i = 0; i < batch.size(); i++) {
                    batch.get(i).answer().complete(decided.get(i));
                }
            } catch (RuntimeException failed) {
                // Only data the database refused can be one application's fault. A failure of the
                // connection or the commit is every one's: trying each again could store twice what
                // a commit that seemed to fail had stored after all.
                if (batch.size() == 1 || !(failed instanceof DataIntegrityViolationException)) {
                    if (batch.size() == 1) {
                        log.warn("An application of {} was not stored: {}", municipality, failed.toString());
                    }
                    batch.forEach(waiting -> waiting.answer().completeExceptionally(failed));
                    return;
                }
                // Each half again, down to the application at fault: one bad application among 50
                // costs about a dozen transactions rather than one per application.
                log.warn(
                        "The database refused {} applications of {} together ({}); each half is tried again",
                        batch.size(),
                        municipality,
                        failed.toString());
                int half = batch.size() / 2;
                record(batch.subList(0, half));
                record(batch.subList(half, batch.size()));
            }
        }
    }

    /**
     * Stores the batch in a transaction of its own within its time limit. A failure that is the
     * database's passing state and came before the commit rolled everything back: it is said as
     * "nothing stored".
     */
    private List<Decided> storeInTime(List<Waiting> batch) {
        RuntimeException[] beforeCommit = new RuntimeException[1];
        try {
            return transaction.execute(status -> {
                try {
                    return storeAll(batch);
                } catch (RuntimeException failed) {
                    beforeCommit[0] = failed;
                    throw failed;
                }
            });
        } catch (CannotCreateTransactionException noTransaction) {
            throw NothingStored.tooSlow(noTransaction);
        } catch (TransientDataAccessException
                | DataAccessResourceFailureException
                | TransactionTimedOutException passing) {
            if (passing != beforeCommit[0]) {
                throw passing; // the commit's: whether it stored the batch is not known
            }
            throw NothingStored.tooSlow(passing);
        }
    }

    /**
     * Stores the decided applications as cases and records their decisions in the caller's
     * transaction; what was stored, in order.
     */
    private List<Decided> storeAll(List<Waiting> batch) {
        List<StoredCase> stored =
                cases.storeAll(batch.stream().map(Waiting::submission).toList());
        List<DecidedCase> decided = new ArrayList<>(batch.size());
        for (int i = 0; i < batch.size(); i++) {
            StoredCase storedCase = stored.get(i);
            decided.add(batch.get(i).pending().forCase(storedCase, null));
        }
        Map<Long, RecordedDecision> recorded = new HashMap<>();
        recorder.recordNewlyStored(decided)
                .forEach(decision -> recorded.put(decision.decided().caseId(), decision));
        return stored.stream()
                .map(storedCase -> new Decided(storedCase, recorded.get(storedCase.id())))
                .toList();
    }
}
