package io.voidvm.vm.bootvolume.app;

import io.voidvm.vm.bootvolume.domain.BootVolumeRequest;
import io.voidvm.vm.lifecycle.domain.Vm;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * The boot-volume step of a VM create: a VM that names an image gets its volume from storage-service before
 * anything is stored; when storing then fails, the volume is deleted again (best effort: it is the new VM's and
 * nothing else uses it). A VM without an image passes straight through (it boots the node's test disk).
 */
@Component
public class BootVolumeProvisioning {

    private static final Logger log = LoggerFactory.getLogger(BootVolumeProvisioning.class);

    private final BootVolumes volumes;

    public BootVolumeProvisioning(BootVolumes volumes) {
        this.volumes = Objects.requireNonNull(volumes, "volumes");
    }

    /**
     * Runs {@code store} with the VM as it should be stored (with its boot volume when it names an image).
     * If the volume cannot be made, {@code store} never runs and the error is the volume's.
     */
    public <T> Mono<T> createWith(Vm vm, Function<Vm, Mono<T>> store) {
        if (vm.imageId() == null) {
            return Mono.defer(() -> store.apply(vm));
        }
        return Mono.defer(() -> volumes.create(BootVolumeRequest.of(vm))).map(vm::withBootVolume)
                .flatMap(withVolume -> Mono.defer(() -> store.apply(withVolume))
                        .onErrorResume(error -> undo(withVolume).then(Mono.error(error))));
    }

    private Mono<Void> undo(Vm vm) {
        UUID volume = vm.bootVolume().volumeId();
        return volumes.delete(volume)
                .doOnSuccess(done -> log.info("vm {} not stored: boot volume {} deleted again", vm.id(), volume))
                .onErrorResume(failure -> {
                    log.warn("vm {} not stored, and its boot volume {} could not be deleted: {}", vm.id(), volume,
                            failure.getMessage());
                    return Mono.empty();
                });
    }
}
