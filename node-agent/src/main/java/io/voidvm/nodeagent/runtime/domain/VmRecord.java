package io.voidvm.nodeagent.runtime.domain;

import io.voidvm.contracts.vm.spec.VmSpec;
import java.util.Objects;
import java.util.UUID;

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
    public VmRecord withDisks(java.util.List<io.voidvm.contracts.vm.spec.DiskSpec> disks) {
        VmSpec changed = new VmSpec(spec.name(), spec.cpuCores(), spec.memoryMb(), disks, spec.nics(), spec.osType(),
                spec.restartPolicy());
        return new VmRecord(vmId, tenantId, changed, desired, generation, halted);
    }

    public VmRecord halt() {
        return new VmRecord(vmId, tenantId, spec, desired, generation, true);
    }

    /** Whether the agent should, on its own, bring the VM to its desired power state. */
    public boolean converges() {
        return !(halted && desired.wantsQemu());
    }
}
