package io.voidvm.nodeagent.reconcile;

import io.voidvm.contracts.codec.MessageCodec;
import io.voidvm.contracts.envelope.Envelopes;
import io.voidvm.contracts.envelope.MessageEnvelope;
import io.voidvm.contracts.node.NodeObservedState;
import io.voidvm.contracts.topic.Topics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaTemplate;

/** Publishes the full report on {@code voidvm.node.observed-state}, keyed by node name. */
final class KafkaObservedStateSink implements ObservedStateSink {

    private static final Logger log = LoggerFactory.getLogger(KafkaObservedStateSink.class);

    private final Envelopes envelopes;
    private final MessageCodec codec;
    private final KafkaTemplate<String, byte[]> kafka;

    KafkaObservedStateSink(Envelopes envelopes, MessageCodec codec, KafkaTemplate<String, byte[]> kafka) {
        this.envelopes = envelopes;
        this.codec = codec;
        this.kafka = kafka;
    }

    @Override
    public void publish(NodeObservedState report) {
        MessageEnvelope<NodeObservedState> envelope = envelopes.of(report).nodeName(report.nodeName()).build();
        kafka.send(Topics.topicFor(envelope), Topics.partitionKey(envelope), codec.encode(envelope))
                .whenComplete((sent, failure) -> {
                    if (failure != null) {
                        log.warn("node {}: observed-state report {} not delivered: {}", report.nodeName(),
                                envelope.messageId(), failure.getMessage());
                    }
                });
    }
}
