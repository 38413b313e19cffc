package nl.beslisstraat.engine.intake;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import nl.beslisstraat.engine.cases.CaseApplication;
import nl.beslisstraat.engine.cases.CaseStore;
import nl.beslisstraat.engine.cases.QueuedCase;
import nl.beslisstraat.engine.decision.DecidedCase;
import nl.beslisstraat.engine.decision.DecisionRecorder;
import nl.beslisstraat.engine.decision.DecisionService;
import nl.beslisstraat.engine.decision.RecordedDecision;
import nl.beslisstraat.engine.tenancy.Municipality;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Decides applications at once, as {@code POST /api/cases/decide-now} asks: each by the path the
 * nightly run takes (queue it, decide it, record the decision), committed
 * before the request is answered.
 *
 * <p>Applications of one municipality that arrive together are recorded in one transaction. Every
 * decision of a municipality is a link of that municipality's hash chain of decisions, and a
 * transaction that adds a link holds a lane of the chain until it commits (four lanes per table);
 * one transaction per request would make concurrent requests queue for the lanes a commit at a
 * time, each holding a database connection while it waits. So each municipality has a few writer threads ({@code
 * beslisstraat.intake.decide-now.writers}, default 3), each taking whatever applications are
 * waiting (up to {@code beslisstraat.intake.decide-now.max-batch}, default 50) and recording them
 * together: one transaction, one wait for the chain's head and one commit for all. A lone request is
 * recorded alone, without waiting for company. Each request still gets its own case, with the client
 * that sent it, and its own decision; should the shared transaction fail, each application
 * is tried again in a transaction of its own, so one request's failure is never another's.
 */
@Component
class ImmediateDecisions implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(ImmediateDecisions.class);

    /** One application waiting for its writers, with the client that sent it and the answer it waits for. */
    private record Waiting(CaseApplication application, Authentication client, CompletableFuture<Decided> answer) {}

    /** An application as stored and what was recorded for it, enough to answer without reading it back. */
    record Decided(QueuedCase queued, RecordedDecision recorded) {}

    private final CaseStore cases;
    private final DecisionService decisionService;
    private final DecisionRecorder recorder;
    private final TransactionTemplate transaction;
    private final int maxBatch;
    private final int writers;
    private final Map<String, Writers> writersByMunicipality = new ConcurrentHashMap<>();

    ImmediateDecisions(
            CaseStore cases,
            DecisionService decisionService,
            DecisionRecorder recorder,
            PlatformTransactionManager transactions,
            @Value("${beslisstraat.intake.decide-now.max-batch:50}") int maxBatch,
            @Value("${beslisstraat.intake.decide-now.writers:3}") int writers) {
        this.cases = cases;
        this.decisionService = decisionService;
        this.recorder = recorder;
        this.transaction = new TransactionTemplate(transactions);
        this.maxBatch = Math.max(1, maxBatch);
        this.writers = Math.max(1, writers);
    }

    /**
     * Decides the application for the current thread's municipality and signed-in client; returns
     * the stored case and its recorded decision once they are committed.
     */
    Decided decide(CaseApplication application) {
        String municipality = Municipality.current()
                .orElseThrow(() -> new IllegalStateException("An application is decided for a municipality"));
        Waiting waiting = new Waiting(
                application, SecurityContextHolder.getContext().getAuthentication(), new CompletableFuture<>());
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

    /**
     * One municipality's waiting applications and the threads that record them, a batch each: while
     * one writer commits, the others store and decide their batches.
     */
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
            while (!Thread.currentThread().isInterrupted()) {
                try {
                    batch.add(queue.take());
                } catch (InterruptedException stopping) {
                    Thread.currentThread().interrupt();
                    break;
                }
                queue.drainTo(batch, maxBatch - 1);
                try (Municipality.Scope ignored = Municipality.enter(municipality)) {
                    record(batch);
                } catch (RuntimeException | Error unexpected) {
                    // never leave a request waiting: whatever was not answered is answered with the failure
                    batch.forEach(waiting -> waiting.answer().completeExceptionally(unexpected));
                }
                batch.clear();
            }
            List<Waiting> left = new ArrayList<>();
            queue.drainTo(left);
            left.forEach(waiting -> waiting.answer()
                    .completeExceptionally(new IllegalStateException("The engine is stopping; nothing was stored")));
        }

        private void record(List<Waiting> batch) {
            try {
                List<Decided> decided = transaction.execute(status -> decideAll(batch));
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
                                        .execute(status -> decideAll(List.of(waiting)))
                                        .get(0));
                    } catch (RuntimeException alone) {
                        waiting.answer().completeExceptionally(alone);
                    }
                }
            }
        }
    }

    /** Queues, decides and records the applications in the caller's transaction; what was stored, in order. */
    private List<Decided> decideAll(List<Waiting> batch) {
        List<QueuedCase> queued = new ArrayList<>(batch.size());
        List<DecidedCase> decided = new ArrayList<>(batch.size());
        for (Waiting waiting : batch) {
            QueuedCase stored = queueAs(waiting.client(), waiting.application());
            queued.add(stored);
            decided.add(decisionService.decide(stored, null));
        }
        Map<Long, RecordedDecision> recorded = new HashMap<>();
        recorder.record(decided)
                .forEach(decision -> recorded.put(decision.decided().caseId(), decision));
        return queued.stream()
                .map(stored -> new Decided(stored, recorded.get(stored.id())))
                .toList();
    }

    /** Stores the application as its client sent it: the case records that client ({@code SubmittingClient}). */
    private QueuedCase queueAs(Authentication client, CaseApplication application) {
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(client);
        SecurityContextHolder.setContext(context);
        try {
            return cases.queue(application);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }
}
