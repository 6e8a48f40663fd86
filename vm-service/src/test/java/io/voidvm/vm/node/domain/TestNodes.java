package io.voidvm.vm.node.domain;

import io.voidvm.contracts.node.NodeHeartbeat;
import io.voidvm.contracts.node.NodeResources;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Heartbeats and nodes for the domain tests; a builder-ish record so each test states only what matters to it. */
public record TestNodes(String name, int vCpus, long memoryMb, boolean kvm, String qemu, Instant sentAt) {

    public static final Instant T0 = Instant.parse("2025-01-01T00:00:00Z");

    /** A node with QEMU and KVM that beat at {@link #T0}. */
    public static TestNodes node(String name, int vCpus, long memoryMb) {
        return new TestNodes(name, vCpus, memoryMb, true, "7.2.0", T0);
    }

    public TestNodes withoutKvm() {
        return new TestNodes(name, vCpus, memoryMb, false, qemu, sentAt);
    }

    public TestNodes withoutQemu() {
        return new TestNodes(name, vCpus, memoryMb, kvm, null, sentAt);
    }

    public TestNodes sentAt(Instant at) {
        return new TestNodes(name, vCpus, memoryMb, kvm, qemu, at);
    }

    public NodeHeartbeat heartbeat() {
        var capacity = new NodeResources(vCpus + 2, memoryMb + 1024, 500);
        var allocatable = new NodeResources(vCpus, memoryMb, 400);
        return new NodeHeartbeat(name, capacity, allocatable, kvm, qemu, "0.1.0", false, List.of(), Map.of(), sentAt);
    }

    /** The node as stored after this heartbeat, READY. */
    public Node ready() {
        return Node.firstHeard(heartbeat(), sentAt, Duration.ofSeconds(30));
    }

    /** The node after it went silent: NOT_READY. */
    public Node notReady() {
        return ready().lost(sentAt.plusSeconds(31));
    }
}
