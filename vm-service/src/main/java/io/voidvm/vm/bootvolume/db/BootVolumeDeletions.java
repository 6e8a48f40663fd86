package io.voidvm.vm.bootvolume.db;

import io.voidvm.vm.bootvolume.domain.PendingDeletion;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The {@code boot_volume_deletions} table: boot volumes of VMs that are gone. Rows are written by
 * {@link io.voidvm.vm.lifecycle.db.VmRepository#delete} in the transaction that removes the VM.
 */
@Repository
public class BootVolumeDeletions {

    private final DatabaseClient db;

    BootVolumeDeletions(DatabaseClient db) {
        this.db = Objects.requireNonNull(db, "db");
    }

    /** The oldest pending deletions first. */
    public Flux<PendingDeletion> pending(int limit) {
        return db.sql("SELECT volume_id, vm_id, tenant_id, requested_at, attempts FROM boot_volume_deletions"
                        + " ORDER BY requested_at LIMIT :limit")
                .bind("limit", limit)
                .map(row -> new PendingDeletion(row.get("volume_id", UUID.class), row.get("vm_id", UUID.class),
                        row.get("tenant_id", String.class), row.get("requested_at", Instant.class),
                        row.get("attempts", Integer.class)))
                .all();
    }

    /** storage-service accepted the deletion (or no longer knows the volume). */
    public Mono<Void> done(UUID volumeId) {
        return db.sql("DELETE FROM boot_volume_deletions WHERE volume_id = :id").bind("id", volumeId).then();
    }

    public Mono<Void> failed(UUID volumeId, String error) {
        return db.sql("UPDATE boot_volume_deletions SET attempts = attempts + 1, last_error = :error"
                        + " WHERE volume_id = :id")
                .bind("id", volumeId).bind("error", error == null ? "" : error).then();
    }
}
