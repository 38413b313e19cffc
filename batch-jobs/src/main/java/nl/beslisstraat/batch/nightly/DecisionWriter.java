package nl.beslisstraat.batch.nightly;

import java.util.List;
import nl.beslisstraat.engine.decision.DecidedCase;
import nl.beslisstraat.engine.decision.DecisionRecorder;
import nl.beslisstraat.engine.decision.RecordedDecision;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;

/**
 * Records a chunk of decided cases through the engine, and counts what it recorded towards the
 * run's progress, both inside the chunk's transaction.
 */
class DecisionWriter implements ItemWriter<DecidedCase> {

    private final DecisionRecorder recorder;
    private final ChunkProgress progress;
    private final long runId;
    private final String partition;

    DecisionWriter(DecisionRecorder recorder, ChunkProgress progress, long runId, String partition) {
        this.recorder = recorder;
        this.progress = progress;
        this.runId = runId;
        this.partition = partition;
    }

    @Override
    public void write(Chunk<? extends DecidedCase> chunk) {
        List<DecidedCase> recorded = recorder.record(List.copyOf(chunk.getItems())).stream()
                .map(RecordedDecision::decided)
                .toList();
        if (!recorded.isEmpty()) {
            progress.add(runId, partition, recorded);
        }
    }
}
