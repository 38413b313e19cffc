package nl.beslisstraat.batch.partitions;

import java.util.Collection;
import org.springframework.batch.core.partition.PartitionHandler;
import org.springframework.batch.core.partition.StepExecutionSplitter;
import org.springframework.batch.core.step.StepExecution;

/**
 * The manager's handler of remote partitions, with the {@link DeadWorkerWatch} looking out for
 * exactly as long as the manager waits for the partitions of its step execution.
 */
class WatchedPartitionHandler implements PartitionHandler {

    private final PartitionHandler handler;
    private final DeadWorkerWatch watch;

    WatchedPartitionHandler(PartitionHandler handler, DeadWorkerWatch watch) {
        this.handler = handler;
        this.watch = watch;
    }

    @Override
    public Collection<StepExecution> handle(StepExecutionSplitter splitter, StepExecution managerStepExecution)
            throws Exception {
        try (DeadWorkerWatch.Watching ignored = watch.start(managerStepExecution.getJobExecution())) {
            return handler.handle(splitter, managerStepExecution);
        }
    }
}
