package nl.beslisstraat.batch.nightly;

import java.util.List;
import nl.beslisstraat.engine.decision.DecidedCase;
import nl.beslisstraat.engine.decision.DecisionRecorder;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;

/** Records a chunk of decided cases through the engine, inside the chunk's transaction. */
class DecisionWriter implements ItemWriter<DecidedCase> {

    private final DecisionRecorder recorder;

    DecisionWriter(DecisionRecorder recorder) {
        this.recorder = recorder;
    }

    @Override
    public void write(Chunk<? extends DecidedCase> chunk) {
        recorder.record(List.copyOf(chunk.getItems()));
    }
}
