package io.voidvm.vm.observedstate.kafka;

import io.voidvm.contracts.codec.MessageCodec;
import io.voidvm.contracts.node.NodeObservedState;
import io.voidvm.contracts.topic.Topics;
import io.voidvm.servicekit.kafka.ListenerFactories;
import io.voidvm.vm.observedstate.app.ObservedStateIntake;
import java.time.Duration;
import java.util.Objects;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.config.TopicConfig;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.stereotype.Component;

/**
 * One consumer group for all replicas: each node's reports are taken once, in order (the key is the node name).
 * No processed-message table: taking a report twice changes nothing the first time did not (generations and
 * observed times decide), and a replayed old report is simply stale. The listener thread waits for the report,
 * so the offset is committed only after its entries are stored.
 */
@Component
class ObservedStateListener {

    static final String GROUP = "vm-service-observed-state";
    /** A report of a few hundred VMs takes a transaction each; generous, far below the poll interval. */
    private static final Duration APPLY_TIMEOUT = Duration.ofSeconds(120);

    private final MessageCodec codec;
    private final ObservedStateIntake intake;

    ObservedStateListener(MessageCodec codec, ObservedStateIntake intake) {
        this.codec = Objects.requireNonNull(codec, "codec");
        this.intake = Objects.requireNonNull(intake, "intake");
    }

    @KafkaListener(id = "vm-service-observed-state", topics = Topics.NODE_OBSERVED_STATE,
            containerFactory = "observedStateListenerFactory")
    void onReport(ConsumerRecord<String, byte[]> record) {
        if (record.value() == null) {
            return; // a tombstone: nothing to take
        }
        intake.take(codec.decode(record.value(), NodeObservedState.class).payload()).block(APPLY_TIMEOUT);
    }

    @Configuration(proxyBeanMethods = false)
    static class Factory {

        /**
         * A group without committed offsets reads what the topic still holds (an hour's worth): old
         * reports are stale by generation and time, and "latest" would skip a report sent while partitions are
         * being assigned.
         */
        /** Declared here too, so the listener finds the topic even before the first agent has created it. */
        @Bean
        NewTopic nodeObservedStateTopic() {
            return TopicBuilder.name(Topics.NODE_OBSERVED_STATE).config(TopicConfig.RETENTION_MS_CONFIG,
                    Long.toString(Topics.NODE_OBSERVED_STATE_RETENTION.toMillis())).build();
        }

        @Bean
        ConcurrentKafkaListenerContainerFactory<String, byte[]> observedStateListenerFactory(
                ListenerFactories factories) {
            return factories.create(GROUP, "earliest");
        }
    }
}
