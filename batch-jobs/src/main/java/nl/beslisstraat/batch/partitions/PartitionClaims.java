package nl.beslisstraat.batch.partitions;

import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.integration.partition.StepExecutionRequest;
import org.springframework.core.serializer.support.SerializationFailedException;
import org.springframework.integration.util.UUIDConverter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.messaging.Message;
import org.springframework.messaging.PollableChannel;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Takes the next partition request off the channel and claims it for this worker process, in one
 * short transaction: either the request is gone from the channel and the claim ({@code
 * partition_claims}) names this process, or neither happened. The manager's {@link DeadWorkerWatch}
 * reads the claims to know whose heartbeat to check.
 */
class PartitionClaims {

    private static final Logger log = LoggerFactory.getLogger(PartitionClaims.class);

    private final PollableChannel requests;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final String processId;

    PartitionClaims(PollableChannel requests, JdbcTemplate jdbc, TransactionTemplate transaction, String processId) {
        this.requests = requests;
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.processId = processId;
    }

    /** The next request, claimed; empty when the channel has none now. */
    Optional<StepExecutionRequest> claimNext() {
        return Optional.ofNullable(transaction.execute(status -> {
            Message<?> message;
            try {
                message = requests.receive(0);
            } catch (SerializationFailedException notOurs) {
                // The store decodes a row before it deletes it, so a row that is not a request stays
                // the oldest and every worker's next poll would find it again: delete every such row
                // (by the codec's own shape, so no good request goes with it).
                int dropped = jdbc.update(
                        "delete from int_channel_message where region = ? and group_key = ? and not coalesce("
                                + "octet_length(message_content) <= ? and encode(message_content, 'escape') ~ ?, false)",
                        PartitionChannel.REGION,
                        UUIDConverter.getUUID(PartitionChannel.PARTITION_REQUESTS)
                                .toString(),
                        PartitionRequestCodec.MAX_BYTES,
                        PartitionRequestCodec.SHAPE);
                log.error(
                        "Dropped {} message(s) from the partition channel that are not partition requests: {}",
                        dropped,
                        notOurs.getMostSpecificCause().getMessage());
                return null;
            }
            if (message == null) {
                return null;
            }
            StepExecutionRequest request = (StepExecutionRequest) message.getPayload();
            int claimed = jdbc.update(
                    "insert into partition_claims (step_execution_id, process_id) values (?, ?)"
                            + " on conflict (step_execution_id) do nothing",
                    request.getStepExecutionId(),
                    processId);
            if (claimed == 0) {
                log.warn("Partition {} was claimed already; its second request is dropped", request);
                return null;
            }
            return request;
        }));
    }
}
