package nl.beslisstraat.batch.partitions;

import javax.sql.DataSource;
import nl.beslisstraat.batch.nightly.NightlyDecisionsJobConfiguration;
import nl.beslisstraat.batch.nightly.NightlyRuns;
import nl.beslisstraat.engine.runs.BatchLiveness;
import org.springframework.batch.core.partition.PartitionHandler;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.integration.partition.MessageChannelPartitionHandler;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.integration.channel.QueueChannel;
import org.springframework.integration.core.MessagingTemplate;
import org.springframework.integration.jdbc.store.JdbcChannelMessageStore;
import org.springframework.integration.jdbc.store.channel.PostgresChannelMessageStoreQueryProvider;
import org.springframework.integration.store.MessageGroupQueue;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.messaging.support.GenericMessage;

/**
 * The nightly run's partitions handed to worker processes over a durable channel in PostgreSQL
 * ({@code beslisstraat.nightly.partitions.channel=postgres}): the manager's {@code decide-queue}
 * step puts one request per partition in {@code int_channel_message}, a {@link WorkerMode} process
 * takes it (SKIP LOCKED, so each request goes to one worker) and runs the partition; the manager
 * polls the job repository until every partition has ended, and meanwhile fails the partitions of
 * workers that died ({@link DeadWorkerWatch}). Without the property the partitions run on threads
 * of the run's own process, as they always did.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = PartitionChannel.PROPERTY, havingValue = "postgres")
public class PartitionChannel {

    public static final String PROPERTY = "beslisstraat.nightly.partitions.channel";

    /** The region of our rows in {@code int_channel_message}. */
    static final String REGION = "beslisstraat";

    /** The one message group of the nightly run's partition requests. */
    static final String PARTITION_REQUESTS = "nightly-partition-requests";

    /** How often the manager reads the job repository to see whether every partition ended. */
    static final long POLL_MILLIS = 1_000;

    @Bean
    JdbcChannelMessageStore partitionRequestStore(DataSource dataSource) {
        JdbcChannelMessageStore store = new JdbcChannelMessageStore();
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        jdbc.setFetchSize(1); // a poll returns one row; the store warns at every start otherwise
        store.setJdbcTemplate(jdbc);
        store.setChannelMessageStoreQueryProvider(new PostgresChannelMessageStoreQueryProvider());
        store.setRegion(REGION);
        PartitionRequestCodec codec = new PartitionRequestCodec();
        store.setSerializer(codec);
        store.setDeserializer(codec);
        // The codec only ever builds this type; the store checks what it got against this list.
        store.addAllowedPatterns(GenericMessage.class.getName());
        return store;
    }

    /** The partition requests, kept in {@code int_channel_message} until a worker takes one. */
    @Bean
    QueueChannel partitionRequests(JdbcChannelMessageStore partitionRequestStore) {
        return new QueueChannel(new MessageGroupQueue(partitionRequestStore, PARTITION_REQUESTS));
    }

    /**
     * Sends the partitions to the channel, {@code beslisstraat.nightly.partitions} slices of each
     * municipality's queue (default 8: more than there are workers, so a fast worker takes more),
     * and waits for them in the job repository while the {@link DeadWorkerWatch} looks out.
     */
    @Bean
    PartitionHandler remotePartitionHandler(
            QueueChannel partitionRequests,
            JobRepository jobRepository,
            JdbcTemplate jdbc,
            BatchLiveness liveness,
            NightlyRuns runs,
            @Value("${beslisstraat.nightly.partitions:8}") int partitions)
            throws Exception {
        MessageChannelPartitionHandler handler = new MessageChannelPartitionHandler();
        handler.setStepName(NightlyDecisionsJobConfiguration.SLICE_STEP);
        handler.setMessagingOperations(new MessagingTemplate(partitionRequests));
        // Polling the job repository (rather than waiting for replies) lets any worker, on any
        // machine, finish a partition, and lets a restarted manager see what already ended.
        handler.setJobRepository(jobRepository);
        handler.setPollInterval(POLL_MILLIS);
        handler.setGridSize(partitions);
        handler.afterPropertiesSet();
        return new WatchedPartitionHandler(handler, new DeadWorkerWatch(jdbc, jobRepository, liveness, runs));
    }
}
