package nl.beslisstraat.batch.nightly;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import nl.beslisstraat.engine.cases.CaseStore;
import nl.beslisstraat.engine.cases.QueuedCase;
import org.springframework.batch.infrastructure.item.ItemReader;

/**
 * Reads the queue a page at a time, by id (keyset paging). It keeps no restart state on purpose:
 * decided cases leave the queue in the same transaction as their decision, so after a crash the
 * queue itself says what is left.
 */
class QueuedCaseReader implements ItemReader<QueuedCase> {

    private final CaseStore cases;
    private final int pageSize;
    private final Deque<QueuedCase> page = new ArrayDeque<>();
    private long lastId;

    QueuedCaseReader(CaseStore cases, int pageSize) {
        this.cases = cases;
        this.pageSize = pageSize;
    }

    @Override
    public QueuedCase read() {
        if (page.isEmpty()) {
            List<QueuedCase> next = cases.nextQueued(lastId, pageSize);
            if (next.isEmpty()) {
                return null;
            }
            page.addAll(next);
            lastId = next.get(next.size() - 1).id();
        }
        return page.poll();
    }
}
