package io.voidvm.contracts.codec;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.voidvm.contracts.Payload;
import io.voidvm.contracts.envelope.MessageEnvelope;
import io.voidvm.contracts.envelope.MessageType;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.cfg.DateTimeFeature;
import tools.jackson.databind.cfg.EnumFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Envelope to JSON and back. Thread-safe; create one and share it.
 *
 * <p>Rules: readers ignore unknown fields (a producer may add optional ones within a schema version);
 * absent and {@code null} mean the same, so writers omit nulls; primitive fields are required.
 * Decoding checks, in order: JSON syntax, {@code schemaVersion}, {@code type}, then every field, and
 * throws a {@link ContractException} subclass naming the first problem.
 */
public final class MessageCodec {

    private final JsonMapper mapper = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .enable(EnumFeature.READ_UNKNOWN_ENUM_VALUES_USING_DEFAULT_VALUE)
            .enable(EnumFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
            .disable(DateTimeFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DateTimeFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
            .disable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
            .changeDefaultPropertyInclusion(inclusion -> inclusion
                    .withValueInclusion(JsonInclude.Include.NON_NULL)
                    .withContentInclusion(JsonInclude.Include.NON_NULL))
            .build();

    public byte[] encode(MessageEnvelope<?> envelope) {
        Objects.requireNonNull(envelope, "envelope");
        try {
            return mapper.writeValueAsBytes(envelope);
        } catch (JacksonException e) {
            // Records validated at construction always serialize; reaching here is a bug in this module.
            throw new IllegalStateException("cannot encode " + envelope.type() + ": " + e.getOriginalMessage(), e);
        }
    }

    public String encodeToString(MessageEnvelope<?> envelope) {
        return new String(encode(envelope), StandardCharsets.UTF_8);
    }

    public MessageEnvelope<Payload> decode(String json) {
        return decode(Objects.requireNonNull(json, "json").getBytes(StandardCharsets.UTF_8));
    }

    /** Decodes any registered message; switch on the payload's sealed type to handle it. */
    public MessageEnvelope<Payload> decode(byte[] json) {
        Objects.requireNonNull(json, "json");
        JsonNode root = parse(json);
        int schemaVersion = schemaVersion(root);
        MessageType type = messageType(root);
        JsonNode payloadNode = root.get("payload");
        if (payloadNode == null || !payloadNode.isObject()) {
            throw new MalformedMessageException("payload is missing or not an object", null);
        }
        Headers headers = bind(root, Headers.class, "");
        Payload payload = bind(payloadNode, type.payloadClass(), "/payload");
        try {
            return new MessageEnvelope<>(schemaVersion, headers.messageId(), type.wireName(),
                    headers.occurredAt(), headers.tenantId(), headers.vmId(), headers.nodeName(),
                    headers.correlationId(), headers.traceparent(), payload);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new MalformedMessageException(e.getMessage(), e);
        }
    }

    /**
     * Decodes a message that must carry a payload of {@code expected}'s family, e.g.
     * {@code decode(bytes, VmCommand.class)} on a node's command topic.
     */
    @SuppressWarnings("unchecked")
    public <P extends Payload> MessageEnvelope<P> decode(byte[] json, Class<P> expected) {
        MessageEnvelope<Payload> envelope = decode(json);
        if (!expected.isInstance(envelope.payload())) {
            throw new UnexpectedMessageTypeException(envelope.type(), expected);
        }
        return (MessageEnvelope<P>) (MessageEnvelope<?>) envelope;
    }

    private JsonNode parse(byte[] json) {
        JsonNode root;
        try {
            root = mapper.readTree(json);
        } catch (JacksonException e) {
            throw new MalformedMessageException("not valid JSON: " + e.getOriginalMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new MalformedMessageException("message is not a JSON object", null);
        }
        return root;
    }

    private static int schemaVersion(JsonNode root) {
        JsonNode version = root.get("schemaVersion");
        if (version == null || !version.isIntegralNumber() || !version.canConvertToInt()) {
            throw new MalformedMessageException("schemaVersion is missing or not an integer", null);
        }
        int schemaVersion = version.intValue();
        if (schemaVersion > MessageEnvelope.CURRENT_SCHEMA_VERSION) {
            throw new UnsupportedSchemaVersionException(schemaVersion, MessageEnvelope.CURRENT_SCHEMA_VERSION);
        }
        if (schemaVersion < 1) {
            throw new MalformedMessageException("schemaVersion must be at least 1, got " + schemaVersion, null);
        }
        return schemaVersion;
    }

    private static MessageType messageType(JsonNode root) {
        JsonNode type = root.get("type");
        if (type == null || !type.isString()) {
            throw new MalformedMessageException("type is missing or not a string", null);
        }
        return MessageType.fromWireName(type.stringValue())
                .orElseThrow(() -> new UnknownMessageTypeException(type.stringValue()));
    }

    private <T> T bind(JsonNode node, Class<T> target, String pointerPrefix) {
        try {
            return mapper.treeToValue(node, target);
        } catch (JacksonException e) {
            throw new MalformedMessageException(describe(e, pointerPrefix), e);
        }
    }

    /** Jackson's message plus a JSON pointer to the offending field, without Jackson's class names. */
    private static String describe(JacksonException e, String pointerPrefix) {
        StringBuilder pointer = new StringBuilder(pointerPrefix);
        for (JacksonException.Reference reference : e.getPath()) {
            pointer.append('/').append(reference.getPropertyName() != null
                    ? reference.getPropertyName() : String.valueOf(reference.getIndex()));
        }
        String field = pointer.isEmpty() ? "" : " (at " + pointer + ")";
        Throwable cause = e.getCause();
        String problem = cause instanceof IllegalArgumentException || cause instanceof NullPointerException
                ? cause.getMessage() : e.getOriginalMessage();
        return problem + field;
    }

    /** The envelope's header fields; the payload is bound separately once the type is known. */
    record Headers(
            UUID messageId,
            Instant occurredAt,
            String tenantId,
            UUID vmId,
            String nodeName,
            UUID correlationId,
            String traceparent) {
    }
}
