package io.voidvm.nodeagent.volume;

import io.voidvm.contracts.envelope.MessageEnvelope;
import io.voidvm.contracts.volume.VolumeEvent;
import java.util.UUID;

/** Where volume outcomes go ({@code voidvm.volume.events}); the Kafka adapter is the real one. */
@FunctionalInterface
public interface VolumeEventSink {

    /** Publishes {@code event} in answer to the command described by {@code origin}. */
    void publish(Origin origin, VolumeEvent event);

    /** The command an event answers: its tenant, VM (for attach and detach), operation and trace. */
    record Origin(String tenantId, UUID vmId, UUID correlationId, String traceparent) {

        public static Origin of(MessageEnvelope<?> command) {
            return new Origin(command.tenantId(), command.vmId(), command.correlationId(), command.traceparent());
        }
    }
}
