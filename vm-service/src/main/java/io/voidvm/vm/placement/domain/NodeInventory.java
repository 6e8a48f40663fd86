package io.voidvm.vm.placement.domain;

import io.voidvm.contracts.node.NodeHeartbeat;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The latest heartbeat of every node. A node whose latest heartbeat is older than the TTL is stale: it is
 * kept (it may come back) but placement does not use it. Safe to feed from a consumer thread while others
 * read it.
 */
public final class NodeInventory {

    private static final Comparator<NodeHeartbeat> BY_NAME = Comparator.comparing(NodeHeartbeat::nodeName);

    private final Clock clock;
    private final Duration ttl;
    private final ConcurrentMap<String, NodeHeartbeat> latest = new ConcurrentHashMap<>();

    public NodeInventory(Clock clock, Duration ttl) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.ttl = Objects.requireNonNull(ttl, "ttl");
        if (ttl.isNegative() || ttl.isZero()) {
            throw new IllegalArgumentException("ttl must be positive, got " + ttl);
        }
    }

    /**
     * Keeps the heartbeat if it is the node's newest by {@code sentAt}; a replayed older one (the topic is
     * read from the start) is ignored.
     *
     * @return whether it was kept
     */
    public boolean record(NodeHeartbeat heartbeat) {
        NodeHeartbeat kept = latest.merge(heartbeat.nodeName(), heartbeat,
                (current, offered) -> offered.sentAt().isBefore(current.sentAt()) ? current : offered);
        return kept == heartbeat;
    }

    /** Drops a node for good (it was removed from the cluster). */
    public boolean forget(String nodeName) {
        return latest.remove(nodeName) != null;
    }

    public Duration ttl() {
        return ttl;
    }

    /** Every known node, stale or not, by name. */
    public List<NodeHeartbeat> all() {
        return latest.values().stream().sorted(BY_NAME).toList();
    }

    /** The nodes heard from within the TTL, by name. */
    public List<NodeHeartbeat> fresh() {
        Instant oldestFresh = clock.instant().minus(ttl);
        return latest.values().stream().filter(hb -> !hb.sentAt().isBefore(oldestFresh)).sorted(BY_NAME).toList();
    }

    /**
     * The most allocatable memory of any fresh, uncordoned node with QEMU: the upper bound for one VM's
     * {@code memoryMb}. Empty when no node can take VMs.
     */
    public OptionalLong largestAllocatableMemoryMb() {
        return fresh().stream()
                .filter(hb -> !hb.cordoned() && hb.qemuVersion() != null)
                .mapToLong(hb -> hb.allocatable().memoryMb())
                .max();
    }
}
