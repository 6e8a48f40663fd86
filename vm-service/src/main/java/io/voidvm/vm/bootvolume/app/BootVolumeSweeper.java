package io.voidvm.vm.bootvolume.app;

import io.voidvm.vm.bootvolume.db.BootVolumeDeletions;
import io.voidvm.vm.bootvolume.domain.PendingDeletion;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Deletes the boot volumes of VMs that are gone. When vm-service drops a VM's row (the node reported it deleted,
 * or it never ran anywhere), the same transaction queues its boot volume; every {@code sweep-interval} (a
 * service-kit {@code PeriodicSweep}, {@link BootVolumeSweeps}) this asks storage-service to delete each queued
 * volume and forgets it once storage-service accepted (202) or does not know it (404). While storage-service is
 * down the row stays and the next sweep tries again, so a deletion is delayed, never lost. Only volumes recorded
 * as a VM's boot volume are ever deleted.
 */
@Component
public class BootVolumeSweeper {

    private static final Logger log = LoggerFactory.getLogger(BootVolumeSweeper.class);
    private static final int BATCH = 50;

    private final BootVolumeDeletions deletions;
    private final BootVolumes volumes;

    BootVolumeSweeper(BootVolumeDeletions deletions, BootVolumes volumes) {
        this.deletions = Objects.requireNonNull(deletions, "deletions");
        this.volumes = Objects.requireNonNull(volumes, "volumes");
    }

    /** One pass; completes with how many volumes storage-service accepted to delete. */
    public Mono<Long> sweep() {
        return deletions.pending(BATCH).concatMap(this::delete).filter(Boolean::booleanValue).count();
    }

    private Flux<Boolean> delete(PendingDeletion pending) {
        return volumes.delete(pending.volumeId())
                .then(deletions.done(pending.volumeId()))
                .doOnSuccess(done -> log.info("vm {}: boot volume {} handed to storage-service for deletion",
                        pending.vmId(), pending.volumeId()))
                .thenReturn(true)
                .onErrorResume(error -> {
                    log.warn("vm {}: boot volume {} not deleted yet (attempt {}): {}", pending.vmId(),
                            pending.volumeId(), pending.attempts() + 1, error.getMessage());
                    return deletions.failed(pending.volumeId(), error.getMessage()).thenReturn(false);
                })
                .flux();
    }
}
