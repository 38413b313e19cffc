package nl.beslisstraat.batch.nightly;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import nl.beslisstraat.engine.cases.CaseStore;
import nl.beslisstraat.engine.cases.QueueSlice;
import nl.beslisstraat.engine.cases.QueuedCase;
import org.springframework.batch.infrastructure.item.ItemReader;

/**
 * Reads the queue a page at a time, by id (keyset paging). It keeps no restart state on purpose:
 * decided cases leave the queue in the same transaction as their decision, so after a crash the
 * queue itself says what is left.
 */
class QueuedCaseReader implements ItemReader<QueuedCase> {

    private final CaseStore cases;
    private final QueueSlice slice;
    private final int pageSize;
    private final Deque<QueuedCase> page = new ArrayDeque<>();
    private long lastId;

    QueuedCaseReader(CaseStore cases, QueueSlice slice, int pageSize) {
        this.cases = cases;
        this.slice = slice;
        this.pageSize = pageSize;
    }

    @Override
    public QueuedCase read() {
        if (page.isEmpty()) {
            List<QueuedCase> next = cases.nextQueued(lastId, pageSize, slice);
            if (next.isEmpty()) {
                return null;
            }
            page.addAll(next);
            lastId = next.get(next.size() - 1).id();
        }
        return page.poll();
    }
}
