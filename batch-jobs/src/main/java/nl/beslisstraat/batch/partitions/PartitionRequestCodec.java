package nl.beslisstraat.batch.partitions;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.batch.integration.partition.StepExecutionRequest;
import org.springframework.core.serializer.Deserializer;
import org.springframework.core.serializer.Serializer;
import org.springframework.messaging.Message;
import org.springframework.messaging.support.GenericMessage;

/**
 * How a partition request is written to and read from {@code int_channel_message}: the step name
 * and the step execution id as one line of text ({@code decide-queue-slice 4711}), nothing else.
 * The channel's default would store a serialized Java object and deserialize whatever bytes the
 * table holds; a row anyone with write access to the table can change must never choose which
 * classes this JVM instantiates. What is read is checked (its length, a step name of letters,
 * digits and dashes, a positive id) and rebuilt as a new message; the headers are not kept, the
 * workers need none.
 */
final class PartitionRequestCodec implements Serializer<Message<?>>, Deserializer<Message<?>> {

    /** Far more than a step name and a long take; a larger row is not one of ours. */
    static final int MAX_BYTES = 200;

    /** A request's shape: the step name, a space, the step execution id (also PostgreSQL's regex). */
    static final String SHAPE = "^([a-z][a-z0-9-]{0,99}) ([1-9][0-9]{0,18})$";

    private static final Pattern REQUEST = Pattern.compile(SHAPE);

    @Override
    public void serialize(Message<?> message, OutputStream out) throws IOException {
        if (!(message.getPayload() instanceof StepExecutionRequest request)) {
            throw new IllegalArgumentException("Only partition requests go over this channel, not "
                    + message.getPayload().getClass().getName());
        }
        String text = request.getStepName() + " " + request.getStepExecutionId();
        if (!REQUEST.matcher(text).matches()) {
            throw new IllegalArgumentException("Not a partition request this channel can carry: " + text);
        }
        out.write(text.getBytes(StandardCharsets.US_ASCII));
    }

    @Override
    public Message<?> deserialize(InputStream in) throws IOException {
        byte[] bytes = in.readNBytes(MAX_BYTES + 1);
        if (bytes.length > MAX_BYTES) {
            throw new IOException("A partition request of more than " + MAX_BYTES + " bytes is not one of ours");
        }
        String text = new String(bytes, StandardCharsets.US_ASCII);
        Matcher request = REQUEST.matcher(text);
        if (!request.matches()) {
            throw new IOException("Not a partition request: '" + text.replaceAll("[^ -~]", "?") + "'");
        }
        long stepExecutionId;
        try {
            stepExecutionId = Long.parseLong(request.group(2));
        } catch (NumberFormatException tooLarge) {
            throw new IOException("Not a step execution id: " + request.group(2), tooLarge);
        }
        return new GenericMessage<>(new StepExecutionRequest(request.group(1), stepExecutionId));
    }
}
