package io.voidvm.contracts.node;

import io.voidvm.contracts.DnsLabel;
import io.voidvm.contracts.Payload;
import io.voidvm.contracts.vm.event.VmStatus;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * A node agent's full report after each reconcile pass (ADR 0011): every VM it has, each as it last reported
 * it, and the strays it sees. vm-service applies every entry like a single {@code VmStatusChanged}
 * (generation-checked, ordered by {@code observedAt}), so a status event that was lost is repaired by the next
 * report. A VM vm-service places on the node but the report does not list is no news: the report may predate
 * the VM's placement.
 *
 * @param vms                   every VM the agent has a spec for, plus a {@link VmStatus#DELETED} entry for each
 *                              VM the desired state lists as deleted and the node no longer has
 * @param strays                VMs on this node that the last successful desired-state fetch did not list
 * @param desiredStateFetchedAt when the desired state the agent last converged on was fetched (agent clock);
 *                              {@code null} when no fetch has succeeded since the agent started
 * @param reportedAt            when the report was built (agent clock)
 */
public record NodeObservedState(
        String nodeName,
        List<ObservedVm> vms,
        List<StrayVm> strays,
        Instant desiredStateFetchedAt,
        Instant reportedAt) implements Payload {

    public NodeObservedState {
        DnsLabel.require(nodeName, "nodeName");
        vms = List.copyOf(Objects.requireNonNull(vms, "vms is required"));
        strays = List.copyOf(Objects.requireNonNull(strays, "strays is required"));
        Objects.requireNonNull(reportedAt, "reportedAt is required");
    }

    /**
     * One VM as the agent last reported it: the same four facts as a {@code VmStatusChanged}.
     *
     * @param tenantId   {@code null} for a VM defined without one
     * @param reason     {@code null} for ordinary transitions
     * @param generation the desired-state generation the agent had applied when it observed {@code status}
     * @param observedAt when the agent observed {@code status}
     */
    public record ObservedVm(UUID vmId, String tenantId, VmStatus status, String reason, long generation,
                             Instant observedAt) {

        public ObservedVm {
            Objects.requireNonNull(vmId, "vmId is required");
            Objects.requireNonNull(status, "status is required");
            Objects.requireNonNull(observedAt, "observedAt is required");
            if (generation < 0) {
                throw new IllegalArgumentException("generation must not be negative, got " + generation);
            }
        }
    }

    /**
     * A VM this node has (a spec on disk, a QEMU process, or both) that vm-service's desired state for the node
     * does not list. The agent destroys it at {@code destroyAt} unless a later fetch lists it.
     *
     * @param qemuRunning whether a QEMU process of the VM runs
     * @param since       when a successful fetch first did not list it (agent clock)
     * @param destroyAt   {@code since} plus the agent's stray grace period
     */
    public record StrayVm(UUID vmId, boolean qemuRunning, Instant since, Instant destroyAt) {

        public StrayVm {
            Objects.requireNonNull(vmId, "vmId is required");
            Objects.requireNonNull(since, "since is required");
            Objects.requireNonNull(destroyAt, "destroyAt is required");
        }
    }
}
