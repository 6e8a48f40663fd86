package io.voidvm.vm.node.domain;

import io.voidvm.contracts.DnsLabel;
import io.voidvm.contracts.node.NodeHeartbeat;
import io.voidvm.contracts.node.NodeResources;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A node as vm-service keeps it (the {@code nodes} table): what its latest heartbeat said, whether it is READY,
 * and what an admin set. Immutable; every change returns a new node. Heartbeats are ordered by their
 * {@code sentAt}, so a replayed older one changes nothing; the grace period is vm-service's
 * {@code voidvm.vm.node-lost-after}.
 *
 * @param lastHeartbeatAt  {@code sentAt} of the newest heartbeat (the agent's clock: hosts are expected to
 *                         keep time with NTP)
 * @param qemuVersion      {@code null} when the agent found no usable QEMU
 * @param cordoned         an admin asked for no new VMs here
 * @param draining         an admin drained the node: cordoned, and its VMs may have been asked to stop
 * @param cpuOvercommit    per-node vCPU ratio; {@code null} for the configured default
 * @param memoryOvercommit per-node memory ratio; {@code null} for the configured default
 * @param version          optimistic-lock token as loaded; the store compares and raises it
 */
public record Node(
        String name,
        NodeState state,
        Instant stateChangedAt,
        Instant lastHeartbeatAt,
        NodeResources capacity,
        NodeResources allocatable,
        boolean kvmAvailable,
        String qemuVersion,
        String agentVersion,
        boolean cordoned,
        boolean draining,
        Double cpuOvercommit,
        Double memoryOvercommit,
        long version) {

    /** What a heartbeat did to the node. */
    public enum Heard {
        /** Not newer than the last one (a replay, or reordered): nothing changed. */
        OLDER,
        /** Newer: the facts and the time are the heartbeat's. */
        NEWER,
        /** Newer, and the node was NOT_READY: it is READY again. */
        BACK
    }

    /** A heartbeat taken: the node afterwards and what changed. */
    public record Heartbeat(Node node, Heard heard) {
    }

    public Node {
        DnsLabel.require(name, "name");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(stateChangedAt, "stateChangedAt");
        Objects.requireNonNull(lastHeartbeatAt, "lastHeartbeatAt");
        Objects.requireNonNull(capacity, "capacity");
        Objects.requireNonNull(allocatable, "allocatable");
        Objects.requireNonNull(agentVersion, "agentVersion");
        if (draining && !cordoned) {
            throw new IllegalArgumentException("a draining node is cordoned");
        }
        if (cpuOvercommit != null) {
            Overcommit.requireRatio("vCpu", cpuOvercommit, Overcommit.MAX_VCPUS);
        }
        if (memoryOvercommit != null) {
            Overcommit.requireRatio("memory", memoryOvercommit, Overcommit.MAX_MEMORY);
        }
    }

    /** The node as first heard of: READY when the heartbeat is within the grace period, NOT_READY otherwise. */
    public static Node firstHeard(NodeHeartbeat heartbeat, Instant now, Duration grace) {
        NodeState state = isRecent(heartbeat.sentAt(), now, grace) ? NodeState.READY : NodeState.NOT_READY;
        return new Node(heartbeat.nodeName(), state, now, heartbeat.sentAt(), heartbeat.capacity(),
                heartbeat.allocatable(), heartbeat.kvmAvailable(), heartbeat.qemuVersion(), heartbeat.agentVersion(),
                false, false, null, null, 0);
    }

    /**
     * Takes a heartbeat of this node. A newer one replaces the facts; if the node was NOT_READY and the
     * heartbeat is within the grace period, the node is READY again. The heartbeat's {@code cordoned} flag is
     * not read: cordoning is an admin's decision stored here.
     */
    public Heartbeat heard(NodeHeartbeat heartbeat, Instant now, Duration grace) {
        if (!heartbeat.nodeName().equals(name)) {
            throw new IllegalArgumentException("a heartbeat of " + heartbeat.nodeName() + " is not one of " + name);
        }
        if (!heartbeat.sentAt().isAfter(lastHeartbeatAt)) {
            return new Heartbeat(this, Heard.OLDER);
        }
        boolean back = state == NodeState.NOT_READY && isRecent(heartbeat.sentAt(), now, grace);
        Node after = new Node(name, back ? NodeState.READY : state, back ? now : stateChangedAt,
                heartbeat.sentAt(), heartbeat.capacity(), heartbeat.allocatable(), heartbeat.kvmAvailable(),
                heartbeat.qemuVersion(), heartbeat.agentVersion(), cordoned, draining, cpuOvercommit,
                memoryOvercommit, version);
        return new Heartbeat(after, back ? Heard.BACK : Heard.NEWER);
    }

    /** A READY node whose newest heartbeat is older than the grace period. */
    public boolean isLost(Instant now, Duration grace) {
        return state == NodeState.READY && !isRecent(lastHeartbeatAt, now, grace);
    }

    /** The node as NOT_READY from {@code now}; the same node when it already is. */
    public Node lost(Instant now) {
        return state == NodeState.NOT_READY ? this : withState(NodeState.NOT_READY, now);
    }

    /** Why the VMs of a lost node show UNKNOWN: "node a has not sent a heartbeat for 45 s". */
    public String lostReason(Instant now) {
        long seconds = Math.max(0, Duration.between(lastHeartbeatAt, now).toSeconds());
        return "node " + name + " has not sent a heartbeat for " + seconds + " s";
    }

    /** The reason UNKNOWN VMs of a node that came back show until the node reports them. */
    public String backReason() {
        return "node " + name + " is ready again; waiting for its report on this VM";
    }

    /** Placement may put new VMs here: READY, not cordoned (nor draining), with QEMU. */
    public boolean schedulable() {
        return state == NodeState.READY && !cordoned && qemuVersion != null;
    }

    /** This node's ratios: its own where set, otherwise the defaults. */
    public Overcommit overcommit(Overcommit defaults) {
        return new Overcommit(cpuOvercommit == null ? defaults.vCpus() : cpuOvercommit,
                memoryOvercommit == null ? defaults.memory() : memoryOvercommit);
    }

    public Node cordon() {
        return withAdmin(true, draining, cpuOvercommit, memoryOvercommit);
    }

    /** Ends a cordon and a drain. */
    public Node uncordon() {
        return withAdmin(false, false, cpuOvercommit, memoryOvercommit);
    }

    public Node drain() {
        return withAdmin(true, true, cpuOvercommit, memoryOvercommit);
    }

    /** @param cpu null for the configured default; the same for {@code memory} */
    public Node withOvercommit(Double cpu, Double memory) {
        return withAdmin(cordoned, draining, cpu, memory);
    }

    private static boolean isRecent(Instant heartbeat, Instant now, Duration grace) {
        return !heartbeat.isBefore(now.minus(grace));
    }

    private Node withState(NodeState newState, Instant now) {
        return new Node(name, newState, now, lastHeartbeatAt, capacity, allocatable, kvmAvailable, qemuVersion,
                agentVersion, cordoned, draining, cpuOvercommit, memoryOvercommit, version);
    }

    private Node withAdmin(boolean newCordoned, boolean newDraining, Double cpu, Double memory) {
        return new Node(name, state, stateChangedAt, lastHeartbeatAt, capacity, allocatable, kvmAvailable,
                qemuVersion, agentVersion, newCordoned, newDraining, cpu, memory, version);
    }
}
