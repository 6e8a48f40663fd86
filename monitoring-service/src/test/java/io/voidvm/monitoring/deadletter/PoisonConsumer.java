package io.voidvm.monitoring.deadletter;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.voidvm.contracts.codec.MessageCodec;
import io.voidvm.kafkakit.DeadLetterReasons;
import io.voidvm.kafkakit.DeadLetters;
import io.voidvm.testsupport.junit.KafkaExtension;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.MessageListener;

/**
 * A consumer of {@code topic} as every voidVM service builds one (kafka-kit's error handler): whatever the
 * contracts codec cannot read lands on {@code <topic>.dlt} with the real headers, as in production.
 */
final class PoisonConsumer implements AutoCloseable {

    private final ConcurrentMessageListenerContainer<String, byte[]> container;
    private final DefaultKafkaProducerFactory<String, byte[]> producers;

    PoisonConsumer(String topic) {
        String servers = System.getProperty(KafkaExtension.BOOTSTRAP_SERVERS_PROPERTY);
        String group = "it-poison-" + UUID.randomUUID();
        var consumers = new DefaultKafkaConsumerFactory<String, byte[]>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, servers,
                ConsumerConfig.GROUP_ID_CONFIG, group,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class));
        producers = new DefaultKafkaProducerFactory<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, servers,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class));
        MessageCodec codec = new MessageCodec();
        ContainerProperties properties = new ContainerProperties(topic);
        properties.setGroupId(group);
        properties.setMessageListener((MessageListener<String, byte[]>) record -> codec.decode(record.value()));
        container = new ConcurrentMessageListenerContainer<>(consumers, properties);
        container.setBeanName(group);
        container.setCommonErrorHandler(DeadLetters.errorHandler(new KafkaTemplate<>(producers),
                new SimpleMeterRegistry(), DeadLetterReasons.contracts()));
        container.start();
    }

    @Override
    public void close() {
        container.stop();
        producers.destroy();
    }
}
