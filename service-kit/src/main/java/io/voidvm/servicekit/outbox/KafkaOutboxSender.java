package io.voidvm.servicekit.outbox;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * Publishes claimed rows and waits for the broker's acknowledgements. Owns its producer, configured for the
 * outbox whatever the service's own producer settings are: {@code acks=all} and idempotence (a retried batch is
 * written once, in order, with up to 5 requests in flight), and a long {@code delivery.timeout.ms} so a broker
 * restart is ridden out by the producer's own retries instead of failing rows.
 */
final class KafkaOutboxSender implements AutoCloseable {

    private final DefaultKafkaProducerFactory<String, byte[]> producerFactory;
    private final KafkaTemplate<String, byte[]> template;
    private final Duration deliveryTimeout;

    KafkaOutboxSender(Map<String, Object> baseProducerProperties, OutboxProperties properties) {
        this.deliveryTimeout = properties.deliveryTimeout();
        this.producerFactory = new DefaultKafkaProducerFactory<>(producerProperties(baseProducerProperties, properties),
                new StringSerializer(), new ByteArraySerializer());
        this.template = new KafkaTemplate<>(producerFactory);
    }

    static Map<String, Object> producerProperties(Map<String, Object> base, OutboxProperties properties) {
        Map<String, Object> config = new HashMap<>(base);
        config.remove(ProducerConfig.TRANSACTIONAL_ID_CONFIG);
        long deliveryMs = properties.deliveryTimeout().toMillis();
        long lingerMs = properties.linger().toMillis();
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
        config.put(ProducerConfig.RETRIES_CONFIG, Integer.MAX_VALUE);
        config.put(ProducerConfig.LINGER_MS_CONFIG, (int) lingerMs);
        // Kafka requires delivery.timeout >= linger + request.timeout
        long requestMs = Math.min(30_000, Math.max(1_000, deliveryMs - lingerMs));
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) requestMs);
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) Math.max(deliveryMs, requestMs + lingerMs));
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, deliveryMs);
        config.computeIfPresent(ProducerConfig.CLIENT_ID_CONFIG, (k, id) -> id + "-outbox");
        return config;
    }

    /**
     * Sends the rows in order and waits for every acknowledgement. Once a key fails, its later rows are not
     * sent ({@link PublishOutcome.Skipped}) so nothing overtakes the failed one.
     *
     * @return one outcome per row, in the same order
     */
    List<PublishOutcome> publish(List<OutboxRow> rows) {
        List<CompletableFuture<?>> acks = new ArrayList<>(rows.size());
        List<PublishOutcome> outcomes = new ArrayList<>(rows.size());
        Set<String> failedKeys = new HashSet<>();
        for (OutboxRow row : rows) {
            if (failedKeys.contains(row.key())) {
                acks.add(null);
                outcomes.add(PublishOutcome.SKIPPED);
                continue;
            }
            try {
                acks.add(template.send(record(row)));
                outcomes.add(null);
            } catch (RuntimeException e) {
                failedKeys.add(row.key());
                acks.add(null);
                outcomes.add(new PublishOutcome.Failed(e));
            }
        }
        long deadline = System.nanoTime() + deliveryTimeout.plusSeconds(5).toNanos();
        for (int i = 0; i < rows.size(); i++) {
            if (acks.get(i) != null) {
                outcomes.set(i, await(acks.get(i), deadline));
            }
        }
        return outcomes;
    }

    private static PublishOutcome await(CompletableFuture<?> ack, long deadlineNanos) {
        try {
            ack.get(Math.max(0, deadlineNanos - System.nanoTime()), TimeUnit.NANOSECONDS);
            return PublishOutcome.SENT;
        } catch (ExecutionException e) {
            return new PublishOutcome.Failed(e.getCause() == null ? e : e.getCause());
        } catch (TimeoutException e) {
            return new PublishOutcome.Failed(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new PublishOutcome.Failed(e);
        }
    }

    private static ProducerRecord<String, byte[]> record(OutboxRow row) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(row.topic(), row.key(), row.payload());
        record.headers().add(new RecordHeader(OutboxMessage.MESSAGE_ID_HEADER,
                row.messageId().toString().getBytes(StandardCharsets.UTF_8)));
        row.headers().forEach((name, value) -> record.headers()
                .add(new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8))));
        return record;
    }

    @Override
    public void close() {
        producerFactory.destroy();
    }

    /** Aborts in-flight sends; used when shutdown cannot wait for a broker that is down. */
    void abort() {
        producerFactory.setPhysicalCloseTimeout(0);
        producerFactory.reset();
    }
}
