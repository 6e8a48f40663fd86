package io.voidvm.storage.volume.kafka;

import io.voidvm.contracts.codec.MessageCodec;
import io.voidvm.contracts.envelope.MessageEnvelope;
import io.voidvm.contracts.topic.Topics;
import io.voidvm.contracts.volume.VolumeEvent;
import io.voidvm.servicekit.kafka.ListenerFactories;
import io.voidvm.storage.volume.app.VolumeEventHandler;
import java.time.Duration;
import java.util.Objects;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.stereotype.Component;

/**
 * One consumer group for all replicas. The listener thread waits for the transaction, so the offset is committed
 * only after the effect; an unreadable record goes to {@code voidvm.volume.events.dlt}.
 */
@Component
class VolumeEventsListener {

    static final String GROUP = "storage-service";
    private static final Duration APPLY_TIMEOUT = Duration.ofSeconds(30);

    private final MessageCodec codec;
    private final VolumeEventHandler handler;

    VolumeEventsListener(MessageCodec codec, VolumeEventHandler handler) {
        this.codec = Objects.requireNonNull(codec, "codec");
        this.handler = Objects.requireNonNull(handler, "handler");
    }

    @KafkaListener(id = "storage-service-volume-events", topics = Topics.VOLUME_EVENTS,
            containerFactory = "volumeEventsListenerFactory")
    void onEvent(ConsumerRecord<String, byte[]> record) {
        if (record.value() == null) {
            return;
        }
        MessageEnvelope<VolumeEvent> event = codec.decode(record.value(), VolumeEvent.class);
        handler.handle(event).block(APPLY_TIMEOUT);
    }

    @Configuration(proxyBeanMethods = false)
    static class Factory {

        @Bean
        ConcurrentKafkaListenerContainerFactory<String, byte[]> volumeEventsListenerFactory(
                ListenerFactories factories) {
            return factories.create(GROUP, "earliest");
        }
    }
}
