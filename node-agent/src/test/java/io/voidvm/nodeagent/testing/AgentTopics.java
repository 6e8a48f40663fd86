package io.voidvm.nodeagent.testing;

import io.voidvm.contracts.codec.MessageCodec;
import io.voidvm.contracts.envelope.Envelopes;
import io.voidvm.contracts.envelope.MessageEnvelope;
import io.voidvm.contracts.node.NodeObservedState;
import io.voidvm.contracts.topic.Topics;
import io.voidvm.contracts.vm.command.VmCommand;
import io.voidvm.contracts.vm.event.CommandResult;
import io.voidvm.contracts.vm.event.VmEvent;
import io.voidvm.contracts.vm.event.VmStatusChanged;
import io.voidvm.contracts.volume.VolumeCommand;
import io.voidvm.contracts.volume.VolumeEvent;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * vm-service's side of a node's topics, for tests: publishes command envelopes on the node's command topic
 * and collects every VM and volume event ({@code voidvm.vm.events}, {@code voidvm.volume.events}) and the
 * nodes' full reports ({@code voidvm.node.observed-state}) on a background thread.
 */
public final class AgentTopics implements AutoCloseable {

    private final String nodeName;
    private final MessageCodec codec = new MessageCodec();
    private final Envelopes envelopes = new Envelopes(Clock.systemUTC());
    private final KafkaProducer<String, byte[]> producer;
    private final KafkaConsumer<String, byte[]> consumer;
    private final List<MessageEnvelope<VmEvent>> events = new CopyOnWriteArrayList<>();
    private final List<MessageEnvelope<VolumeEvent>> volumeEvents = new CopyOnWriteArrayList<>();
    private final List<NodeObservedState> reports = new CopyOnWriteArrayList<>();
    private final Thread poller;
    private volatile boolean closed;

    public AgentTopics(String bootstrapServers, String nodeName) {
        this.nodeName = nodeName;
        this.producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.LINGER_MS_CONFIG, 0), new StringSerializer(), new ByteArraySerializer());
        this.consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                // a topic the agent creates after this subscribes is found within half a second
                ConsumerConfig.METADATA_MAX_AGE_CONFIG, 500),
                new StringDeserializer(), new ByteArrayDeserializer());
        consumer.subscribe(List.of(Topics.VM_EVENTS, Topics.VOLUME_EVENTS, Topics.NODE_OBSERVED_STATE));
        this.poller = Thread.ofPlatform().daemon().name("vm-events-" + nodeName).start(this::poll);
    }

    public MessageEnvelope<VmCommand> envelope(UUID vmId, VmCommand command) {
        return envelopes.<VmCommand>of(command).vmId(vmId).tenantId("tenant-it").nodeName(nodeName)
                .correlationId(UUID.randomUUID()).build();
    }

    /** Publishes a new command and returns its envelope. */
    public MessageEnvelope<VmCommand> send(UUID vmId, VmCommand command) {
        MessageEnvelope<VmCommand> envelope = envelope(vmId, command);
        send(envelope);
        return envelope;
    }

    /** Publishes {@code envelope} (again, if it was sent before: a redelivery). */
    public void send(MessageEnvelope<VmCommand> envelope) {
        sendRaw(envelope.vmId().toString(), codec.encode(envelope));
    }

    public void sendRaw(String key, byte[] value) {
        try {
            producer.send(new ProducerRecord<>(Topics.nodeCommands(nodeName), key, value)).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("cannot publish to " + Topics.nodeCommands(nodeName), e);
        }
    }

    /** Publishes a volume command (keyed by volumeId, as storage-service does) and returns its envelope. */
    public MessageEnvelope<VolumeCommand> sendVolume(VolumeCommand command) {
        MessageEnvelope<VolumeCommand> envelope = envelopes.<VolumeCommand>of(command).tenantId("tenant-it")
                .nodeName(nodeName).correlationId(UUID.randomUUID()).build();
        sendVolume(envelope);
        return envelope;
    }

    public void sendVolume(MessageEnvelope<VolumeCommand> envelope) {
        sendRaw(envelope.payload().volumeId().toString(), codec.encode(envelope));
    }

    /** Volume events answering the command (or VM command) with this correlation id. */
    public List<VolumeEvent> volumeEvents(UUID correlationId) {
        return volumeEvents.stream().filter(event -> correlationId.equals(event.correlationId()))
                .map(MessageEnvelope::payload).toList();
    }

    public List<MessageEnvelope<VolumeEvent>> volumeEnvelopes(UUID correlationId) {
        return volumeEvents.stream().filter(event -> correlationId.equals(event.correlationId())).toList();
    }

    public List<VmStatusChanged> statuses(UUID vmId) {
        return events.stream()
                .filter(event -> vmId.equals(event.vmId()) && event.payload() instanceof VmStatusChanged)
                .map(event -> (VmStatusChanged) event.payload())
                .toList();
    }

    public List<MessageEnvelope<VmEvent>> events(UUID vmId) {
        return events.stream().filter(event -> vmId.equals(event.vmId())).toList();
    }

    /** This node's full observed-state reports so far, oldest first. */
    public List<NodeObservedState> reports() {
        return reports.stream().filter(report -> nodeName.equals(report.nodeName())).toList();
    }

    public List<CommandResult> results(UUID commandMessageId) {
        return events.stream()
                .filter(event -> event.payload() instanceof CommandResult result
                        && result.commandMessageId().equals(commandMessageId))
                .map(event -> (CommandResult) event.payload())
                .toList();
    }

    private void poll() {
        while (!closed) {
            try {
                consumer.poll(Duration.ofMillis(100)).forEach(record -> {
                    if (Topics.VOLUME_EVENTS.equals(record.topic())) {
                        volumeEvents.add(codec.decode(record.value(), VolumeEvent.class));
                    } else if (Topics.NODE_OBSERVED_STATE.equals(record.topic())) {
                        reports.add(codec.decode(record.value(), NodeObservedState.class).payload());
                    } else {
                        events.add(codec.decode(record.value(), VmEvent.class));
                    }
                });
            } catch (RuntimeException e) {
                if (!closed) {
                    throw e;
                }
            }
        }
    }

    @Override
    public void close() {
        closed = true;
        consumer.wakeup();
        try {
            poller.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        consumer.close(Duration.ofSeconds(2));
        producer.close(Duration.ofSeconds(2));
    }
}
