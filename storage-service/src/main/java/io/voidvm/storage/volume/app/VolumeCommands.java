package io.voidvm.storage.volume.app;

import io.voidvm.contracts.envelope.Envelopes;
import io.voidvm.contracts.vm.spec.DiskFormat;
import io.voidvm.contracts.volume.CreateVolume;
import io.voidvm.contracts.volume.DeleteVolume;
import io.voidvm.contracts.volume.ResizeVolume;
import io.voidvm.contracts.volume.VolumeCommand;
import io.voidvm.contracts.volume.VolumeLocation;
import io.voidvm.contracts.volume.VolumeOrigin;
import io.voidvm.servicekit.outbox.OutboxWriter;
import io.voidvm.storage.pool.domain.Pool;
import io.voidvm.storage.volume.domain.Volume;
import io.voidvm.storage.volume.domain.VolumeSizes;
import java.util.Objects;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Volume commands to the node of the volume's pool, appended to the outbox inside the caller's transaction. The
 * topic is the node's command topic and the key the volumeId (contracts' {@code Topics}).
 */
@Component
class VolumeCommands {

    private final Envelopes envelopes;
    private final OutboxWriter outbox;

    VolumeCommands(Envelopes envelopes, OutboxWriter outbox) {
        this.envelopes = Objects.requireNonNull(envelopes, "envelopes");
        this.outbox = Objects.requireNonNull(outbox, "outbox");
    }

    Mono<Void> create(Volume volume, Pool pool, VolumeOrigin origin) {
        return send(new CreateVolume(location(volume, pool), VolumeSizes.bytes(volume.sizeGb()), origin), volume,
                pool);
    }

    Mono<Void> resize(Volume volume, Pool pool) {
        boolean attached = volume.attachedVmId() != null;
        return send(new ResizeVolume(location(volume, pool), VolumeSizes.bytes(volume.sizeGb()),
                attached ? volume.attachedVmId() : null, attached ? volume.diskId() : null), volume, pool);
    }

    Mono<Void> delete(Volume volume, Pool pool) {
        return send(new DeleteVolume(location(volume, pool)), volume, pool);
    }

    private Mono<Void> send(VolumeCommand command, Volume volume, Pool pool) {
        return outbox.append(envelopes.of(command).tenantId(volume.tenantId()).nodeName(pool.nodeName())
                .build());
    }

    private static VolumeLocation location(Volume volume, Pool pool) {
        return new VolumeLocation(pool.agentPath(), volume.id(), DiskFormat.QCOW2);
    }
}
