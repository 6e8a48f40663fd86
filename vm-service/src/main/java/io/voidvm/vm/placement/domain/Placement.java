package io.voidvm.vm.placement.domain;

import io.voidvm.contracts.node.NodeHeartbeat;
import io.voidvm.vm.placement.domain.PlacementDecision.Placed;
import io.voidvm.vm.placement.domain.PlacementDecision.Unplaceable;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Picks a node for a VM. A node qualifies when it was heard from within the TTL, is not cordoned, has QEMU,
 * has KVM if the VM requires it, and has the vCPUs and memory free after what is already placed on it.
 * Among those, VMs spread: the node left least loaded wins (load = the larger of its vCPU and memory
 * shares in use), then the one with fewer VMs, then the first by name, so the choice is deterministic.
 * When nothing qualifies, the reason says which condition failed, for the VM's {@code statusReason}. A VM
 * with a {@linkplain VmRequirements#requiredNode required node} (its boot volume lives there) is placed there
 * or nowhere.
 */
public final class Placement {

    private Placement() {
    }

    public static PlacementDecision choose(VmRequirements vm, NodeInventory inventory, Allocations allocations) {
        if (inventory.all().isEmpty()) {
            return new Unplaceable("no node has reported a heartbeat yet");
        }
        List<NodeHeartbeat> fresh = inventory.fresh();
        if (fresh.isEmpty()) {
            return new Unplaceable("no node reported a heartbeat in " + format(inventory.ttl()));
        }
        if (vm.requiredNode() != null) {
            fresh = fresh.stream().filter(node -> node.nodeName().equals(vm.requiredNode())).toList();
            if (fresh.isEmpty()) {
                return new Unplaceable("node " + vm.requiredNode() + ", which holds the VM's boot volume, did not"
                        + " report a heartbeat in " + format(inventory.ttl()));
            }
        }
        int cordoned = 0;
        int withoutQemu = 0;
        int withoutKvm = 0;
        List<Candidate> candidates = new ArrayList<>();
        for (NodeHeartbeat node : fresh) {
            if (node.cordoned()) {
                cordoned++;
            } else if (node.qemuVersion() == null) {
                withoutQemu++;
            } else if (vm.requiresKvm() && !node.kvmAvailable()) {
                withoutKvm++;
            } else {
                candidates.add(new Candidate(node, allocations.on(node.nodeName())));
            }
        }
        if (candidates.isEmpty()) {
            return new Unplaceable(noSchedulableNode(fresh.size(), cordoned, withoutQemu, withoutKvm));
        }
        return candidates.stream()
                .filter(c -> c.freeVCpus() >= vm.vCpus() && c.freeMemoryMb() >= vm.memoryMb())
                .min(Comparator.comparingDouble((Candidate c) -> c.loadWith(vm))
                        .thenComparingInt(c -> c.allocated().vmCount())
                        .thenComparing(c -> c.node().nodeName()))
                .<PlacementDecision>map(c -> new Placed(c.node().nodeName()))
                .orElseGet(() -> new Unplaceable(noRoom(vm, candidates)));
    }

    private record Candidate(NodeHeartbeat node, Allocations.Allocation allocated) {

        long freeVCpus() {
            return Math.max(0, node.allocatable().vCpus() - (long) allocated.vCpus());
        }

        long freeMemoryMb() {
            return Math.max(0, node.allocatable().memoryMb() - allocated.memoryMb());
        }

        /** Only called for nodes the VM fits on, so both allocatable amounts are positive. */
        double loadWith(VmRequirements vm) {
            double cpu = (double) (allocated.vCpus() + vm.vCpus()) / node.allocatable().vCpus();
            double memory = (double) (allocated.memoryMb() + vm.memoryMb()) / node.allocatable().memoryMb();
            return Math.max(cpu, memory);
        }
    }

    private static String noSchedulableNode(int total, int cordoned, int withoutQemu, int withoutKvm) {
        String prefix = "no schedulable node: ";
        if (cordoned == total) {
            return prefix + "all cordoned";
        }
        if (withoutQemu == total) {
            return prefix + "none has a usable QEMU";
        }
        if (withoutKvm == total) {
            return prefix + "none has KVM, which this VM requires";
        }
        List<String> parts = new ArrayList<>();
        if (cordoned > 0) {
            parts.add(cordoned + " cordoned");
        }
        if (withoutQemu > 0) {
            parts.add(withoutQemu + " without QEMU");
        }
        if (withoutKvm > 0) {
            parts.add(withoutKvm + " without KVM");
        }
        return prefix + String.join(", ", parts);
    }

    private static String noRoom(VmRequirements vm, List<Candidate> candidates) {
        long mostVCpus = candidates.stream().mapToLong(Candidate::freeVCpus).max().orElse(0);
        long mostMemory = candidates.stream().mapToLong(Candidate::freeMemoryMb).max().orElse(0);
        String vCpus = vm.vCpus() + " free vCPU" + (vm.vCpus() == 1 ? "" : "s");
        if (mostVCpus < vm.vCpus()) {
            return "no node with " + vCpus + " (largest free: " + mostVCpus + ")";
        }
        if (mostMemory < vm.memoryMb()) {
            return "no node with " + vm.memoryMb() + " MB free memory (largest free: " + mostMemory + " MB)";
        }
        long memoryWhereCpusFit = candidates.stream().filter(c -> c.freeVCpus() >= vm.vCpus())
                .mapToLong(Candidate::freeMemoryMb).max().orElse(0);
        return "no node with both " + vCpus + " and " + vm.memoryMb() + " MB free memory (nodes with enough"
                + " vCPUs have at most " + memoryWhereCpusFit + " MB free)";
    }

    private static String format(Duration duration) {
        return duration.toMillisPart() == 0 ? duration.toSeconds() + " s" : duration.toMillis() + " ms";
    }
}
