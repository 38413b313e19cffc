package nl.beslisstraat.batch.nightly;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.springframework.batch.core.partition.Partitioner;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/**
 * Splits every municipality's queue into disjoint slices, one per worker, so that deciding (CPU in
 * this JVM) and recording (CPU in PostgreSQL) overlap. A partition is one municipality's slice
 * ({@code 0344-slice-0}); its name stays the same from run to restart, so a restart finds the
 * partitions that did not complete. The municipality and the slice are all a worker needs to know;
 * the queue itself holds the progress.
 */
class QueuePartitioner implements Partitioner {

    static final String MUNICIPALITY = "municipality";
    static final String SLICE = "slice";
    static final String SLICES = "slices";

    private final Supplier<List<String>> municipalities;

    /** @param municipalities the CBS codes of the municipalities whose queues the run takes */
    QueuePartitioner(Supplier<List<String>> municipalities) {
        this.municipalities = municipalities;
    }

    @Override
    public Map<String, ExecutionContext> partition(int gridSize) {
        Map<String, ExecutionContext> partitions = new LinkedHashMap<>();
        for (String municipality : municipalities.get()) {
            for (int slice = 0; slice < gridSize; slice++) {
                ExecutionContext context = new ExecutionContext();
                context.putString(MUNICIPALITY, municipality);
                context.putInt(SLICE, slice);
                context.putInt(SLICES, gridSize);
                partitions.put(municipality + "-slice-" + slice, context);
            }
        }
        return partitions;
    }
}
