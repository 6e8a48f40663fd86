package io.voidvm.nodeagent.heartbeat;

import io.voidvm.contracts.codec.MessageCodec;
import io.voidvm.contracts.envelope.Envelopes;
import io.voidvm.contracts.envelope.MessageEnvelope;
import io.voidvm.contracts.node.NodeHeartbeat;
import io.voidvm.contracts.topic.Topics;
import io.voidvm.nodeagent.heartbeat.domain.HeartbeatFactory;
import io.voidvm.nodeagent.host.domain.HostProbe;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * Sends a heartbeat right after start-up and then every interval. A failed send is logged and not retried:
 * the next heartbeat carries newer facts anyway, and the producer already retries transient errors.
 */
public final class HeartbeatPublisher implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(HeartbeatPublisher.class);

    private final HostProbe host;
    private final HeartbeatFactory heartbeats;
    private final Envelopes envelopes;
    private final MessageCodec codec;
    private final KafkaTemplate<String, byte[]> kafka;
    private final Duration interval;
    private final Supplier<List<UUID>> runningVmIds;
    private ScheduledExecutorService scheduler;

    public HeartbeatPublisher(HostProbe host, HeartbeatFactory heartbeats, Envelopes envelopes, MessageCodec codec,
            KafkaTemplate<String, byte[]> kafka, Duration interval, Supplier<List<UUID>> runningVmIds) {
        this.host = host;
        this.heartbeats = heartbeats;
        this.envelopes = envelopes;
        this.codec = codec;
        this.kafka = kafka;
        this.interval = interval;
        this.runningVmIds = runningVmIds;
    }

    @Override
    public synchronized void start() {
        scheduler = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("heartbeat").daemon()
                .factory());
        scheduler.scheduleAtFixedRate(this::publishSafely, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void stop() {
        if (scheduler != null) {
            scheduler.shutdownNow();
            scheduler = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return scheduler != null;
    }

    /** Publishes one heartbeat now; the scheduled loop calls this too. */
    void publish() {
        NodeHeartbeat heartbeat = heartbeats.heartbeat(host.read(), runningVmIds.get());
        MessageEnvelope<NodeHeartbeat> envelope = envelopes.of(heartbeat).nodeName(heartbeat.nodeName()).build();
        kafka.send(Topics.topicFor(envelope), Topics.partitionKey(envelope), codec.encode(envelope))
                .whenComplete((result, failure) -> {
                    if (failure != null) {
                        log.warn("heartbeat of node {} not delivered: {}", heartbeat.nodeName(), failure.getMessage());
                    } else {
                        log.debug("heartbeat {} of node {} at offset {}", envelope.messageId(), heartbeat.nodeName(),
                                result.getRecordMetadata().offset());
                    }
                });
    }

    private void publishSafely() {
        try {
            publish();
        } catch (RuntimeException e) {
            // An exception would cancel the fixed-rate task for good; one bad reading must not silence the node.
            log.error("heartbeat failed", e);
        }
    }
}
