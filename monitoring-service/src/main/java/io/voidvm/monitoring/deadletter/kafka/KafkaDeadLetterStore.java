package io.voidvm.monitoring.deadletter.kafka;

import io.voidvm.kafkakit.DeadLetterHeaders;
import io.voidvm.monitoring.config.DeadLetterProperties;
import io.voidvm.monitoring.deadletter.app.DeadLetterStore;
import io.voidvm.monitoring.deadletter.domain.DeadLetter;
import io.voidvm.monitoring.deadletter.domain.DeadLetterTopic;
import io.voidvm.monitoring.deadletter.domain.DeadLetterTopics;
import io.voidvm.monitoring.deadletter.domain.DeadLettersUnavailableException;
import io.voidvm.monitoring.deadletter.domain.PartitionDepth;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * {@link DeadLetterStore} on the broker. Kafka's clients block, so every call runs on the bounded-elastic
 * scheduler and is bounded by {@code voidvm.monitoring.dead-letters.kafka-timeout}; past it, or when the broker
 * refuses, the call fails with {@link DeadLettersUnavailableException}. Keys and values are handled as bytes, so
 * a replay publishes exactly what was dead-lettered.
 */
@Component
class KafkaDeadLetterStore implements DeadLetterStore, DisposableBean {

    private static final Duration POLL = Duration.ofMillis(200);

    private final Admin admin;
    private final Map<String, Object> consumerConfig;
    private final DefaultKafkaProducerFactory<byte[], byte[]> producers;
    private final KafkaTemplate<byte[], byte[]> template;
    private final Duration timeout;

    KafkaDeadLetterStore(KafkaProperties kafka, DeadLetterProperties properties) {
        this.timeout = properties.kafkaTimeout();
        Map<String, Object> adminConfig = new HashMap<>(kafka.buildAdminProperties());
        this.admin = Admin.create(adminConfig);
        Map<String, Object> consumer = new HashMap<>(kafka.buildConsumerProperties());
        consumer.remove(ConsumerConfig.GROUP_ID_CONFIG);
        consumer.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        consumer.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
        consumer.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        consumer.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        consumer.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        this.consumerConfig = Map.copyOf(consumer);
        Map<String, Object> producer = new HashMap<>(kafka.buildProducerProperties());
        producer.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        producer.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        producer.put(ProducerConfig.ACKS_CONFIG, "all");
        producer.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        producer.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, timeout.toMillis());
        this.producers = new DefaultKafkaProducerFactory<>(producer);
        this.template = new KafkaTemplate<>(producers);
    }

    @Override
    public Mono<List<DeadLetterTopic>> topics() {
        return blocking("list dead-letter topics", () -> {
            List<String> names = await(admin.listTopics().names()).stream()
                    .filter(DeadLetterTopics::isDeadLetterTopic).sorted().toList();
            return describe(names);
        });
    }

    @Override
    public Mono<DeadLetterTopic> topic(String name) {
        return blocking("read topic " + name, () -> {
            try {
                return describe(List.of(name));
            } catch (UnknownTopicOrPartitionException e) {
                return List.<DeadLetterTopic>of();
            }
        }).flatMap(found -> found.isEmpty() ? Mono.empty() : Mono.just(found.getFirst()));
    }

    @Override
    public Mono<List<DeadLetter>> read(String topic, List<Slice> slices, int max) {
        return blocking("read " + topic, () -> {
            List<DeadLetter> letters = new ArrayList<>();
            if (slices.isEmpty() || max <= 0) {
                return letters;
            }
            Map<String, Object> config = new HashMap<>(consumerConfig);
            config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, Math.min(max, 500));
            long deadline = System.nanoTime() + timeout.toNanos();
            try (var consumer = new KafkaConsumer<byte[], byte[]>(config)) {
                for (Slice slice : slices) {
                    readSlice(consumer, new TopicPartition(topic, slice.partition()), slice, max, deadline, letters);
                    if (letters.size() >= max) {
                        break;
                    }
                }
            }
            return letters;
        });
    }

    @Override
    public Mono<Void> republish(DeadLetter letter, String targetTopic) {
        var headers = new RecordHeaders();
        headers.add(DeadLetterHeaders.REPLAY_OF, DeadLetterHeaders.replayOf(letter.topic(), letter.partition(),
                letter.offset()).getBytes(StandardCharsets.UTF_8));
        var record = new ProducerRecord<>(targetTopic, null, null, letter.key(), letter.value(), headers);
        return Mono.defer(() -> Mono.fromFuture(template.send(record)))
                .timeout(timeout)
                .onErrorMap(error -> !(error instanceof DeadLettersUnavailableException),
                        error -> new DeadLettersUnavailableException("could not replay to " + targetTopic, error))
                .then();
    }

    private static void readSlice(KafkaConsumer<byte[], byte[]> consumer, TopicPartition partition, Slice slice,
                                  int max, long deadline, List<DeadLetter> letters) throws TimeoutException {
        consumer.assign(List.of(partition));
        consumer.seek(partition, slice.fromOffset());
        while (letters.size() < max && consumer.position(partition, left(deadline)) < slice.untilOffset()) {
            for (ConsumerRecord<byte[], byte[]> record : consumer.poll(POLL).records(partition)) {
                if (record.offset() >= slice.untilOffset() || letters.size() >= max) {
                    return;
                }
                letters.add(DeadLetterRecords.of(record));
            }
            left(deadline);
        }
    }

    private static Duration left(long deadline) throws TimeoutException {
        long nanos = deadline - System.nanoTime();
        if (nanos <= 0) {
            throw new TimeoutException("the broker did not deliver the records in time");
        }
        return Duration.ofNanos(nanos);
    }

    private List<DeadLetterTopic> describe(Collection<String> names) throws Exception {
        if (names.isEmpty()) {
            return List.of();
        }
        Map<String, TopicDescription> descriptions = await(admin.describeTopics(names).allTopicNames());
        List<TopicPartition> partitions = descriptions.values().stream()
                .flatMap(description -> description.partitions().stream()
                        .map(info -> new TopicPartition(description.name(), info.partition())))
                .toList();
        Map<TopicPartition, ListOffsetsResultInfo> starts = offsets(partitions, OffsetSpec.earliest());
        Map<TopicPartition, ListOffsetsResultInfo> ends = offsets(partitions, OffsetSpec.latest());
        Map<String, List<PartitionDepth>> byTopic = partitions.stream().collect(Collectors.groupingBy(
                TopicPartition::topic, Collectors.mapping(partition -> new PartitionDepth(partition.partition(),
                        starts.get(partition).offset(), ends.get(partition).offset()), Collectors.toList())));
        return names.stream().sorted().map(name -> new DeadLetterTopic(name, byTopic.getOrDefault(name, List.of())))
                .toList();
    }

    private Map<TopicPartition, ListOffsetsResultInfo> offsets(List<TopicPartition> partitions, OffsetSpec spec)
            throws Exception {
        return await(admin.listOffsets(partitions.stream()
                .collect(Collectors.toMap(Function.identity(), partition -> spec))).all());
    }

    private <T> T await(KafkaFuture<T> future) throws Exception {
        try {
            return future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
    }

    private <T> Mono<T> blocking(String what, Work<T> work) {
        return Mono.fromCallable(work::run)
                .subscribeOn(Schedulers.boundedElastic())
                .onErrorMap(error -> new DeadLettersUnavailableException("Kafka could not " + what + " in time",
                        error));
    }

    @Override
    public void destroy() {
        admin.close(Duration.ofSeconds(5));
        producers.destroy();
    }

    @FunctionalInterface
    private interface Work<T> {
        T run() throws Exception;
    }
}
