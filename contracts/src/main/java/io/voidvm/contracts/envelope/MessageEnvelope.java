package io.voidvm.contracts.envelope;

import io.voidvm.contracts.DnsLabel;
import io.voidvm.contracts.Payload;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * What travels on every topic: routing and tracing headers plus one payload. Build it with
 * {@link Envelopes}; the constructor rejects an envelope a consumer could not route or dedupe.
 *
 * @param schemaVersion bumped only by a breaking change to the JSON shape; readers reject newer ones
 * @param messageId     UUIDv7, unique per message, the consumers' dedupe key; time-ordered
 * @param type          wire name of the payload, see {@link MessageType}
 * @param tenantId      owning tenant for VM traffic; {@code null} for node traffic
 * @param vmId          required for VM traffic (it is the partition key)
 * @param nodeName      required for commands (target node), node and volume traffic; the reporting node on events
 * @param correlationId the vm-service operation this message belongs to, if any
 * @param traceparent   W3C trace context of the producer, passed through as-is
 */
public record MessageEnvelope<P extends Payload>(
        int schemaVersion,
        UUID messageId,
        String type,
        Instant occurredAt,
        String tenantId,
        UUID vmId,
        String nodeName,
        UUID correlationId,
        String traceparent,
        P payload) {

    public static final int CURRENT_SCHEMA_VERSION = 1;

    public MessageEnvelope {
        if (schemaVersion < 1 || schemaVersion > CURRENT_SCHEMA_VERSION) {
            throw new IllegalArgumentException("schemaVersion must be within 1-" + CURRENT_SCHEMA_VERSION
                    + ", got " + schemaVersion);
        }
        Objects.requireNonNull(messageId, "messageId is required");
        Objects.requireNonNull(occurredAt, "occurredAt is required");
        Objects.requireNonNull(payload, "payload is required");
        MessageType messageType = MessageType.of(payload);
        if (!messageType.wireName().equals(type)) {
            throw new IllegalArgumentException("type '" + type + "' does not match payload "
                    + payload.getClass().getSimpleName() + " ('" + messageType.wireName() + "')");
        }
        if (tenantId != null && tenantId.isBlank()) {
            throw new IllegalArgumentException("tenantId must not be blank");
        }
        if (nodeName != null) {
            DnsLabel.require(nodeName, "nodeName");
        }
        MessageType.Category category = messageType.category();
        if (category.vmScoped() && vmId == null) {
            throw new IllegalArgumentException(type + " needs a vmId");
        }
        if ((category != MessageType.Category.VM_EVENT && category != MessageType.Category.VM_METRICS)
                && nodeName == null) {
            throw new IllegalArgumentException(type + " needs a nodeName");
        }
    }

    /** The registered type of this message (never fails: the constructor checked it). */
    public MessageType messageType() {
        return MessageType.of(payload);
    }
}
