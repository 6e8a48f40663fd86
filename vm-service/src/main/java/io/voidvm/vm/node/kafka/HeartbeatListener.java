package io.voidvm.vm.node.kafka;

import io.voidvm.contracts.codec.MessageCodec;
import io.voidvm.contracts.node.NodeHeartbeat;
import io.voidvm.contracts.topic.Topics;
import io.voidvm.servicekit.kafka.ListenerFactories;
import io.voidvm.vm.node.app.HeartbeatIntake;
import io.voidvm.vm.node.app.NodeLivenessSweeper;
import java.time.Duration;
import java.util.Objects;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.event.ListenerContainerIdleEvent;
import org.springframework.stereotype.Component;

/**
 * Feeds the {@code nodes} table from the compacted heartbeat topic. One consumer group for all replicas: the
 * table is shared, so each heartbeat is taken once, and the offset is committed only after its transaction.
 */
@Component
class HeartbeatListener {

    static final String GROUP = "vm-service-heartbeats";
    private static final String LISTENER_ID = "vm-service-heartbeats";
    private static final Duration APPLY_TIMEOUT = Duration.ofSeconds(30);
    /** Polled this long without a record while holding partitions: the consumer has read the topic's end. */
    private static final Duration IDLE = Duration.ofSeconds(1);

    private final MessageCodec codec;
    private final HeartbeatIntake intake;
    private final NodeLivenessSweeper sweeper;

    HeartbeatListener(MessageCodec codec, HeartbeatIntake intake, NodeLivenessSweeper sweeper) {
        this.codec = Objects.requireNonNull(codec, "codec");
        this.intake = Objects.requireNonNull(intake, "intake");
        this.sweeper = Objects.requireNonNull(sweeper, "sweeper");
    }

    @KafkaListener(id = LISTENER_ID, topics = Topics.NODE_HEARTBEATS,
            containerFactory = "heartbeatListenerFactory")
    void onHeartbeat(ConsumerRecord<String, byte[]> record) {
        if (record.value() == null) {
            return; // a tombstone: the node was removed; it stays NOT_READY once its heartbeats are old
        }
        intake.accept(codec.decode(record.value(), NodeHeartbeat.class).payload()).block(APPLY_TIMEOUT);
    }

    @EventListener
    void onIdle(ListenerContainerIdleEvent idle) {
        if (idle.getListenerId().startsWith(LISTENER_ID) && !idle.getTopicPartitions().isEmpty()) {
            sweeper.heartbeatsCaughtUp();
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class Factory {

        /** A new group starts from the beginning of the compacted topic: the newest heartbeat of every node. */
        @Bean
        ConcurrentKafkaListenerContainerFactory<String, byte[]> heartbeatListenerFactory(ListenerFactories factories) {
            var factory = factories.create(GROUP, "earliest");
            factory.getContainerProperties().setIdleEventInterval(IDLE.toMillis());
            return factory;
        }
    }
}
