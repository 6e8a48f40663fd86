package io.voidvm.systemtests.harness;

import io.voidvm.contracts.codec.ContractException;
import io.voidvm.contracts.codec.MessageCodec;
import io.voidvm.contracts.envelope.MessageEnvelope;
import io.voidvm.contracts.topic.Topics;
import io.voidvm.contracts.vm.event.CommandResult;
import io.voidvm.contracts.vm.event.VmStatusChanged;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.RemoveMembersFromConsumerGroupOptions;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Reads a topic as it stands (every partition from the start to its current end) and writes raw records: what
 * a test needs to see the commands vm-service sent and the events the agent answered with, and to deliver a
 * command a second time exactly as it was. Decoding uses the contracts' own codec.
 */
public final class TopicTap {

    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    private final String bootstrapServers;
    private final MessageCodec codec = new MessageCodec();

    public TopicTap(String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
    }

    /** Every record now in {@code topic}, partition by partition; keys as strings, values as bytes. */
    public List<ConsumerRecord<String, byte[]>> readAll(String topic) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config)) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, TIMEOUT).stream()
                    .map(info -> new TopicPartition(topic, info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, TIMEOUT);
            List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
            long deadline = System.nanoTime() + TIMEOUT.toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p, TIMEOUT) < end.get(p))) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("could not read " + topic + " to its end within " + TIMEOUT);
                }
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
            return records;
        }
    }

    /**
     * The decoded envelopes of {@code topic}; records that are not envelopes are skipped: tombstones, and poison a
     * test put there on purpose (the platform's consumers dead-letter it, {@code PoisonMessageSystemIT}).
     */
    public List<MessageEnvelope<?>> envelopes(String topic) {
        List<MessageEnvelope<?>> envelopes = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> record : readAll(topic)) {
            decoded(record).ifPresent(envelopes::add);
        }
        return envelopes;
    }

    private Optional<MessageEnvelope<?>> decoded(ConsumerRecord<String, byte[]> record) {
        if (record.value() == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(codec.decode(record.value()));
        } catch (ContractException notAnEnvelope) {
            return Optional.empty();
        }
    }

    /** The raw record of the command with this correlation id (operation id) on a node's command topic. */
    public ConsumerRecord<String, byte[]> commandFor(String topic, UUID operationId) {
        List<ConsumerRecord<String, byte[]>> matches = readAll(topic).stream()
                .filter(record -> decoded(record)
                        .filter(envelope -> operationId.equals(envelope.correlationId())).isPresent())
                .toList();
        if (matches.size() != 1) {
            throw new AssertionError("expected one command for operation " + operationId + " on " + topic
                    + ", found " + matches.size());
        }
        return matches.getFirst();
    }

    public UUID messageId(ConsumerRecord<String, byte[]> record) {
        return codec.decode(record.value()).messageId();
    }

    /** The agent's results for the command {@code commandMessageId}, as published on {@code topic}. */
    public List<CommandResult> resultsFor(String topic, UUID commandMessageId) {
        return envelopes(topic).stream()
                .filter(envelope -> envelope.payload() instanceof CommandResult result
                        && result.commandMessageId().equals(commandMessageId))
                .map(envelope -> (CommandResult) envelope.payload())
                .toList();
    }

    /** Status reports about one VM, in the order they were published. */
    public List<VmStatusChanged> statusesOf(String topic, UUID vmId) {
        return envelopes(topic).stream()
                .filter(envelope -> vmId.equals(envelope.vmId()) && envelope.payload() instanceof VmStatusChanged)
                .map(envelope -> (VmStatusChanged) envelope.payload())
                .toList();
    }

    /**
     * Publishes {@code record}'s key and bytes again to its partition, unchanged: a redelivery, same message id
     * and all, ordered after everything already on that partition.
     */
    public void republish(ConsumerRecord<String, byte[]> record) {
        send(new ProducerRecord<>(record.topic(), record.partition(), record.key(), record.value()));
    }

    /** Publishes {@code value} under {@code key} on {@code topic} as it is: whatever a broken producer might send. */
    public void publishRaw(String topic, String key, byte[] value) {
        send(new ProducerRecord<>(topic, key, value));
    }

    /** Publishes {@code envelope} on its own topic and key, as a producer of the platform would (or a forger). */
    public void publish(MessageEnvelope<?> envelope) {
        send(new ProducerRecord<>(Topics.topicFor(envelope), Topics.partitionKey(envelope), codec.encode(envelope)));
    }

    /**
     * Loses every record of {@code topic} that consumer group {@code group} has not read yet: its committed offsets
     * are moved to the topic's current end, so its consumer, once back, never sees them. The group's consumer must
     * be down; its members are removed first, since a static member that died stays in the group until its session
     * times out.
     */
    public void skipUnread(String group, String topic) {
        Properties config = new Properties();
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        try (Admin admin = Admin.create(config)) {
            try {
                admin.removeMembersFromConsumerGroup(group, new RemoveMembersFromConsumerGroupOptions()).all()
                        .get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            } catch (ExecutionException e) {
                // no member left to remove
            }
            List<TopicPartition> partitions = admin.describeTopics(List.of(topic)).allTopicNames()
                    .get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS).get(topic).partitions().stream()
                    .map(info -> new TopicPartition(topic, info.partition())).toList();
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            partitions.forEach(partition -> latest.put(partition, OffsetSpec.latest()));
            Map<TopicPartition, OffsetAndMetadata> end = new HashMap<>();
            admin.listOffsets(latest).all().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
                    .forEach((partition, offset) -> end.put(partition, new OffsetAndMetadata(offset.offset())));
            admin.alterConsumerGroupOffsets(group, end).all().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while moving group " + group + " on " + topic, e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot move group " + group + " to the end of " + topic, e);
        }
    }

    private void send(ProducerRecord<String, byte[]> record) {
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(config)) {
            producer.send(record).get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while publishing to " + record.topic(), e);
        } catch (Exception e) {
            throw new IllegalStateException("cannot publish to " + record.topic(), e);
        }
    }
}
