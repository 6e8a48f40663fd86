package io.voidvm.vm.placement.domain;

import io.voidvm.contracts.node.NodeHeartbeat;
import io.voidvm.contracts.node.NodeResources;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Heartbeats for placement tests; a builder-ish record so each test states only what matters to it. */
record Heartbeats(String name, int vCpus, long memoryMb, boolean kvm, String qemu, boolean cordoned, Instant sentAt) {

    static final Instant T0 = Instant.parse("2025-01-01T00:00:00Z");

    static Heartbeats node(String name, int vCpus, long memoryMb) {
        return new Heartbeats(name, vCpus, memoryMb, true, "7.2.0", false, T0);
    }

    Heartbeats withoutKvm() {
        return new Heartbeats(name, vCpus, memoryMb, false, qemu, cordoned, sentAt);
    }

    Heartbeats withoutQemu() {
        return new Heartbeats(name, vCpus, memoryMb, kvm, null, cordoned, sentAt);
    }

    Heartbeats cordon() {
        return new Heartbeats(name, vCpus, memoryMb, kvm, qemu, true, sentAt);
    }

    Heartbeats sentAt(Instant at) {
        return new Heartbeats(name, vCpus, memoryMb, kvm, qemu, cordoned, at);
    }

    NodeHeartbeat build() {
        var capacity = new NodeResources(vCpus + 2, memoryMb + 1024, 500);
        var allocatable = new NodeResources(vCpus, memoryMb, 400);
        return new NodeHeartbeat(name, capacity, allocatable, kvm, qemu, "0.1.0", cordoned, List.of(), Map.of(),
                sentAt);
    }
}
