package io.voidvm.contracts.envelope;

import io.voidvm.contracts.Payload;
import java.time.Clock;
import java.util.Objects;
import java.util.UUID;

/**
 * Builds envelopes with a fresh {@code messageId} and {@code occurredAt} from the injected clock, so
 * producers never hand-roll ids or timestamps and tests can pin both.
 *
 * <pre>{@code
 * envelopes.of(new StartVm(7)).vmId(vmId).tenantId(tenant).nodeName(node).correlationId(opId).build();
 * }</pre>
 */
public final class Envelopes {

    private final Clock clock;
    private final MessageIds ids;

    public Envelopes(Clock clock) {
        this(clock, new MessageIds(clock));
    }

    public Envelopes(Clock clock, MessageIds ids) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.ids = Objects.requireNonNull(ids, "ids");
    }

    public <P extends Payload> Builder<P> of(P payload) {
        return new Builder<>(Objects.requireNonNull(payload, "payload"));
    }

    /** Collects the optional headers; {@link #build()} validates the result. */
    public final class Builder<P extends Payload> {
        private final P payload;
        private String tenantId;
        private UUID vmId;
        private String nodeName;
        private UUID correlationId;
        private String traceparent;

        private Builder(P payload) {
            this.payload = payload;
        }

        public Builder<P> tenantId(String tenantId) {
            this.tenantId = tenantId;
            return this;
        }

        public Builder<P> vmId(UUID vmId) {
            this.vmId = vmId;
            return this;
        }

        public Builder<P> nodeName(String nodeName) {
            this.nodeName = nodeName;
            return this;
        }

        public Builder<P> correlationId(UUID correlationId) {
            this.correlationId = correlationId;
            return this;
        }

        public Builder<P> traceparent(String traceparent) {
            this.traceparent = traceparent;
            return this;
        }

        /** Copies tenant, VM, operation and trace context from the message being answered. */
        public Builder<P> inResponseTo(MessageEnvelope<?> cause) {
            this.tenantId = cause.tenantId();
            this.vmId = cause.vmId();
            this.correlationId = cause.correlationId();
            this.traceparent = cause.traceparent();
            return this;
        }

        public MessageEnvelope<P> build() {
            return new MessageEnvelope<>(MessageEnvelope.CURRENT_SCHEMA_VERSION, ids.next(),
                    MessageType.of(payload).wireName(), clock.instant(), tenantId, vmId, nodeName,
                    correlationId, traceparent, payload);
        }
    }
}
