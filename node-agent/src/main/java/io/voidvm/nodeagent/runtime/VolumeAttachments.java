package io.voidvm.nodeagent.runtime;

import io.voidvm.contracts.vm.spec.DiskSource;
import io.voidvm.contracts.vm.spec.DiskSpec;
import io.voidvm.contracts.volume.VolumeOperation;
import io.voidvm.nodeagent.qmp.QmpException;
import io.voidvm.nodeagent.runtime.domain.VmRecord;
import io.voidvm.nodeagent.volume.VolumeEventSink;
import io.voidvm.nodeagent.volume.VolumeEvents;
import io.voidvm.nodeagent.volume.domain.VolumeFailure;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * AttachVolume and DetachVolume for one VM, run on the VM's serial executor: the disk goes into (or out of) the
 * stored spec, so a later start of the VM has it (or not), and in (or out of) the running QEMU when there is
 * one. Each is answered with a VolumeEvent besides the command's CommandResult; both are idempotent.
 */
final class VolumeAttachments {

    /** What of its VM the attachments read and change; the VM runtime provides it. */
    interface Vm {
        VmRecord record();

        /** Stores the record with {@code change} applied to its disks (atomically against other writers). */
        void changeDisks(UnaryOperator<List<DiskSpec>> change);

        /** The running QEMU, or null. */
        QemuInstance instance();

        /** The command being run. */
        EventContext cause();
    }

    private static final Logger log = LoggerFactory.getLogger(VolumeAttachments.class);

    private final UUID vmId;
    private final RuntimeContext context;
    private final VolumeHotplug hotplug;
    private final Vm vm;

    VolumeAttachments(UUID vmId, RuntimeContext context, VolumeHotplug hotplug, Vm vm) {
        this.vmId = vmId;
        this.context = context;
        this.hotplug = hotplug;
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
            QemuInstance instance = vm.instance();
            if (instance != null) {
                hotplug.plug(instance, disk, context.disks().volume(disk, (DiskSource.Volume) disk.source()));
            }
            vm.changeDisks(disks -> {
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
            QemuInstance instance = vm.instance();
            if (instance != null) {
                context.disks().volumeFile(existing.get()).ifPresent(file -> hotplug.unplug(instance, file));
            }
            vm.changeDisks(disks -> disks.stream().filter(disk -> !disk.id().equals(diskId)).toList());
            log.info("VM {}: disk {} (volume {}) detached", vmId, diskId, volumeId);
        });
    }

    /** Runs {@code change} and answers it with a VolumeEvent; a failure also fails the CommandResult. */
    private void answered(VolumeOperation operation, UUID volumeId, Runnable change) {
        EventContext cause = vm.cause();
        VolumeEventSink.Origin origin = new VolumeEventSink.Origin(vm.record().tenantId(), vmId,
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
        return vm.record().spec().disks().stream().filter(disk -> disk.id().equals(diskId)).findFirst();
    }
}
