package nl.beslisstraat.engine.regulation;

import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Holds the application's start until every shipped regulation is compiled: the catalog compiles
 * them on threads of its own while the rest of the application starts, and the web server opens
 * its port, the log says "Started" and the readiness probe says ready only after this. A first
 * decision then never waits for a compilation.
 */
@Component
class RegulationsStarted implements SmartLifecycle {

    /** Before the web server starts taking requests (Spring Boot starts it in a later phase). */
    private static final int PHASE = 0;

    private final RegulationCatalog catalog;
    private volatile boolean running;

    RegulationsStarted(RegulationCatalog catalog) {
        this.catalog = catalog;
    }

    @Override
    public void start() {
        catalog.awaitStart();
        running = true;
    }

    @Override
    public void stop() {
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return PHASE;
    }
}
