package nl.beslisstraat.engine.authoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * A simulation's cases are decided on the engine's own threads, which carry the engine's class
 * loader (Drools finds its services through it), never on the JVM's common pool. That the rules
 * then work in the packaged engine is shown by batch-jobs' PackagedEngineFunctionalTests.
 */
class SimulationThreadsTests {

    @Test
    void everyItemIsDoneOnceOnThreadsThatCarryTheEnginesClassLoader() {
        SimulationThreads threads = new SimulationThreads();
        ClassLoader callers = Thread.currentThread().getContextClassLoader();
        try {
            // the caller's own loader is of no account: the pool's threads have the engine's
            Thread.currentThread().setContextClassLoader(new ClassLoader(null) {});
            List<Integer> items = IntStream.range(0, 20_000).boxed().toList();
            Set<Integer> done = ConcurrentHashMap.newKeySet();
            AtomicInteger times = new AtomicInteger();
            Set<ClassLoader> loaders = ConcurrentHashMap.newKeySet();
            Set<String> names = ConcurrentHashMap.newKeySet();

            threads.forEach(items, item -> {
                done.add(item);
                times.incrementAndGet();
                loaders.add(Thread.currentThread().getContextClassLoader());
                names.add(Thread.currentThread().getName());
            });

            assertThat(done).hasSize(items.size());
            assertThat(times).hasValue(items.size());
            assertThat(loaders).containsExactly(SimulationThreads.class.getClassLoader());
            assertThat(names).isNotEmpty().allMatch(name -> name.startsWith("simulation-"));
        } finally {
            Thread.currentThread().setContextClassLoader(callers);
            threads.destroy();
        }
    }
}
