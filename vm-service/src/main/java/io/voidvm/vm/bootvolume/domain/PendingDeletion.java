package io.voidvm.vm.bootvolume.domain;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** A boot volume whose VM is gone and which storage-service has not yet accepted to delete. */
public record PendingDeletion(UUID volumeId, UUID vmId, String tenantId, Instant requestedAt, int attempts) {

    public PendingDeletion {
        Objects.requireNonNull(volumeId, "volumeId");
        Objects.requireNonNull(vmId, "vmId");
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(requestedAt, "requestedAt");
    }
}
