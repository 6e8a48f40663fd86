package io.voidvm.storage.volume.app;

import io.voidvm.storage.pool.domain.Pool;
import io.voidvm.storage.volume.domain.Volume;
import reactor.core.publisher.Mono;

/**
 * Who tells a VM to take or drop a volume. Today storage-service sends the VM command itself
 * ({@link OutboxVmDiskAttachments}); vm-service owns VM specs, so a later change can route this through it
 * without touching the volume rules. Runs inside the caller's transaction.
 */
public interface VmDiskAttachments {

    /** @param volume already ATTACHING, with its VM and disk id */
    Mono<Void> attach(Volume volume, Pool pool);

    /** @param volume already DETACHING, still naming its VM and disk id */
    Mono<Void> detach(Volume volume, Pool pool);
}
