package io.voidvm.vm.placement.kafka;

import io.voidvm.contracts.codec.MessageCodec;
import io.voidvm.contracts.node.NodeHeartbeat;
import io.voidvm.contracts.topic.Topics;
import io.voidvm.servicekit.kafka.ListenerFactories;
import io.voidvm.vm.placement.app.HeartbeatIntake;
import java.util.Objects;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.stereotype.Component;

/** Feeds the node inventory from the compacted heartbeat topic. */
@Component
class HeartbeatListener {

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
            return; // a tombstone: the node was removed; its last heartbeat goes stale on its own
        }
        intake.accept(codec.decode(record.value(), NodeHeartbeat.class).payload());
    }

    @Configuration(proxyBeanMethods = false)
    static class Factory {

        /** A fresh group per process: every replica must read every heartbeat from the start. */
        @Bean
        ConcurrentKafkaListenerContainerFactory<String, byte[]> heartbeatListenerFactory(ListenerFactories factories) {
            return factories.create("vm-service-inventory-" + UUID.randomUUID(), "earliest");
        }
    }
}
