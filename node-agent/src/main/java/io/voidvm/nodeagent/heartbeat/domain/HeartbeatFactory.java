package io.voidvm.nodeagent.heartbeat.domain;

import io.voidvm.contracts.node.NodeHeartbeat;
import io.voidvm.contracts.node.NodeResources;
import io.voidvm.nodeagent.host.domain.Accelerator;
import io.voidvm.nodeagent.host.domain.HostFacts;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/** Turns a reading of the host into this node's heartbeat. */
public final class HeartbeatFactory {

    private final String nodeName;
    private final String agentVersion;
    private final Accelerator accelerator;
    private final int reservedCpus;
    private final long reservedMemoryMb;
    private final Map<String, String> labels;
    private final Clock clock;

    public HeartbeatFactory(String nodeName, String agentVersion, Accelerator accelerator, int reservedCpus,
            long reservedMemoryMb, Map<String, String> labels, Clock clock) {
        this.nodeName = Objects.requireNonNull(nodeName, "nodeName");
        this.agentVersion = Objects.requireNonNull(agentVersion, "agentVersion");
        this.accelerator = Objects.requireNonNull(accelerator, "accelerator");
        this.reservedCpus = reservedCpus;
        this.reservedMemoryMb = reservedMemoryMb;
        this.labels = Map.copyOf(labels);
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * The heartbeat for one host reading: the host as it is, and as allocatable what is left after the
     * reservations. No overcommit here: vm-service multiplies allocatable by its ratios (ADR 0012). "KVM
     * available" means VMs here will actually get KVM, so a node configured for TCG reports {@code false} even on
     * a KVM-capable host.
     */
    public NodeHeartbeat heartbeat(HostFacts host, List<UUID> runningVmIds) {
        NodeResources capacity = new NodeResources(host.cpus(), host.memoryMb(), host.diskGb());
        // Reservations larger than the host leave nothing for VMs rather than a negative (invalid) amount.
        NodeResources allocatable = new NodeResources(
                Math.max(0, host.cpus() - reservedCpus),
                Math.max(0, host.memoryMb() - reservedMemoryMb),
                host.diskGb());
        return new NodeHeartbeat(nodeName, capacity, allocatable, accelerator.usesKvm(host.kvmUsable()),
                host.qemuVersion().orElse(null), agentVersion, false, runningVmIds, labels, clock.instant());
    }
}
