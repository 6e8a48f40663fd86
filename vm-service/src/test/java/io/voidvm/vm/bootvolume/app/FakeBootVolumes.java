package io.voidvm.vm.bootvolume.app;

import io.voidvm.vm.bootvolume.domain.BootVolumeRequest;
import io.voidvm.vm.bootvolume.domain.BootVolumeUnavailableException;
import io.voidvm.vm.lifecycle.domain.BootVolume;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import reactor.core.publisher.Mono;

/**
 * An in-memory storage-service for tests: every volume lands on {@link #NODE} in pool {@code default}; the same
 * request twice answers the same volume (like storage-service); it can refuse or be down.
 */
public final class FakeBootVolumes implements BootVolumes {

    public static final String NODE = "node-1";

    private final Map<BootVolumeRequest, BootVolume> made = new ConcurrentHashMap<>();
    private final List<UUID> deleted = new CopyOnWriteArrayList<>();
    private volatile RuntimeException createFailure;
    private volatile boolean down;

    public void failCreatesWith(RuntimeException failure) {
        this.createFailure = failure;
    }

    public void down(boolean isDown) {
        this.down = isDown;
    }

    public Map<BootVolumeRequest, BootVolume> made() {
        return Map.copyOf(made);
    }

    public List<UUID> deleted() {
        return List.copyOf(deleted);
    }

    @Override
    public Mono<BootVolume> create(BootVolumeRequest request) {
        return Mono.defer(() -> {
            if (down) {
                return Mono.error(new BootVolumeUnavailableException("storage-service cannot be reached (fake)", null));
            }
            if (createFailure != null) {
                return Mono.error(createFailure);
            }
            return Mono.just(made.computeIfAbsent(request, r -> new BootVolume(UUID.randomUUID(), "default", NODE)));
        });
    }

    @Override
    public Mono<Void> delete(UUID volumeId) {
        return Mono.defer(() -> {
            if (down) {
                return Mono.error(new BootVolumeUnavailableException("storage-service cannot be reached (fake)", null));
            }
            deleted.add(volumeId);
            return Mono.empty();
        });
    }
}
