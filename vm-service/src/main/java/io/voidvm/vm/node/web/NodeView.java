package io.voidvm.vm.node.web;

import io.swagger.v3.oas.annotations.media.Schema;
import io.voidvm.contracts.node.NodeResources;
import io.voidvm.vm.node.app.NodeStatus;
import io.voidvm.vm.node.domain.Node;
import io.voidvm.vm.node.domain.NodeState;
import java.time.Instant;

/**
 * A node as the admin API shows it.
 *
 * @param schedulable       new VMs may be placed here: READY, not cordoned, with QEMU
 * @param cordoned          an admin asked for no new VMs here (a drain cordons too)
 * @param draining          an admin drained the node
 * @param capacity          the host as the agent reports it
 * @param allocatable       capacity minus what the agent keeps for the host
 * @param cpuOvercommit     the vCPU ratio in force here (the node's own or the default)
 * @param memoryOvercommit  the memory ratio in force here
 * @param overcommitDefault whether both ratios are the configured defaults (no per-node override)
 * @param offeredVCpus      allocatable vCPUs × ratio: what placement may hand out
 * @param offeredMemoryMb   allocatable memory × ratio
 * @param allocatedVCpus    vCPUs of the VMs placed here (stopped ones included)
 * @param allocatedMemoryMb memory of the VMs placed here
 * @param vmCount           VMs placed here
 * @param lastHeartbeatAt   when the agent sent its newest heartbeat
 * @param stateChangedAt    when the node became {@code state}
 */
@Schema(name = "Node")
record NodeView(
        String name,
        NodeState state,
        boolean schedulable,
        boolean cordoned,
        boolean draining,
        NodeResources capacity,
        NodeResources allocatable,
        double cpuOvercommit,
        double memoryOvercommit,
        boolean overcommitDefault,
        long offeredVCpus,
        long offeredMemoryMb,
        int allocatedVCpus,
        long allocatedMemoryMb,
        int vmCount,
        Instant lastHeartbeatAt,
        Instant stateChangedAt,
        String agentVersion,
        String qemuVersion,
        boolean kvmAvailable) {

    static NodeView of(NodeStatus status) {
        Node node = status.node();
        return new NodeView(node.name(), node.state(), node.schedulable(), node.cordoned(), node.draining(),
                node.capacity(), node.allocatable(), status.overcommit().vCpus(), status.overcommit().memory(),
                node.cpuOvercommit() == null && node.memoryOvercommit() == null,
                status.overcommit().vCpusOf(node.allocatable().vCpus()),
                status.overcommit().memoryMbOf(node.allocatable().memoryMb()),
                status.allocated().vCpus(), status.allocated().memoryMb(), status.allocated().vmCount(),
                node.lastHeartbeatAt(), node.stateChangedAt(), node.agentVersion(), node.qemuVersion(),
                node.kvmAvailable());
    }
}
