package io.voidvm.vm.vmlog.domain;

import io.voidvm.contracts.vm.event.VmStatus;
import io.voidvm.vm.lifecycle.domain.Vm;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * One event in a VM's life, as its log shows it.
 *
 * @param at     when it happened (a node's observation time for what a node reported)
 * @param status the VM's status right after the event
 * @param reason for humans; never secrets or host paths beyond what the status reason already shows
 * @param source who saw or decided it: {@code node:<name>} or {@link #PLATFORM}
 */
public record VmLogEntry(UUID id, String tenantId, UUID vmId, Instant at, VmLogKind kind, VmStatus status,
                         String reason, String source) {

    /** The source of entries vm-service decides itself (timeouts, a lost node, a forced delete). */
    public static final String PLATFORM = "platform";

    public VmLogEntry {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(vmId, "vmId");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(source, "source");
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("a VM log entry needs a reason");
        }
    }

    /** The source naming node {@code nodeName}. */
    public static String node(String nodeName) {
        return "node:" + Objects.requireNonNull(nodeName, "nodeName");
    }

    /**
     * The entry a change from {@code before} to {@code after} deserves: one when the status or its reason changed
     * and the VM now has a reason to show; none for a change that explains nothing (e.g. STARTING to RUNNING).
     */
    public static Optional<VmLogEntry> forChange(UUID id, Vm before, Vm after, VmLogKind kind, String source,
                                                 Instant at) {
        if (!before.id().equals(after.id())) {
            throw new IllegalArgumentException("a change of one VM, not " + before.id() + " to " + after.id());
        }
        boolean changed = before.status() != after.status()
                || !Objects.equals(before.statusReason(), after.statusReason());
        if (!changed || after.statusReason() == null || after.statusReason().isBlank()) {
            return Optional.empty();
        }
        return Optional.of(new VmLogEntry(id, after.tenantId(), after.id(), at, kind, after.status(),
                after.statusReason(), source));
    }
}
