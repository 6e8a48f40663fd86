package io.voidvm.servicekit.outbox;

import io.voidvm.contracts.codec.MessageCodec;
import io.voidvm.contracts.envelope.Envelopes;
import io.voidvm.contracts.envelope.MessageEnvelope;
import io.voidvm.contracts.vm.command.StartVm;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Appends numbered {@code StartVm} commands (generation = sequence number per VM) and reads them back from Kafka,
 * remembering for each VM the generations in the order the topic holds them.
 */
final class OutboxTestMessages {

    private static final MessageCodec CODEC = new MessageCodec();
    private final Envelopes envelopes = new Envelopes(Clock.systemUTC());
    private final List<UUID> vmIds = new ArrayList<>();
    private final String node;

    OutboxTestMessages(String node, int vms) {
        this.node = node;
        for (int i = 0; i < vms; i++) {
            vmIds.add(UUID.randomUUID());
        }
    }

    String topic() {
        return "voidvm.node." + node + ".commands";
    }

    /** Each VM's commands in sequence, one transaction each; different VMs concurrently. */
    Mono<Void> append(OutboxWriter writer, TransactionalOperator transactions, int perVm) {
        return Flux.fromIterable(vmIds)
                .flatMap(vmId -> Flux.range(1, perVm).concatMap(generation -> transactions.transactional(
                        writer.append(envelopes.of(new StartVm(generation)).vmId(vmId).tenantId("tenant-it")
                                .nodeName(node).build()))), vmIds.size())
                .then();
    }

    /** Everything on the topic so far, read from the beginning with a fresh group. */
    static final class Received {
        final Map<UUID, List<Long>> generationsByVm = new HashMap<>();
        final Set<UUID> messageIds = new HashSet<>();
        int records;
        int duplicates;

        void add(ConsumerRecord<String, byte[]> record) {
            MessageEnvelope<StartVm> envelope = CODEC.decode(record.value(), StartVm.class);
            records++;
            if (!messageIds.add(envelope.messageId())) {
                duplicates++;
                return;
            }
            if (!envelope.vmId().toString().equals(record.key())) {
                throw new AssertionError("record key " + record.key() + " is not the vmId " + envelope.vmId());
            }
            generationsByVm.computeIfAbsent(envelope.vmId(), id -> new ArrayList<>())
                    .add(envelope.payload().generation());
        }
    }

    static KafkaConsumer<String, byte[]> consumer(String bootstrapServers, String topic) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "outbox-it-" + UUID.randomUUID());
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        KafkaConsumer<String, byte[]> consumer =
                new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer());
        consumer.subscribe(List.of(topic));
        return consumer;
    }

    static void poll(KafkaConsumer<String, byte[]> consumer, Received received) {
        consumer.poll(Duration.ofMillis(200)).forEach(received::add);
    }
}
