package io.voidvm.servicekit.outbox;

import io.voidvm.contracts.codec.MessageCodec;
import io.voidvm.contracts.envelope.MessageEnvelope;
import io.voidvm.contracts.topic.Topics;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * One message as the outbox stores and the relay publishes it: already encoded, so the relay never needs to
 * know the payload type. Build it with {@link #of(MessageEnvelope, MessageCodec)} for contract messages.
 *
 * @param messageId unique id (the envelope's), stored with a unique constraint
 * @param topic     Kafka topic
 * @param key       Kafka key; messages with the same key are published in append order
 * @param payload   record value, published byte for byte (not copied: do not mutate it after appending)
 * @param headers   Kafka headers as strings (e.g. {@code traceparent})
 */
public record OutboxMessage(UUID messageId, String topic, String key, byte[] payload, Map<String, String> headers) {

    public static final String MESSAGE_ID_HEADER = "messageId";
    public static final String TYPE_HEADER = "type";
    public static final String TRACEPARENT_HEADER = "traceparent";

    public OutboxMessage {
        Objects.requireNonNull(messageId, "messageId");
        Objects.requireNonNull(payload, "payload");
        if (topic == null || topic.isBlank()) {
            throw new IllegalArgumentException("topic must not be blank");
        }
        if (key == null || key.isBlank()) {
            throw new IllegalArgumentException("key must not be blank: per-key order is what the outbox guarantees");
        }
        headers = headers == null ? Map.of() : Map.copyOf(headers);
    }

    /** A contract message: topic and key from {@link Topics}, payload from the codec, ids as headers. */
    public static OutboxMessage of(MessageEnvelope<?> envelope, MessageCodec codec) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(TYPE_HEADER, envelope.type());
        if (envelope.traceparent() != null) {
            headers.put(TRACEPARENT_HEADER, envelope.traceparent());
        }
        return new OutboxMessage(envelope.messageId(), Topics.topicFor(envelope), Topics.partitionKey(envelope),
                codec.encode(envelope), headers);
    }
}
