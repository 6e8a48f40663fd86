package io.voidvm.nodeagent.runtime;

import io.voidvm.contracts.vm.command.AttachVolume;
import io.voidvm.contracts.vm.command.DetachVolume;
import io.voidvm.contracts.vm.command.VmCommand;
import io.voidvm.contracts.vm.spec.DiskSource;
import io.voidvm.contracts.vm.spec.DiskSpec;
import io.voidvm.contracts.volume.VolumeOperation;
import io.voidvm.nodeagent.qmp.BlockDevice;
import io.voidvm.nodeagent.qmp.QmpException;
import io.voidvm.nodeagent.runtime.domain.VmRecord;
import io.voidvm.nodeagent.volume.VolumeEventSink;
import io.voidvm.nodeagent.volume.VolumeEvents;
import io.voidvm.nodeagent.volume.domain.VolumeFailure;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The volume side of one VM, run on the VM's serial executor. AttachVolume and DetachVolume: the disk goes into
 * (or out of) the stored spec, so a later start of the VM has it (or not), and in (or out of) the running QEMU
 * when there is one; each is answered with a VolumeEvent besides the command's CommandResult, and both are
 * idempotent. Online resize and {@code query-block} for the node's volume commands.
 */
final class VolumeAttachments {

    /**
     * What of its VM the attachments read and change; the VM runtime provides it.
     *
     * @param changeDisks stores the record with a change applied to its disks (atomically against other writers)
     * @param instance    the running QEMU, or null
     * @param cause       the command being run
     */
    record Vm(Supplier<VmRecord> record, Consumer<UnaryOperator<List<DiskSpec>>> changeDisks,
              Supplier<QemuInstance> instance, Supplier<EventContext> cause) {
    }

    private static final Logger log = LoggerFactory.getLogger(VolumeAttachments.class);

    private final UUID vmId;
    private final RuntimeContext context;
    private final VolumeHotplug hotplug;
    private final Vm vm;

    VolumeAttachments(UUID vmId, RuntimeContext context, Vm vm) {
        this.vmId = vmId;
        this.context = context;
        this.hotplug = new VolumeHotplug(context.unplugTimeout());
        this.vm = vm;
    }

    void attach(DiskSpec disk) {
        UUID volumeId = ((DiskSource.Volume) disk.source()).volumeId();
        answered(VolumeOperation.ATTACH, volumeId, () -> {
            Optional<DiskSpec> existing = disk(disk.id());
            if (existing.isPresent()) {
                if (!existing.get().source().equals(disk.source())) {
                    throw new VolumeFailure(VolumeFailure.DISK_ID_IN_USE, "disk " + disk.id() + " of VM " + vmId
                            + " is another volume");
                }
                return;
            }
            QemuInstance instance = vm.instance().get();
            if (instance != null) {
                hotplug.plug(instance, disk, context.disks().volume(disk, (DiskSource.Volume) disk.source()));
            }
            vm.changeDisks().accept(disks -> {
                List<DiskSpec> more = new ArrayList<>(disks);
                more.add(disk);
                return more;
            });
            log.info("VM {}: volume {} attached as disk {}{}", vmId, volumeId, disk.id(),
                    instance != null ? " (hot-plugged)" : "");
        });
    }

    void detach(String diskId, UUID volumeId) {
        answered(VolumeOperation.DETACH, volumeId, () -> {
            Optional<DiskSpec> existing = disk(diskId);
            if (existing.isEmpty()) {
                return;
            }
            if (!(existing.get().source() instanceof DiskSource.Volume volume) || !volume.volumeId().equals(volumeId)) {
                throw new VolumeFailure(VolumeFailure.DISK_ID_IN_USE, "disk " + diskId + " of VM " + vmId
                        + " is not volume " + volumeId);
            }
            QemuInstance instance = vm.instance().get();
            if (instance != null) {
                context.disks().volumeFile(existing.get()).ifPresent(file -> hotplug.unplug(instance, file));
            }
            vm.changeDisks().accept(disks -> disks.stream().filter(disk -> !disk.id().equals(diskId)).toList());
            log.info("VM {}: disk {} (volume {}) detached", vmId, diskId, volumeId);
        });
    }

    /** Answers the volume of an attach or detach that was refused before it ran ({@code failure} says why). */
    void refused(EventContext origin, VmCommand command, RuntimeFailure failure) {
        switch (command) {
            case AttachVolume attach when attach.disk().source() instanceof DiskSource.Volume volume ->
                    answerRefused(origin, volume.volumeId(), VolumeOperation.ATTACH, failure);
            case DetachVolume detach -> answerRefused(origin, detach.volumeId(), VolumeOperation.DETACH, failure);
            default -> {
            }
        }
    }

    private void answerRefused(EventContext origin, UUID volumeId, VolumeOperation operation, RuntimeFailure failure) {
        context.volumeEvents().publish(new VolumeEventSink.Origin(origin.tenantId(), vmId, origin.correlationId(),
                origin.traceparent()), VolumeEvents.failed(volumeId, operation, vmId, failure.code(),
                failure.getMessage(), context.clock().instant()));
    }

    /** Grows volume file {@code file} through the running QEMU; false when no QEMU runs. */
    boolean resizeOnline(Path file, long sizeBytes) {
        QemuInstance instance = vm.instance().get();
        if (instance == null) {
            return false;
        }
        hotplug.resize(instance, file, sizeBytes);
        return true;
    }

    /** What the running QEMU has plugged ({@code query-block}); empty when no QEMU runs. */
    List<BlockDevice> blockDevices() {
        QemuInstance instance = vm.instance().get();
        return instance == null ? List.of() : instance.monitor.queryBlock();
    }

    /** Runs {@code change} and answers it with a VolumeEvent; a failure also fails the CommandResult. */
    private void answered(VolumeOperation operation, UUID volumeId, Runnable change) {
        EventContext cause = vm.cause().get();
        VolumeEventSink.Origin origin = new VolumeEventSink.Origin(vm.record().get().tenantId(), vmId,
                cause == null ? null : cause.correlationId(), cause == null ? null : cause.traceparent());
        try {
            change.run();
        } catch (VolumeFailure e) {
            context.volumeEvents().publish(origin, VolumeEvents.failed(volumeId, operation, vmId, e.code(),
                    e.getMessage(), context.clock().instant()));
            throw new RuntimeFailure(e.code(), e.getMessage(), e);
        } catch (QmpException e) {
            context.volumeEvents().publish(origin, VolumeEvents.failed(volumeId, operation, vmId,
                    VolumeFailure.HOTPLUG_FAILED, e.getMessage(), context.clock().instant()));
            throw new RuntimeFailure(RuntimeFailure.QMP_FAILED, e.getMessage(), e);
        }
        context.volumeEvents().publish(origin, VolumeEvents.succeeded(volumeId, operation, vmId, null, null,
                context.clock().instant()));
    }

    private Optional<DiskSpec> disk(String diskId) {
        return vm.record().get().spec().disks().stream().filter(disk -> disk.id().equals(diskId)).findFirst();
    }
}
