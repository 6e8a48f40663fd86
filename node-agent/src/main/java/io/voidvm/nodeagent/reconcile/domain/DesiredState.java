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
 * @param fetchedAt when the fetch started (agent clock)
 */
public record DesiredState(List<VmRecord> vms, Instant fetchedAt) {

    public DesiredState {
        vms = List.copyOf(vms);
        Objects.requireNonNull(fetchedAt, "fetchedAt");
    }

    /** Every VM the desired state names, whatever it wants of it. */
    public Set<UUID> listed() {
        return vms.stream().map(VmRecord::vmId).collect(Collectors.toUnmodifiableSet());
    }
}
