package nl.beslisstraat.batch.partitions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import org.junit.jupiter.api.Test;
import org.springframework.batch.integration.partition.StepExecutionRequest;
import org.springframework.messaging.Message;
import org.springframework.messaging.support.GenericMessage;

/** What the partition channel stores is text we wrote, and what it reads back is checked. */
class PartitionRequestCodecTests {

    private final PartitionRequestCodec codec = new PartitionRequestCodec();

    @Test
    void writesAPartitionRequestAsStepNameAndIdAndReadsItBack() throws IOException {
        // given
        ByteArrayOutputStream stored = new ByteArrayOutputStream();

        // when
        codec.serialize(new GenericMessage<>(new StepExecutionRequest("decide-queue-slice", 4711)), stored);
        Message<?> read = codec.deserialize(new ByteArrayInputStream(stored.toByteArray()));

        // then
        assertThat(stored.toString(StandardCharsets.US_ASCII)).isEqualTo("decide-queue-slice 4711");
        assertThat(read.getPayload()).isInstanceOfSatisfying(StepExecutionRequest.class, request -> {
            assertThat(request.getStepName()).isEqualTo("decide-queue-slice");
            assertThat(request.getStepExecutionId()).isEqualTo(4711L);
        });
    }

    @Test
    void refusesAJavaSerializedObjectInTheTable() throws IOException {
        // given: what the channel's default serializer would have stored, or an attacker's object
        ByteArrayOutputStream serialized = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(serialized)) {
            out.writeObject(new ArrayList<>());
        }

        // when, then
        assertThatThrownBy(() -> codec.deserialize(new ByteArrayInputStream(serialized.toByteArray())))
                .isInstanceOf(IOException.class)
                .hasMessageStartingWith("Not a partition request");
    }

    @Test
    void refusesRowsThatAreNotOneRequest() {
        for (String stored : new String[] {
            "",
            "decide-queue-slice",
            "decide-queue-slice 0",
            "decide-queue-slice -1",
            "decide-queue-slice 12 13",
            "Decide 12",
            "decide-queue-slice 99999999999999999999",
            "decide-queue-slice 12\n",
            "x".repeat(300) + " 1"
        }) {
            assertThatThrownBy(() ->
                            codec.deserialize(new ByteArrayInputStream(stored.getBytes(StandardCharsets.US_ASCII))))
                    .as(stored)
                    .isInstanceOf(IOException.class);
        }
    }

    @Test
    void writesNothingButPartitionRequests() {
        assertThatThrownBy(() -> codec.serialize(new GenericMessage<>("some text"), new ByteArrayOutputStream()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
