package io.voidvm.servicekit.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.r2dbc.spi.ConnectionFactory;
import io.voidvm.servicekit.testapp.TestApplication;
import io.voidvm.testsupport.junit.WithKafka;
import io.voidvm.testsupport.junit.WithPostgres;
import io.voidvm.testsupport.kafka.KafkaBroker;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.r2dbc.connection.R2dbcTransactionManager;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.Disposable;
import tools.jackson.databind.json.JsonMapper;

/**
 * The outbox against a real PostgreSQL and a real Kafka broker: a broker outage loses and duplicates nothing,
 * and concurrent relays keep every VM's commands in order.
 */
@WithPostgres
@WithKafka
@SpringBootTest(classes = TestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.NONE, properties = {
        "spring.config.import=classpath:voidvm-service-defaults.yaml",
        "spring.flyway.locations=classpath:db/servicekit",
        "voidvm.outbox.poll-interval=200ms",
        "voidvm.outbox.backoff.initial=200ms",
        "voidvm.outbox.backoff.max=2s"
})
class OutboxRelayIT {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelayIT.class);
    private static final int VMS = 10;

    @Autowired
    OutboxWriter writer;
    @Autowired
    OutboxRelay springRelay;
    @Autowired
    ConnectionFactory connectionFactory;
    @Autowired
    KafkaProperties kafkaProperties;
    @Autowired
    OutboxProperties properties;

    private TransactionalOperator transactions() {
        return TransactionalOperator.create(new R2dbcTransactionManager(connectionFactory));
    }

    private long count(String topic, String condition) {
        return DatabaseClient.create(connectionFactory)
                .sql("SELECT count(*) AS n FROM outbox WHERE topic = :topic AND " + condition)
                .bind("topic", topic).map(row -> row.get("n", Long.class)).one().block();
    }

    @Test
    void brokerOutageLosesAndDuplicatesNothingAndKeepsOrderPerVm(KafkaBroker broker) {
        OutboxTestMessages messages = new OutboxTestMessages("it-outage", VMS);
        broker.createTopic(messages.topic(), 3);
        long started = System.nanoTime();
        Disposable appending = messages.append(writer, transactions(), 100).subscribe();

        await().atMost(Duration.ofSeconds(30)).until(() -> count(messages.topic(), "sent_at IS NOT NULL") >= 150);
        broker.stop();
        long sentAtStop = count(messages.topic(), "sent_at IS NOT NULL");
        // while the broker is down nothing may be marked sent: the relay waits for acks that cannot come
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5))
                .until(() -> count(messages.topic(), "sent_at IS NOT NULL") == sentAtStop);
        long unsentDuringOutage = count(messages.topic(), "sent_at IS NULL");
        broker.restart();

        await().atMost(Duration.ofSeconds(40)).until(appending::isDisposed);
        await().atMost(Duration.ofSeconds(40)).until(() -> count(messages.topic(), "sent_at IS NULL") == 0);
        OutboxTestMessages.Received received = consumeAll(broker, messages.topic(), VMS * 100);
        double seconds = (System.nanoTime() - started) / 1e9;
        log.info("OUTBOX outage run: {} messages, {} records, {} duplicates, {} sent before the stop, {} unsent "
                 + "during the outage, {} s", received.messageIds.size(), received.records, received.duplicates,
                sentAtStop, unsentDuringOutage, String.format("%.1f", seconds));

        assertThat(sentAtStop).isLessThan(VMS * 100);
        assertThat(count(messages.topic(), "true")).isEqualTo(VMS * 100);
        assertThat(received.messageIds).hasSize(VMS * 100);
        assertThat(received.duplicates).as("duplicates").isZero();
        assertInOrderPerVm(received, 100);
    }

    @Test
    void concurrentRelaysKeepPerVmOrder(KafkaBroker broker) {
        OutboxTestMessages messages = new OutboxTestMessages("it-replicas", VMS);
        broker.createTopic(messages.topic(), 3);
        springRelay.stop();
        OutboxProperties small = new OutboxProperties(true, 7, Duration.ofMillis(20), false,
                properties.backoff(), properties.deliveryTimeout(), properties.linger(), properties.retention(),
                properties.purgeInterval());
        SimpleMeterRegistry metricsA = new SimpleMeterRegistry();
        SimpleMeterRegistry metricsB = new SimpleMeterRegistry();
        try (OutboxRelay relayA = relay("relay-a", small, metricsA); OutboxRelay relayB = relay("relay-b", small, metricsB)) {
            messages.append(writer, transactions(), 50).block(Duration.ofSeconds(30));
            relayA.start();
            relayB.start();
            await().atMost(Duration.ofSeconds(40)).until(() -> count(messages.topic(), "sent_at IS NULL") == 0);
            double publishedA = metricsA.counter("voidvm.outbox.published").count();
            double publishedB = metricsB.counter("voidvm.outbox.published").count();
            log.info("OUTBOX replicas run: relay-a published {}, relay-b published {}", publishedA, publishedB);
            assertThat(publishedA).as("relay-a took part").isPositive();
            assertThat(publishedB).as("relay-b took part").isPositive();
            assertThat(publishedA + publishedB).isEqualTo(VMS * 50);
        } finally {
            springRelay.start();
        }
        OutboxTestMessages.Received received = consumeAll(broker, messages.topic(), VMS * 50);
        assertThat(received.duplicates).as("duplicates").isZero();
        assertInOrderPerVm(received, 50);
    }

    private OutboxRelay relay(String name, OutboxProperties relayProperties, SimpleMeterRegistry registry) {
        DatabaseClient db = DatabaseClient.create(connectionFactory);
        return new OutboxRelay(name, new OutboxStore(db, JsonMapper.shared()), transactions(),
                new KafkaOutboxSender(kafkaProperties.buildProducerProperties(), relayProperties), relayProperties,
                new OutboxMetrics(registry), Clock.systemUTC());
    }

    private static OutboxTestMessages.Received consumeAll(KafkaBroker broker, String topic, int expected) {
        OutboxTestMessages.Received received = new OutboxTestMessages.Received();
        try (KafkaConsumer<String, byte[]> consumer = OutboxTestMessages.consumer(broker.bootstrapServers(), topic)) {
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ZERO).until(() -> {
                OutboxTestMessages.poll(consumer, received);
                return received.messageIds.size() >= expected;
            });
            // a final poll picks up any redelivered copy that trails the last first-time record
            OutboxTestMessages.poll(consumer, received);
        }
        return received;
    }

    private static void assertInOrderPerVm(OutboxTestMessages.Received received, int perVm) {
        List<Long> expected = LongStream.rangeClosed(1, perVm).boxed().toList();
        assertThat(received.generationsByVm).hasSize(VMS);
        for (Map.Entry<java.util.UUID, List<Long>> vm : received.generationsByVm.entrySet()) {
            assertThat(vm.getValue()).as("generations of VM %s in topic order", vm.getKey()).isEqualTo(expected);
        }
    }
}
