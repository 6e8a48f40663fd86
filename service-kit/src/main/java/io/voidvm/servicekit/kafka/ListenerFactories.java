package io.voidvm.servicekit.kafka;

import io.micrometer.core.instrument.MeterRegistry;
import io.voidvm.contracts.codec.ContractException;
import io.voidvm.kafkakit.DeadLetterReasons;
import io.voidvm.kafkakit.DeadLetters;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.DefaultErrorHandler;

/**
 * Builds listener container factories that hand listeners the raw record bytes, so the contracts codec (not a
 * Kafka deserializer) reads them and a malformed record surfaces as a {@link ContractException}. Errors are
 * handled by kafka-kit's {@link DeadLetters}: such records go to {@code <topic>.dlt} at once, other failures
 * after about a minute of retries, and each dead letter is logged and counted. Every service gets one instance
 * from {@link ListenerFactoriesAutoConfiguration}.
 */
public final class ListenerFactories {

    private final KafkaProperties kafka;
    private final DefaultErrorHandler errorHandler;

    public ListenerFactories(KafkaProperties kafka, MeterRegistry registry) {
        this.kafka = Objects.requireNonNull(kafka, "kafka");
        this.errorHandler = DeadLetters.errorHandler(deadLetterTemplate(kafka), registry,
                DeadLetterReasons.contracts());
    }

    /**
     * @param groupId     the consumer group
     * @param offsetReset where a group without committed offsets starts ({@code earliest} or {@code latest})
     */
    public ConcurrentKafkaListenerContainerFactory<String, byte[]> create(String groupId, String offsetReset) {
        Map<String, Object> config = new HashMap<>(kafka.buildConsumerProperties());
        config.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, offsetReset);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        var factory = new ConcurrentKafkaListenerContainerFactory<String, byte[]>();
        factory.setConsumerFactory(new DefaultKafkaConsumerFactory<>(config));
        factory.setCommonErrorHandler(errorHandler);
        return factory;
    }

    private static KafkaTemplate<String, byte[]> deadLetterTemplate(KafkaProperties kafka) {
        Map<String, Object> config = new HashMap<>(kafka.buildProducerProperties());
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        return new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(config));
    }
}
