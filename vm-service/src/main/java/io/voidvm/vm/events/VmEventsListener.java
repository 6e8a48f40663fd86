package io.voidvm.vm.events;

import io.voidvm.contracts.codec.MessageCodec;
import io.voidvm.contracts.envelope.MessageEnvelope;
import io.voidvm.contracts.topic.Topics;
import io.voidvm.contracts.vm.event.VmEvent;
import io.voidvm.servicekit.kafka.ListenerFactories;
import java.time.Duration;
import java.util.Objects;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.stereotype.Component;

/**
 * One consumer group for all replicas: each event is applied once, in order per VM (the key). The listener
 * thread waits for the transaction, so the offset is committed only after the effect.
 */
@Component
class VmEventsListener {

    static final String GROUP = "vm-service";
    private static final Duration APPLY_TIMEOUT = Duration.ofSeconds(30);

    private final MessageCodec codec;
    private final VmEventHandler handler;

    VmEventsListener(MessageCodec codec, VmEventHandler handler) {
        this.codec = Objects.requireNonNull(codec, "codec");
        this.handler = Objects.requireNonNull(handler, "handler");
    }

    @KafkaListener(id = "vm-service-events", topics = Topics.VM_EVENTS, containerFactory = "vmEventsListenerFactory")
    void onEvent(ConsumerRecord<String, byte[]> record) {
        if (record.value() == null) {
            return;
        }
        MessageEnvelope<VmEvent> event = codec.decode(record.value(), VmEvent.class);
        handler.handle(event).block(APPLY_TIMEOUT);
    }

    @Configuration(proxyBeanMethods = false)
    static class Factory {

        @Bean
        ConcurrentKafkaListenerContainerFactory<String, byte[]> vmEventsListenerFactory(ListenerFactories factories) {
            return factories.create(GROUP, "earliest");
        }
    }
}
