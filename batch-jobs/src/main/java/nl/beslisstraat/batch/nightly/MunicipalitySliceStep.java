package nl.beslisstraat.batch.nightly;

import nl.beslisstraat.engine.tenancy.Municipality;
import org.springframework.batch.core.job.JobInterruptedException;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepExecution;

/**
 * A worker step that works for the municipality of its partition ({@link
 * QueuePartitioner#MUNICIPALITY}) on its thread from start to end, so that every connection it
 * takes (reading the queue, each chunk's transaction) is set to that municipality and row-level
 * security shows it that municipality's cases only. A worker process wraps the slice step in it as
 * the run's own process does.
 */
public class MunicipalitySliceStep implements Step {

    private final Step slice;

    public MunicipalitySliceStep(Step slice) {
        this.slice = slice;
    }

    @Override
    public String getName() {
        return slice.getName();
    }

    @Override
    public boolean isAllowStartIfComplete() {
        return slice.isAllowStartIfComplete();
    }

    @Override
    public int getStartLimit() {
        return slice.getStartLimit();
    }

    @Override
    public void execute(StepExecution stepExecution) throws JobInterruptedException {
        String municipality = stepExecution.getExecutionContext().getString(QueuePartitioner.MUNICIPALITY);
        try (Municipality.Scope ignored = Municipality.enter(municipality)) {
            slice.execute(stepExecution);
        }
    }
}
