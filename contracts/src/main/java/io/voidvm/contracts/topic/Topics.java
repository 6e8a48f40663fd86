package io.voidvm.contracts.topic;

import io.voidvm.contracts.DnsLabel;
import io.voidvm.contracts.envelope.MessageEnvelope;
import io.voidvm.contracts.volume.VolumeScoped;
import java.time.Duration;

/**
 * Topic names and keys. VM traffic is keyed by {@code vmId} so all messages about one VM stay in order on
 * one partition; node traffic is keyed by {@code nodeName}, which also lets heartbeats be compacted; volume
 * traffic by {@code volumeId}.
 */
public final class Topics {

    /** Status changes, command results and snapshot events; key vmId. */
    public static final String VM_EVENTS = "voidvm.vm.events";
    /** Per-VM resource samples; key vmId. */
    public static final String VM_METRICS = "voidvm.vm.metrics";
    /** Node inventory and capacity; key nodeName; compacted. */
    public static final String NODE_HEARTBEATS = "voidvm.node.heartbeats";
    /** Outcomes of volume work on nodes; key volumeId. */
    public static final String VOLUME_EVENTS = "voidvm.volume.events";
    /** Host resource samples; key nodeName. */
    public static final String NODE_METRICS = "voidvm.node.metrics";
    /** A node's full observed state after every reconcile pass (ADR 0011); key nodeName. */
    public static final String NODE_OBSERVED_STATE = "voidvm.node.observed-state";
    /**
     * How long {@link #NODE_OBSERVED_STATE} keeps records ({@code retention.ms}): every report supersedes the ones
     * before it, so an hour covers a consumer's restart and keeps the topic small. Producer and consumer both
     * declare the topic with it.
     */
    public static final Duration NODE_OBSERVED_STATE_RETENTION = Duration.ofHours(1);

    private static final String DEAD_LETTER_SUFFIX = ".dlt";

    private Topics() {
    }

    /**
     * Commands for one node, key vmId. The node name must be a DNS label: it is spliced into a topic
     * name, and Kafka would otherwise accept names such as "a.b" that collide with other topics.
     */
    public static String nodeCommands(String nodeName) {
        return "voidvm.node." + DnsLabel.require(nodeName, "node name") + ".commands";
    }

    /** Where a consumer of {@code topic} parks records it can never process. */
    public static String deadLetter(String topic) {
        if (topic == null || topic.isBlank()) {
            throw new IllegalArgumentException("topic must not be blank");
        }
        if (topic.endsWith(DEAD_LETTER_SUFFIX)) {
            throw new IllegalArgumentException("'" + topic + "' is already a dead-letter topic");
        }
        return topic + DEAD_LETTER_SUFFIX;
    }

    /** The topic an envelope is published to. */
    public static String topicFor(MessageEnvelope<?> envelope) {
        return switch (envelope.messageType().category()) {
            case VM_COMMAND, VOLUME_COMMAND -> nodeCommands(envelope.nodeName());
            case VOLUME_EVENT -> VOLUME_EVENTS;
            case VM_EVENT -> VM_EVENTS;
            case VM_METRICS -> VM_METRICS;
            case NODE_HEARTBEAT -> NODE_HEARTBEATS;
            case NODE_METRICS -> NODE_METRICS;
            case NODE_OBSERVED_STATE -> NODE_OBSERVED_STATE;
        };
    }

    /** The record key: vmId for VM traffic, nodeName for node traffic, volumeId for volume traffic. */
    public static String partitionKey(MessageEnvelope<?> envelope) {
        return switch (envelope.messageType().category().key()) {
            case VM -> envelope.vmId().toString();
            case NODE -> envelope.nodeName();
            case VOLUME -> ((VolumeScoped) envelope.payload()).volumeId().toString();
        };
    }
}
