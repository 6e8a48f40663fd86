package io.voidvm.nodeagent.command;

import io.voidvm.contracts.codec.MessageCodec;
import io.voidvm.contracts.envelope.Envelopes;
import io.voidvm.contracts.envelope.MessageEnvelope;
import io.voidvm.contracts.topic.Topics;
import io.voidvm.contracts.vm.event.VmEvent;
import io.voidvm.nodeagent.runtime.EventContext;
import io.voidvm.nodeagent.runtime.VmEventSink;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * Publishes VM events keyed by vmId, so they stay in order per VM. Sending is asynchronous: the idempotent
 * producer keeps per-partition order and retries; a send that still fails is logged, and the next status
 * report or reconcile pass repeats the truth.
 */
final class KafkaVmEventSink implements VmEventSink {

    private static final Logger log = LoggerFactory.getLogger(KafkaVmEventSink.class);

    private final String nodeName;
    private final Envelopes envelopes;
    private final MessageCodec codec;
    private final KafkaTemplate<String, byte[]> kafka;

    KafkaVmEventSink(String nodeName, Envelopes envelopes, MessageCodec codec, KafkaTemplate<String, byte[]> kafka) {
        this.nodeName = nodeName;
        this.envelopes = envelopes;
        this.codec = codec;
        this.kafka = kafka;
    }

    @Override
    public void publish(EventContext context, VmEvent event) {
        MessageEnvelope<VmEvent> envelope = envelopes.of(event)
                .vmId(context.vmId())
                .tenantId(context.tenantId())
                .nodeName(nodeName)
                .correlationId(context.correlationId())
                .traceparent(context.traceparent())
                .build();
        kafka.send(Topics.topicFor(envelope), Topics.partitionKey(envelope), codec.encode(envelope))
                .whenComplete((sent, failure) -> {
                    if (failure != null) {
                        log.warn("VM {}: event {} ({}) not delivered: {}", context.vmId(), envelope.messageId(),
                                envelope.type(), failure.getMessage());
                    }
                });
    }
}
