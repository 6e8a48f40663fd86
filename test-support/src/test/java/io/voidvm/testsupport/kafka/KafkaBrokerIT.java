package io.voidvm.testsupport.kafka;

import io.voidvm.testsupport.junit.WithKafka;
import io.voidvm.testsupport.process.FreePorts;
import io.voidvm.testsupport.process.ManagedProcess;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@WithKafka
class KafkaBrokerIT {

    @Test
    void sharedBrokerRoundTripsARecord(KafkaBroker broker) throws Exception {
        assertThat(System.getProperty("spring.kafka.bootstrap-servers")).isEqualTo(broker.bootstrapServers());
        broker.createTopic("round-trip", 1);

        send(broker, "round-trip", "vm-1", "started");

        assertThat(readAll(broker, "round-trip", 1)).containsExactly("vm-1=started");
    }

    @Test
    void recordsSurviveStopRestartAndKill(@TempDir Path dir) throws Exception {
        int port = FreePorts.next();
        KafkaBroker.Settings settings = new KafkaBroker.Settings(dir.resolve("kafka"), port, FreePorts.next(),
                dir.resolve("broker.log"));
        try (KafkaBroker broker = KafkaBroker.start(settings)) {
            broker.createTopic("durable", 1);
            send(broker, "durable", "k", "before-stop");

            broker.stop();
            assertThat(broker.isRunning()).isFalse();
            assertThat(ManagedProcess.isListening("127.0.0.1", port)).isFalse();

            broker.restart();
            assertThat(broker.bootstrapServers()).isEqualTo("127.0.0.1:" + port);
            assertThat(readAll(broker, "durable", 1)).containsExactly("k=before-stop");
            send(broker, "durable", "k", "before-kill");

            broker.kill();
            assertThat(broker.isRunning()).isFalse();
            broker.restart();

            assertThat(readAll(broker, "durable", 2)).containsExactly("k=before-stop", "k=before-kill");
        }
        assertThat(ManagedProcess.isListening("127.0.0.1", port)).isFalse();
    }

    private static void send(KafkaBroker broker, String topic, String key, String value) throws Exception {
        Map<String, Object> config = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(config)) {
            producer.send(new ProducerRecord<>(topic, key, value)).get(30, TimeUnit.SECONDS);
        }
    }

    /** Reads partition 0 of {@code topic} from the beginning until {@code expected} records have arrived. */
    private static List<String> readAll(KafkaBroker broker, String topic, int expected) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        List<String> received = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config)) {
            TopicPartition partition = new TopicPartition(topic, 0);
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            await().atMost(Duration.ofSeconds(30)).pollInSameThread().until(() -> {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    received.add(record.key() + "=" + record.value());
                }
                return received.size() >= expected;
            });
        }
        return received;
    }
}
