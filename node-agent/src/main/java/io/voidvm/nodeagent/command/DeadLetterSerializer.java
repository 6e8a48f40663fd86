package io.voidvm.nodeagent.command;

import io.voidvm.contracts.codec.MessageCodec;
import io.voidvm.contracts.envelope.MessageEnvelope;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Writes a dead letter's value: the original bytes when decoding failed (the recoverer restores them), or the
 * decoded envelope encoded again when the listener rejected a well-formed command.
 */
final class DeadLetterSerializer implements Serializer<Object> {

    private final MessageCodec codec;

    DeadLetterSerializer(MessageCodec codec) {
        this.codec = codec;
    }

    @Override
    public byte[] serialize(String topic, Object value) {
        return switch (value) {
            case null -> null;
            case byte[] bytes -> bytes;
            case MessageEnvelope<?> envelope -> codec.encode(envelope);
            default -> throw new IllegalArgumentException("cannot dead-letter a " + value.getClass().getName());
        };
    }
}
