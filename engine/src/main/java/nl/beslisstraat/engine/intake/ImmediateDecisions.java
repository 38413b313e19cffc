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
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
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
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
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
 * it waits a moment for more ({@code beslisstraat.intake.decide-now.gather}, default 2 ms); a lone
 * request is stored alone, without waiting for company. Each request still gets its
 * own case, with the client that sent it, and its own decision; should the shared transaction fail,
 * each application is tried again in a transaction of its own, so one request's failure is never
 * another's.
 */
@Component
class ImmediateDecisions implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(ImmediateDecisions.class);

    /** One application waiting for its writers, with the client that sent it and the answer it waits for. */
    private record Waiting(
            CaseApplication application,
            Authentication client,
            PendingDecision pending,
            CompletableFuture<Decided> answer) {

        /** The case to store: in the status its decision gives it, for it never waits in the queue. */
        CaseStore.Submission submission() {
            return new CaseStore.Submission(application, client, DecisionRecorder.statusAfter(pending.outcome()));
        }
    }

    /** An application as stored and what was recorded for it, enough to answer without reading it back. */
    record Decided(StoredCase stored, RecordedDecision recorded) {}

    private final CaseStore cases;
    private final DecisionService decisionService;
    private final DecisionRecorder recorder;
    private final TransactionTemplate transaction;
    private final int maxBatch;
    private final int writers;
    private final long gatherNanos;
    private final Map<String, Writers> writersByMunicipality = new ConcurrentHashMap<>();

    ImmediateDecisions(
            CaseStore cases,
            DecisionService decisionService,
            DecisionRecorder recorder,
            PlatformTransactionManager transactions,
            @Value("${beslisstraat.intake.decide-now.max-batch:50}") int maxBatch,
            @Value("${beslisstraat.intake.decide-now.writers:1}") int writers,
            @Value("${beslisstraat.intake.decide-now.gather:2ms}") Duration gather) {
        this.cases = cases;
        this.decisionService = decisionService;
        this.recorder = recorder;
        this.transaction = new TransactionTemplate(transactions);
        this.maxBatch = Math.max(1, maxBatch);
        this.writers = Math.max(1, writers);
        this.gatherNanos = gather.toNanos();
    }

    /**
     * Decides the application for the current thread's municipality and signed-in client; returns
     * the stored case and its recorded decision once they are committed.
     */
    Decided decide(CaseApplication application) {
        String municipality = Municipality.current()
                .orElseThrow(() -> new IllegalStateException("An application is decided for a municipality"));
        Waiting waiting = new Waiting(
                application,
                SecurityContextHolder.getContext().getAuthentication(),
                decisionService.decideApplication(application),
                new CompletableFuture<>());
        writersByMunicipality.computeIfAbsent(municipality, Writers::new).queue.add(waiting);
        try {
            return waiting.answer().join();
        } catch (CompletionException failed) {
            if (failed.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw failed;
        }
    }

    @Override
    public void destroy() {
        writersByMunicipality.values().forEach(writers -> writers.threads.forEach(Thread::interrupt));
    }

    /** One municipality's decided applications waiting to be stored, and the threads that store them, a batch each. */
    private final class Writers implements Runnable {

        private final String municipality;
        private final BlockingQueue<Waiting> queue = new LinkedBlockingQueue<>();
        private final List<Thread> threads = new ArrayList<>();

        Writers(String municipality) {
            this.municipality = municipality;
            for (int i = 0; i < writers; i++) {
                Thread thread = new Thread(this, "decide-now-" + municipality + "-" + i);
                thread.setDaemon(true);
                threads.add(thread);
            }
            threads.forEach(Thread::start);
        }

        @Override
        public void run() {
            List<Waiting> batch = new ArrayList<>(maxBatch);
            boolean busy = false;
            while (!Thread.currentThread().isInterrupted()) {
                try {
                    batch.add(queue.take());
                    queue.drainTo(batch, maxBatch - 1);
                    if (busy) {
                        gather(batch);
                    }
                } catch (InterruptedException stopping) {
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
            // stopped while gathering: the batch taken so far is answered with the rest
            List<Waiting> left = new ArrayList<>(batch);
            queue.drainTo(left);
            left.forEach(waiting -> waiting.answer()
                    .completeExceptionally(new IllegalStateException("The engine is stopping; nothing was stored")));
        }

        /**
         * Waits a moment for more applications to store with the batch: only while requests arrive
         * together (the last batch had company), so a lone request is never kept waiting. A batch
         * of four costs the database about half as much per request as a batch of two.
         */
        private void gather(List<Waiting> batch) throws InterruptedException {
            long until = System.nanoTime() + gatherNanos;
            while (batch.size() < maxBatch) {
                long left = until - System.nanoTime();
                Waiting next = left > 0 ? queue.poll(left, TimeUnit.NANOSECONDS) : null;
                if (next == null) {
                    return;
                }
                batch.add(next);
                queue.drainTo(batch, maxBatch - batch.size());
            }
        }

        private void record(List<Waiting> batch) {
            try {
                List<Decided> decided = transaction.execute(status -> storeAll(batch));
                for (int i = 0; i < batch.size(); i++) {
                    batch.get(i).answer().complete(decided.get(i));
                }
            } catch (RuntimeException failed) {
                if (batch.size() == 1) {
                    batch.get(0).answer().completeExceptionally(failed);
                    return;
                }
                log.warn(
                        "Deciding {} applications of {} together failed ({}); each is tried alone",
                        batch.size(),
                        municipality,
                        failed.toString());
                for (Waiting waiting : batch) {
                    try {
                        waiting.answer()
                                .complete(transaction
                                        .execute(status -> storeAll(List.of(waiting)))
                                        .get(0));
                    } catch (RuntimeException alone) {
                        waiting.answer().completeExceptionally(alone);
                    }
                }
            }
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
            decided.add(batch.get(i).pending().forCase(storedCase.id(), storedCase.receivedAt(), null));
        }
        Map<Long, RecordedDecision> recorded = new HashMap<>();
        recorder.recordNewlyStored(decided)
                .forEach(decision -> recorded.put(decision.decided().caseId(), decision));
        return stored.stream()
                .map(storedCase -> new Decided(storedCase, recorded.get(storedCase.id())))
                .toList();
    }
}
