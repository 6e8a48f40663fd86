package io.voidvm.nodeagent.command;

import io.voidvm.contracts.codec.MessageCodec;
import io.voidvm.contracts.envelope.Envelopes;
import io.voidvm.contracts.envelope.MessageEnvelope;
import io.voidvm.contracts.topic.Topics;
import io.voidvm.contracts.volume.VolumeEvent;
import io.voidvm.nodeagent.volume.VolumeEventSink;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaTemplate;

/** Publishes volume events on {@code voidvm.volume.events}, keyed by volumeId, with the command's correlation id. */
final class KafkaVolumeEventSink implements VolumeEventSink {

    private static final Logger log = LoggerFactory.getLogger(KafkaVolumeEventSink.class);

    private final String nodeName;
    private final Envelopes envelopes;
    private final MessageCodec codec;
    private final KafkaTemplate<String, byte[]> kafka;

    KafkaVolumeEventSink(String nodeName, Envelopes envelopes, MessageCodec codec,
            KafkaTemplate<String, byte[]> kafka) {
        this.nodeName = nodeName;
        this.envelopes = envelopes;
        this.codec = codec;
        this.kafka = kafka;
    }

    @Override
    public void publish(Origin origin, VolumeEvent event) {
        MessageEnvelope<VolumeEvent> envelope = envelopes.of(event)
                .tenantId(origin.tenantId())
                .vmId(origin.vmId())
                .nodeName(nodeName)
                .correlationId(origin.correlationId())
                .traceparent(origin.traceparent())
                .build();
        kafka.send(Topics.topicFor(envelope), Topics.partitionKey(envelope), codec.encode(envelope))
                .whenComplete((sent, failure) -> {
                    if (failure != null) {
                        log.warn("volume {}: event {} ({} {}) not delivered: {}", event.volumeId(),
                                envelope.messageId(), event.operation(), event.outcome(), failure.getMessage());
                    }
                });
    }
}
