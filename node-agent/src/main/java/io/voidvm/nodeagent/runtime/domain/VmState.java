package io.voidvm.nodeagent.runtime.domain;

import io.voidvm.contracts.vm.event.VmStatus;
import java.util.EnumSet;
import java.util.Set;

/**
 * What the agent observes about one VM. Only {@link #STARTING} and {@link #STOPPING} are transient: they hold
 * while the agent launches or shuts down QEMU, and every operation leaves the VM in one of the others.
 */
public enum VmState {
    /** A spec exists; QEMU has never run under this agent for it. */
    DEFINED,
    STARTING,
    RUNNING,
    /** QEMU runs with its vCPUs stopped (after {@code stop}, or launched paused and never continued). */
    PAUSED,
    STOPPING,
    /** No QEMU, and the last one ended cleanly (or never ran since the agent started). */
    STOPPED,
    /** No QEMU (or a panicked guest), and the last one ended badly. */
    CRASHED;

    /** Whether a QEMU process belongs to the VM in this state. */
    public boolean hasQemu() {
        return switch (this) {
            case STARTING, RUNNING, PAUSED, STOPPING -> true;
            case DEFINED, STOPPED, CRASHED -> false;
        };
    }

    /**
     * The transitions the runtime may make. QEMU can die in any state with a process, so every such state
     * may fall to STOPPED or CRASHED; a guest panic turns RUNNING into CRASHED while QEMU still lives.
     */
    public Set<VmState> successors() {
        return switch (this) {
            case DEFINED, STOPPED, CRASHED -> EnumSet.of(STARTING, RUNNING, PAUSED, STOPPING, STOPPED, CRASHED);
            case STARTING -> EnumSet.of(RUNNING, PAUSED, STOPPING, STOPPED, CRASHED);
            case RUNNING -> EnumSet.of(PAUSED, STOPPING, STOPPED, CRASHED);
            case PAUSED -> EnumSet.of(RUNNING, STOPPING, STOPPED, CRASHED);
            case STOPPING -> EnumSet.of(STOPPED, CRASHED);
        };
    }

    public boolean canBecome(VmState next) {
        return successors().contains(next);
    }

    /** The status vm-service and the API show for this state. */
    public VmStatus toStatus() {
        return switch (this) {
            case DEFINED, STOPPED -> VmStatus.STOPPED;
            case STARTING -> VmStatus.STARTING;
            case RUNNING -> VmStatus.RUNNING;
            case PAUSED -> VmStatus.PAUSED;
            case STOPPING -> VmStatus.STOPPING;
            case CRASHED -> VmStatus.ERROR;
        };
    }
}
