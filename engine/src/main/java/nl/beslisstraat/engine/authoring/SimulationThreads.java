package nl.beslisstraat.engine.authoring;

import java.util.List;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinWorkerThread;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * The threads that decide a simulation's past cases in parallel, one per core, shared by the
 * officers' simulations.
 *
 * <p>Not the JVM's common pool. Its threads carry the system class loader as their context class
 * loader, and Drools finds its services through that loader. In the packaged engine (a jar of
 * jars) the system class loader sees none of them. So the first rule constraint Drools compiled on
 * such a thread failed, and with it every later compilation in that JVM, on any thread. These
 * threads carry the engine's own class loader, like every other thread of the engine.
 */
@Component
class SimulationThreads implements DisposableBean {

    private final ForkJoinPool pool;

    SimulationThreads() {
        ClassLoader engine = SimulationThreads.class.getClassLoader();
        AtomicInteger count = new AtomicInteger();
        this.pool = new ForkJoinPool(
                Runtime.getRuntime().availableProcessors(),
                owner -> {
                    ForkJoinWorkerThread thread = ForkJoinPool.defaultForkJoinWorkerThreadFactory.newThread(owner);
                    thread.setName("simulation-" + count.incrementAndGet());
                    thread.setContextClassLoader(engine);
                    return thread;
                },
                null,
                false);
    }

    /** Does {@code each} for every item, spread over the pool's threads; returns when all are done. */
    <T> void forEach(List<T> items, Consumer<T> each) {
        pool.submit(() -> items.parallelStream().forEach(each)).join();
    }

    @Override
    public void destroy() {
        pool.shutdownNow();
    }
}
