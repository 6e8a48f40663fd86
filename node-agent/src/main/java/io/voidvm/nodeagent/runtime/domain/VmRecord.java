package io.voidvm.nodeagent.runtime.domain;

import io.voidvm.contracts.vm.spec.DiskSource;
import io.voidvm.contracts.vm.spec.DiskSpec;
import io.voidvm.contracts.vm.spec.VmSpec;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * What the agent keeps about one VM across its own restarts ({@code spec.json}): the spec, the desired power
 * state and the generation that set it.
 *
 * @param tenantId   copied onto every event about the VM; may be null for VMs defined without one
 * @param generation vm-service's desired-state generation last applied; commands at or below it change nothing
 * @param halted     QEMU went away on its own and the restart policy said to leave it: the agent stops
 *                   converging towards a running VM until a power command (a higher generation) arrives
 */
public record VmRecord(UUID vmId, String tenantId, VmSpec spec, DesiredPower desired, long generation,
                       boolean halted) {

    public VmRecord {
        Objects.requireNonNull(vmId, "vmId");
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(desired, "desired");
        if (generation < 0) {
            throw new IllegalArgumentException("generation must not be negative, got " + generation);
        }
    }

    public VmRecord withDesired(DesiredPower power, long newGeneration) {
        return new VmRecord(vmId, tenantId, spec, power, newGeneration, false);
    }

    public VmRecord withSpec(VmSpec newSpec, long newGeneration) {
        // a redefine does not touch power; a VM revived from DELETED comes back stopped
        DesiredPower power = desired == DesiredPower.DELETED ? DesiredPower.STOPPED : desired;
        return new VmRecord(vmId, tenantId, newSpec, power, newGeneration, halted);
    }

    /** The same record with another disk list (a volume attached or detached); generation and power unchanged. */
    public VmRecord withDisks(List<DiskSpec> disks) {
        VmSpec changed = new VmSpec(spec.name(), spec.cpuCores(), spec.memoryMb(), disks, spec.nics(), spec.osType(),
                spec.restartPolicy());
        return new VmRecord(vmId, tenantId, changed, desired, generation, halted);
    }

    /**
     * vm-service's record for this VM, learned from a resync, in place of this one. Volumes hot-plugged here stay:
     * storage-service attaches them by command, and the spec vm-service renders does not name them.
     */
    public VmRecord adopting(VmRecord desired) {
        if (!vmId.equals(desired.vmId)) {
            throw new IllegalArgumentException("record of VM " + desired.vmId + " offered to VM " + vmId);
        }
        Set<String> named = desired.spec.disks().stream().map(DiskSpec::id).collect(Collectors.toSet());
        List<DiskSpec> hotPlugged = spec.disks().stream()
                .filter(disk -> disk.source() instanceof DiskSource.Volume && !named.contains(disk.id()))
                .toList();
        return hotPlugged.isEmpty() ? desired
                : desired.withDisks(Stream.concat(desired.spec.disks().stream(), hotPlugged.stream()).toList());
    }

    public VmRecord halt() {
        return new VmRecord(vmId, tenantId, spec, desired, generation, true);
    }

    /** Whether the agent should, on its own, bring the VM to its desired power state. */
    public boolean converges() {
        return !(halted && desired.wantsQemu());
    }
}
