package nl.beslisstraat.engine.workbench;

import java.util.List;

/** One page of the review queue, most urgent first. */
public record QueuePage(List<QueueItem> items, int page, int size, long total) {

    public int pages() {
        return (int) Math.max(1, (total + size - 1) / size);
    }

    public boolean hasNext() {
        return page + 1 < pages();
    }

    public boolean hasPrevious() {
        return page > 0;
    }
}
