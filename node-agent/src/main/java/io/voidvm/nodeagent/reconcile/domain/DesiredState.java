package io.voidvm.nodeagent.reconcile.domain;

import io.voidvm.nodeagent.runtime.domain.VmRecord;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * vm-service's desired state for this node, as one successful fetch returned it: every VM placed on the node,
 * VMs being deleted included (with desired power DELETED).
 *
 * @param unsettled VMs whose row changed in vm-service so shortly before it answered that their command may still be
 *                  on its way: the resync leaves a newer generation of theirs to the command, for now
 * @param fetchedAt when the fetch started (agent clock)
 */
public record DesiredState(List<VmRecord> vms, Set<UUID> unsettled, Instant fetchedAt) {

    public DesiredState {
        vms = List.copyOf(vms);
        unsettled = Set.copyOf(unsettled);
        Objects.requireNonNull(fetchedAt, "fetchedAt");
    }

    /** Every VM settled: for sources that cannot tell. */
    public DesiredState(List<VmRecord> vms, Instant fetchedAt) {
        this(vms, Set.of(), fetchedAt);
    }

    /** Whether the resync may act on a newer generation of {@code vmId} now. */
    public boolean settled(UUID vmId) {
        return !unsettled.contains(vmId);
    }

    /** Every VM the desired state names, whatever it wants of it. */
    public Set<UUID> listed() {
        return vms.stream().map(VmRecord::vmId).collect(Collectors.toUnmodifiableSet());
    }
}
