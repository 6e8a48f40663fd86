package io.voidvm.nodeagent.runtime;

import io.voidvm.contracts.envelope.MessageEnvelope;
import java.util.Objects;
import java.util.UUID;

/**
 * Who an event is about and what caused it: events caused by a command carry its operation
 * ({@code correlationId}) and trace; events QEMU caused on its own carry neither.
 */
public record EventContext(UUID vmId, String tenantId, UUID correlationId, String traceparent) {

    public EventContext {
        Objects.requireNonNull(vmId, "vmId");
    }

    public static EventContext causedBy(MessageEnvelope<?> command) {
        return new EventContext(command.vmId(), command.tenantId(), command.correlationId(), command.traceparent());
    }

    public static EventContext spontaneous(UUID vmId, String tenantId) {
        return new EventContext(vmId, tenantId, null, null);
    }
}
