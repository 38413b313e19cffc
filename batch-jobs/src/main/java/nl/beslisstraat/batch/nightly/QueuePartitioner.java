package nl.beslisstraat.batch.nightly;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.batch.core.partition.Partitioner;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/**
 * Splits the queue into disjoint slices, one per worker, so that deciding (CPU in this JVM) and
 * recording (CPU in PostgreSQL) overlap. The slice is all a worker needs to know; the queue
 * itself holds the progress.
 */
class QueuePartitioner implements Partitioner {

    static final String SLICE = "slice";
    static final String SLICES = "slices";

    @Override
    public Map<String, ExecutionContext> partition(int gridSize) {
        Map<String, ExecutionContext> partitions = new LinkedHashMap<>();
        for (int slice = 0; slice < gridSize; slice++) {
            ExecutionContext context = new ExecutionContext();
            context.putInt(SLICE, slice);
            context.putInt(SLICES, gridSize);
            partitions.put("slice-" + slice, context);
        }
        return partitions;
    }
}
