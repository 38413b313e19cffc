package nl.beslisstraat.batch.nightly;

import java.util.List;
import nl.beslisstraat.batch.liveness.BatchProcess;
import nl.beslisstraat.engine.cases.CaseStore;
import nl.beslisstraat.engine.cases.QueueSlice;
import nl.beslisstraat.engine.cases.QueuedCase;
import nl.beslisstraat.engine.decision.DecidedCase;
import nl.beslisstraat.engine.decision.DecisionRecorder;
import nl.beslisstraat.engine.decision.DecisionService;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.partition.PartitionHandler;
import org.springframework.batch.core.repository.ExecutionContextSerializer;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.repository.dao.JacksonExecutionContextStringSerializer;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The {@code nightly-decisions} job: every municipality's queue, or one municipality's, split in
 * slices, each a chunk-oriented step of queued case -> decided case -> recorded decision that works
 * for its municipality. Identified by its run date and, for a municipality with a schedule of its
 * own, that municipality: each night is one job instance per schedule, and a failed night is
 * restarted rather than started anew.
 */
@Configuration(proxyBeanMethods = false)
public class NightlyDecisionsJobConfiguration {

    public static final String JOB = "nightly-decisions";
    public static final String RUN_DATE = "runDate";
    public static final String LABEL = "label";
    /** CBS code of the one municipality whose queue the run takes; absent: every municipality's. */
    public static final String MUNICIPALITY = "municipality";
    /** What started an execution ({@link RunTrigger.Kind}); not part of the run's identity. */
    public static final String TRIGGER = "trigger";
    /** Who started an execution, when a person or an operator did; not part of the run's identity. */
    public static final String TRIGGERED_BY = "triggeredBy";
    /** The worker step of a partition, by this name on the manager's and on every worker's side. */
    public static final String SLICE_STEP = "decide-queue-slice";

    /**
     * The job repository's execution contexts as JSON of a few plain types (Spring Batch's
     * allow-list: java.lang, java.util, java.time, java.math and its own), not as serialized Java
     * objects: a worker reads them back from the database, and whoever could write those rows must
     * not choose which classes it builds (as with the partitions channel, docs/architecture.md).
     * The slices' contexts hold a municipality code and numbers.
     */
    @Bean
    ExecutionContextSerializer executionContextSerializer() {
        return new JacksonExecutionContextStringSerializer();
    }

    @Bean
    Job nightlyDecisionsJob(
            JobRepository jobRepository,
            Step decideQueue,
            NightlyRuns runs,
            ChunkProgress progress,
            BatchProcess process) {
        return new JobBuilder(JOB, jobRepository)
                .validator(new KnownMunicipality(runs))
                .listener(new NightlyRunListener(runs, progress, process))
                .start(decideQueue)
                .build();
    }

    /**
     * Each municipality's queue in slices ({@code beslisstraat.nightly.partitions}, default one per
     * worker thread), each slice decided by a worker thread of its own, with its own transactions,
     * for that slice's municipality; no more than {@code workers} at a time, however many
     * municipalities there are. With a remote partition handler (the partitions channel in
     * PostgreSQL, {@code nl.beslisstraat.batch.partitions}) worker processes decide the slices.
     */
    @Bean
    Step decideQueue(
            JobRepository jobRepository,
            Step decideQueueSlice,
            QueuePartitioner queuePartitioner,
            ObjectProvider<PartitionHandler> remotePartitions,
            @Value("${beslisstraat.nightly.workers:2}") int workers,
            @Value("${beslisstraat.nightly.partitions:${beslisstraat.nightly.workers:2}}") int partitions,
            @Value("${beslisstraat.nightly.partitions.channel:local}") String channel) {
        if (!channel.equals("local") && !channel.equals("postgres")) {
            // A mistyped value would otherwise run the night on this process alone, unnoticed.
            throw new IllegalArgumentException(
                    "beslisstraat.nightly.partitions.channel is 'local' or 'postgres', not '" + channel + "'");
        }
        PartitionHandler remote = remotePartitions.getIfAvailable();
        if (remote != null) {
            return new StepBuilder("decide-queue", jobRepository)
                    .partitioner(decideQueueSlice.getName(), queuePartitioner)
                    .partitionHandler(remote)
                    .build();
        }
        return new StepBuilder("decide-queue", jobRepository)
                .partitioner(decideQueueSlice.getName(), queuePartitioner)
                .step(new MunicipalitySliceStep(decideQueueSlice))
                .gridSize(partitions)
                .taskExecutor(workers(workers))
                .build();
    }

    private static SimpleAsyncTaskExecutor workers(int workers) {
        SimpleAsyncTaskExecutor executor = new SimpleAsyncTaskExecutor("nightly-worker-");
        executor.setConcurrencyLimit(workers); // the next slice waits for a free worker
        return executor;
    }

    /**
     * The municipalities of this run: the one it was started for, or every row of {@code
     * municipalities} at the moment the run (or its restart) splits the queues.
     */
    @Bean
    @StepScope
    QueuePartitioner queuePartitioner(
            NightlyRuns runs, @Value("#{jobParameters['" + MUNICIPALITY + "']}") String municipality) {
        return new QueuePartitioner(() -> municipality != null
                ? List.of(municipality)
                : List.copyOf(runs.municipalities().keySet()));
    }

    @Bean
    Step decideQueueSlice(
            JobRepository jobRepository,
            PlatformTransactionManager transactionManager,
            QueuedCaseReader queuedCaseReader,
            CaseDecisionProcessor caseDecisionProcessor,
            DecisionWriter decisionWriter,
            @Value("${beslisstraat.nightly.chunk-size:1000}") int chunkSize) {
        return new StepBuilder(SLICE_STEP, jobRepository)
                .<QueuedCase, DecidedCase>chunk(chunkSize)
                .transactionManager(transactionManager)
                .reader(queuedCaseReader)
                .processor(caseDecisionProcessor)
                .writer(decisionWriter)
                .build();
    }

    @Bean
    @StepScope
    QueuedCaseReader queuedCaseReader(
            CaseStore cases,
            @Value("#{stepExecutionContext['" + QueuePartitioner.SLICE + "']}") int slice,
            @Value("#{stepExecutionContext['" + QueuePartitioner.SLICES + "']}") int slices,
            @Value("${beslisstraat.nightly.chunk-size:1000}") int pageSize) {
        return new QueuedCaseReader(cases, new QueueSlice(slice, slices), pageSize);
    }

    @Bean
    @StepScope
    DecisionWriter decisionWriter(
            DecisionRecorder recorder,
            ChunkProgress progress,
            @Value("#{stepExecution.jobExecution.jobInstance.instanceId}") long runId,
            @Value("#{stepExecution.stepName}") String stepName) {
        // A partition's step is named after its partition: decide-queue-slice:0344-slice-0
        return new DecisionWriter(recorder, progress, runId, stepName.substring(stepName.indexOf(':') + 1));
    }

    @Bean
    @StepScope
    CaseDecisionProcessor caseDecisionProcessor(
            DecisionService decisions, @Value("#{stepExecution.jobExecution.jobInstance.instanceId}") long runId) {
        return new CaseDecisionProcessor(decisions, runId);
    }
}
