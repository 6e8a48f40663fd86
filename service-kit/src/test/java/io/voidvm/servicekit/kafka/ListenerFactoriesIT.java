package io.voidvm.servicekit.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.voidvm.contracts.codec.MalformedMessageException;
import io.voidvm.contracts.codec.MessageCodec;
import io.voidvm.contracts.envelope.Envelopes;
import io.voidvm.contracts.envelope.MessageEnvelope;
import io.voidvm.contracts.topic.Topics;
import io.voidvm.contracts.vm.event.VmEvent;
import io.voidvm.contracts.vm.event.VmStatus;
import io.voidvm.contracts.vm.event.VmStatusChanged;
import io.voidvm.kafkakit.DeadLetterHeaders;
import io.voidvm.kafkakit.DeadLetterReport;
import io.voidvm.servicekit.testapp.TestApplication;
import io.voidvm.testsupport.junit.WithKafka;
import io.voidvm.testsupport.kafka.KafkaBroker;
import io.voidvm.testsupport.kafka.KafkaFixture;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Headers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.support.KafkaHeaders;

/**
 * A service's listener built from the auto-configured {@link ListenerFactories}, on the real broker: a poison
 * record lands on {@code <topic>.dlt} with its reason, is logged once (without its value) and counted once, and
 * the next record is processed.
 */
@WithKafka
@ExtendWith(OutputCaptureExtension.class)
@SpringBootTest(classes = {TestApplication.class, ListenerFactoriesIT.EventsListener.class},
        webEnvironment = SpringBootTest.WebEnvironment.NONE,
        properties = "spring.autoconfigure.exclude=" + TestApplication.NO_DATABASE)
class ListenerFactoriesIT {

    static final String TOPIC = "servicekit.it.events";
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static KafkaFixture kafka;

    @Autowired
    MeterRegistry registry;

    @Autowired
    EventsListener listener;

    @BeforeAll
    static void topic(KafkaBroker broker) {
        broker.createTopic(TOPIC, 2);
        kafka = new KafkaFixture();
    }

    @AfterAll
    static void close() {
        kafka.close();
    }

    @Test
    void aPoisonRecordIsDeadLetteredLoggedAndCountedAndTheNextOneIsProcessed(CapturedOutput output) throws Exception {
        String key = UUID.randomUUID().toString();
        String secret = "s3cret-" + UUID.randomUUID();
        byte[] poison = ("{\"schemaVersion\":1,\"type\":\"vm.event.status-changed\",\"payload\":{\"password\":\""
                + secret + "\"}}").getBytes(StandardCharsets.UTF_8);
        kafka.publishRaw(TOPIC, key, poison);
        MessageEnvelope<VmEvent> good = new Envelopes(Clock.systemUTC())
                .<VmEvent>of(new VmStatusChanged(VmStatus.STOPPED, null, 1, Instant.now()))
                .vmId(UUID.fromString(key)).tenantId("t1").nodeName("n1").build();
        kafka.publishRaw(TOPIC, key, new MessageCodec().encode(good));

        await().atMost(WAIT).until(() -> listener.processed.contains(good.messageId()));
        ConsumerRecord<String, byte[]> dead = kafka.records(Topics.deadLetter(TOPIC)).stream()
                .filter(record -> key.equals(record.key())).findFirst().orElseThrow();
        assertThat(dead.value()).isEqualTo(poison);
        Headers headers = dead.headers();
        assertThat(header(headers, DeadLetterHeaders.REASON)).isEqualTo("MALFORMED");
        assertThat(header(headers, KafkaHeaders.DLT_ORIGINAL_TOPIC)).isEqualTo(TOPIC);
        int partition = ByteBuffer.wrap(headers.lastHeader(KafkaHeaders.DLT_ORIGINAL_PARTITION).value()).getInt();
        long offset = ByteBuffer.wrap(headers.lastHeader(KafkaHeaders.DLT_ORIGINAL_OFFSET).value()).getLong();

        await().atMost(WAIT).untilAsserted(() -> assertThat(output.getOut()).contains("key " + key));
        assertThat(output.getOut().lines().filter(line -> line.contains("dead letter:"))).singleElement()
                .asString().contains("WARN", "dead letter: " + TOPIC + "-" + partition + "@" + offset,
                        "key " + key, "sent to " + TOPIC + ".dlt", "reason MALFORMED",
                        MalformedMessageException.class.getName());
        assertThat(output.getAll()).as("the value may carry secrets: never logged").doesNotContain(secret);
        Counter counter = registry.get(DeadLetterReport.COUNTER).tag("topic", TOPIC).tag("reason", "MALFORMED")
                .counter();
        assertThat(counter.count()).isEqualTo(1);
    }

    private static String header(Headers headers, String name) {
        return new String(headers.lastHeader(name).value(), StandardCharsets.UTF_8);
    }

    /** A service's listener: decodes with the contracts codec, so a malformed record throws. */
    @Configuration(proxyBeanMethods = false)
    static class EventsListener {

        final Queue<UUID> processed = new ConcurrentLinkedQueue<>();
        private final MessageCodec codec = new MessageCodec();

        @KafkaListener(id = "servicekit-it-events", topics = TOPIC, containerFactory = "itEventsFactory")
        void onEvent(ConsumerRecord<String, byte[]> record) {
            processed.add(codec.decode(record.value(), VmEvent.class).messageId());
        }

        /** Apart from the listener, as services declare it: the listener's bean needs the factory first. */
        @Configuration(proxyBeanMethods = false)
        static class Factory {

            @Bean
            ConcurrentKafkaListenerContainerFactory<String, byte[]> itEventsFactory(ListenerFactories factories) {
                return factories.create("servicekit-it-events", "earliest");
            }
        }
    }
}
