package io.voidvm.contracts.node;

import io.voidvm.contracts.DnsLabel;
import io.voidvm.contracts.Payload;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * A node agent's periodic self-report. The topic is compacted by node name, so the latest heartbeat of
 * every node is always readable from the start of the topic.
 *
 * @param allocatable   capacity minus what the host keeps for itself; placement subtracts running VMs
 * @param qemuVersion   {@code null} when the agent found no usable QEMU binary
 * @param kvmAvailable  whether {@code /dev/kvm} is usable; without it VMs run under TCG (slow)
 * @param cordoned      kept for compatibility and always {@code false}: cordoning is an admin action stored by
 *                      vm-service ({@code POST /api/v1/nodes/{name}/cordon}, ADR 0012), which ignores this flag
 * @param runningVmIds  VMs whose QEMU process is alive here
 */
public record NodeHeartbeat(
        String nodeName,
        NodeResources capacity,
        NodeResources allocatable,
        boolean kvmAvailable,
        String qemuVersion,
        String agentVersion,
        boolean cordoned,
        List<UUID> runningVmIds,
        Map<String, String> labels,
        Instant sentAt) implements Payload {

    public NodeHeartbeat {
        DnsLabel.require(nodeName, "nodeName");
        Objects.requireNonNull(capacity, "capacity is required");
        Objects.requireNonNull(allocatable, "allocatable is required");
        Objects.requireNonNull(agentVersion, "agentVersion is required");
        runningVmIds = List.copyOf(Objects.requireNonNull(runningVmIds, "runningVmIds is required"));
        labels = Map.copyOf(Objects.requireNonNull(labels, "labels is required"));
        Objects.requireNonNull(sentAt, "sentAt is required");
    }
}
