package io.voidvm.vm.node.kafka;

import io.voidvm.contracts.codec.MessageCodec;
import io.voidvm.contracts.node.NodeHeartbeat;
import io.voidvm.contracts.topic.Topics;
import io.voidvm.servicekit.kafka.ListenerFactories;
import io.voidvm.vm.node.app.HeartbeatIntake;
import java.time.Duration;
import java.util.Objects;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.stereotype.Component;

/**
 * Feeds the {@code nodes} table from the compacted heartbeat topic. One consumer group for all replicas: the
 * table is shared, so each heartbeat is taken once, and the offset is committed only after its transaction (which
 * is what {@link KafkaHeartbeatFeed} reads to tell whether every heartbeat has been taken).
 */
@Component
class HeartbeatListener {

    static final String GROUP = "vm-service-heartbeats";
    private static final Duration APPLY_TIMEOUT = Duration.ofSeconds(30);

    private final MessageCodec codec;
    private final HeartbeatIntake intake;

    HeartbeatListener(MessageCodec codec, HeartbeatIntake intake) {
        this.codec = Objects.requireNonNull(codec, "codec");
        this.intake = Objects.requireNonNull(intake, "intake");
    }

    @KafkaListener(id = "vm-service-heartbeats", topics = Topics.NODE_HEARTBEATS,
            containerFactory = "heartbeatListenerFactory")
    void onHeartbeat(ConsumerRecord<String, byte[]> record) {
        if (record.value() == null) {
            return; // a tombstone: the node was removed; it stays NOT_READY once its heartbeats are old
        }
        intake.accept(codec.decode(record.value(), NodeHeartbeat.class).payload()).block(APPLY_TIMEOUT);
    }

    @Configuration(proxyBeanMethods = false)
    static class Factory {

        /** A new group starts from the beginning of the compacted topic: the newest heartbeat of every node. */
        @Bean
        ConcurrentKafkaListenerContainerFactory<String, byte[]> heartbeatListenerFactory(ListenerFactories factories) {
            return factories.create(GROUP, "earliest");
        }
    }
}
