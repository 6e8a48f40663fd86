package io.voidvm.storage.volume.app;

import io.voidvm.contracts.envelope.Envelopes;
import io.voidvm.contracts.vm.command.AttachVolume;
import io.voidvm.contracts.vm.command.DetachVolume;
import io.voidvm.contracts.vm.command.VmCommand;
import io.voidvm.contracts.vm.spec.DiskBus;
import io.voidvm.contracts.vm.spec.DiskFormat;
import io.voidvm.contracts.vm.spec.DiskSource;
import io.voidvm.contracts.vm.spec.DiskSpec;
import io.voidvm.servicekit.outbox.OutboxWriter;
import io.voidvm.storage.pool.domain.Pool;
import io.voidvm.storage.volume.domain.Volume;
import java.util.Objects;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** Sends AttachVolume / DetachVolume on the pool node's command topic, keyed by the VM (its commands stay in order). */
@Component
class OutboxVmDiskAttachments implements VmDiskAttachments {

    private final Envelopes envelopes;
    private final OutboxWriter outbox;

    OutboxVmDiskAttachments(Envelopes envelopes, OutboxWriter outbox) {
        this.envelopes = Objects.requireNonNull(envelopes, "envelopes");
        this.outbox = Objects.requireNonNull(outbox, "outbox");
    }

    @Override
    public Mono<Void> attach(Volume volume, Pool pool) {
        DiskSpec disk = new DiskSpec(volume.diskId(), new DiskSource.Volume(volume.id(), pool.agentPath()),
                DiskFormat.QCOW2, DiskBus.VIRTIO, null, false);
        return send(new AttachVolume(disk), volume, pool);
    }

    @Override
    public Mono<Void> detach(Volume volume, Pool pool) {
        return send(new DetachVolume(volume.diskId(), volume.id()), volume, pool);
    }

    private Mono<Void> send(VmCommand command, Volume volume, Pool pool) {
        return Mono.defer(() -> outbox.append(envelopes.of(command).tenantId(volume.tenantId())
                .vmId(volume.attachedVmId()).nodeName(pool.nodeName()).build()));
    }
}
