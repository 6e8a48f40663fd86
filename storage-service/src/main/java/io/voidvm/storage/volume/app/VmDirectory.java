package io.voidvm.storage.volume.app;

import io.voidvm.storage.volume.domain.VmFacts;
import java.util.UUID;
import reactor.core.publisher.Mono;

/** vm-service, asked as the current caller: a VM the caller cannot see is empty. */
public interface VmDirectory {

    Mono<VmFacts> find(UUID vmId);
}
