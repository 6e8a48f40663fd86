package io.voidvm.nodeagent.volume;

import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

/** What volume work needs to know of this node's VMs; the VM runtime implements it. */
public interface HostedVms {

    /** VMs of this node whose QEMU runs with volume {@code volumeId} in their spec. */
    List<UUID> runningVmsUsing(UUID volumeId);

    /**
     * Grows volume file {@code file} to {@code newSizeBytes} through the QMP of VM {@code vmId} ({@code
     * block_resize}). Returns false when that VM has no QEMU running on this node (the caller then resizes the
     * file offline).
     */
    boolean resizeOnline(UUID vmId, Path file, long newSizeBytes);
}
