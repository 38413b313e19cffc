package nl.beslisstraat.batch.partitions;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import nl.beslisstraat.batch.liveness.BatchProcess;
import nl.beslisstraat.engine.support.DatabaseIntegrationTest;
import nl.beslisstraat.engine.support.TestDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.batch.integration.partition.StepExecutionRequest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.integration.channel.QueueChannel;
import org.springframework.integration.util.UUIDConverter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.messaging.support.GenericMessage;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The partition channel in PostgreSQL, as a worker takes from it, with a row in it that is not ours. */
@SpringBootTest(
        properties = {
            "beslisstraat.command-line.enabled=false",
            "beslisstraat.nightly.partitions.channel=postgres",
        })
class PartitionChannelFunctionalTests extends DatabaseIntegrationTest {

    @Autowired
    QueueChannel partitionRequests;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    PlatformTransactionManager transactionManager;

    @Autowired
    BatchProcess process;

    @Test
    void aRowThatIsNotARequestIsDroppedAndTheRequestBehindItIsTaken() {
        // given: a serialized Java object first in the channel (someone with write access to the
        // table), then a real partition request
        JdbcTemplate owner = new JdbcTemplate(TestDatabase.owner());
        owner.update("delete from int_channel_message");
        owner.update(
                "insert into int_channel_message (message_id, group_key, created_date, message_content, region)"
                        + " values (gen_random_uuid()::text, ?, 0, decode('aced0005737200', 'hex'), ?)",
                UUIDConverter.getUUID(PartitionChannel.PARTITION_REQUESTS).toString(),
                PartitionChannel.REGION);
        partitionRequests.send(new GenericMessage<>(new StepExecutionRequest("decide-queue-slice", 987_654_321L)));
        process.register(BatchProcess.Kind.COMMAND_LINE);
        PartitionClaims claims =
                new PartitionClaims(partitionRequests, jdbc, new TransactionTemplate(transactionManager), process.id());

        // when
        Optional<StepExecutionRequest> first = claims.claimNext();
        Optional<StepExecutionRequest> second = claims.claimNext();

        // then: the row that is not ours is gone, and the request behind it was taken and claimed
        assertThat(first).isEmpty();
        assertThat(second).map(StepExecutionRequest::getStepExecutionId).hasValue(987_654_321L);
        assertThat(owner.queryForObject("select count(*) from int_channel_message", Long.class))
                .isZero();
        assertThat(owner.queryForObject(
                        "select process_id from partition_claims where step_execution_id = 987654321", String.class))
                .isEqualTo(process.id());
        owner.update("delete from partition_claims where step_execution_id = 987654321");
    }
}
