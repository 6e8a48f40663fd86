package io.voidvm.testsupport.kafka;

import io.voidvm.contracts.codec.MessageCodec;
import io.voidvm.contracts.envelope.MessageEnvelope;
import io.voidvm.contracts.topic.Topics;
import io.voidvm.testsupport.junit.KafkaExtension;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * A test's own producer and reader on the real broker ({@code @WithKafka}): publishes envelopes as a service or a
 * node agent would and reads back what was sent to a topic, decoded.
 */
public final class KafkaFixture implements AutoCloseable {

    private final MessageCodec codec = new MessageCodec();
    private final KafkaProducer<String, byte[]> producer;

    public KafkaFixture() {
        producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class,
                ProducerConfig.ACKS_CONFIG, "all"));
    }

    /** Publishes on the envelope's own topic and key, as a real producer does. */
    public void publish(MessageEnvelope<?> envelope) throws Exception {
        producer.send(new ProducerRecord<>(Topics.topicFor(envelope), Topics.partitionKey(envelope),
                codec.encode(envelope))).get();
    }

    public void publishRaw(String topic, String key, byte[] value) throws Exception {
        producer.send(new ProducerRecord<>(topic, key, value)).get();
    }

    /** Every message on the topic so far, decoded. */
    public List<MessageEnvelope<?>> messages(String topic) {
        return records(topic).stream().<MessageEnvelope<?>>map(record -> codec.decode(record.value())).toList();
    }

    /** Every record on the topic so far (read from the start by a throw-away group). */
    public List<ConsumerRecord<String, byte[]>> records(String topic) {
        try (var consumer = new KafkaConsumer<String, byte[]>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "it-reader-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class))) {
            consumer.subscribe(List.of(topic));
            List<ConsumerRecord<String, byte[]>> messages = new ArrayList<>();
            for (int emptyPolls = 0; emptyPolls < 2; ) {
                var records = consumer.poll(Duration.ofMillis(500));
                if (records.isEmpty() && consumer.assignment().isEmpty()) {
                    continue;
                }
                emptyPolls = records.isEmpty() ? emptyPolls + 1 : 0;
                records.forEach(messages::add);
            }
            return messages;
        }
    }

    private static String bootstrapServers() {
        return System.getProperty(KafkaExtension.BOOTSTRAP_SERVERS_PROPERTY);
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(5));
    }
}
