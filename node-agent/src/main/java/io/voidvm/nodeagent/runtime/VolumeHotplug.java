package io.voidvm.nodeagent.runtime;

import io.voidvm.contracts.vm.spec.DiskSource;
import io.voidvm.contracts.vm.spec.DiskSpec;
import io.voidvm.nodeagent.qemu.domain.QemuCommandLine;
import io.voidvm.nodeagent.qmp.BlockDevice;
import io.voidvm.nodeagent.qmp.QmpCommandException;
import io.voidvm.nodeagent.qmp.QmpEvent;
import io.voidvm.nodeagent.qmp.QmpException;
import io.voidvm.nodeagent.qmp.QmpListener;
import io.voidvm.nodeagent.qmp.QmpSession;
import io.voidvm.nodeagent.volume.domain.VolumeFailure;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Volumes in and out of a running QEMU. Plug: a {@code file} node and a format node ({@code blockdev-add}),
 * then a {@code scsi-hd} with the disk's id on the VM's virtio-scsi controller ({@code device_add}; QEMU picks
 * a free target). Unplug: {@code device_del}, wait (bounded) for {@code DEVICE_DELETED}, {@code blockdev-del} of
 * both nodes. SCSI unplug completes inside QEMU, so it does not depend on the guest: the guest is told, not
 * asked. A disk is found by its image file in {@code query-block}, so disks the VM was started with
 * ({@code disk<N>}) and hot-plugged ones ({@code hp-<id>}) are handled alike.
 */
final class VolumeHotplug {

    /** QEMU limits node names to 31 characters. */
    private static final int MAX_NODE_NAME = 31;
    private static final String FILE_SUFFIX = "-file";
    private static final String PERIPHERAL = "/machine/peripheral/";

    private final Duration unplugTimeout;

    VolumeHotplug(Duration unplugTimeout) {
        this.unplugTimeout = unplugTimeout;
    }

    /** A disk this QEMU has open, by image file: its guest device id and its format node. */
    record Plugged(String deviceId, String nodeName) {
    }

    void plug(QemuInstance instance, DiskSpec disk, Path file) {
        if (find(instance, file).isPresent()) {
            return;
        }
        String node = nodeName(disk.id());
        String fileNode = node + FILE_SUFFIX;
        String readOnly = disk.readOnly() ? "on" : "off";
        try {
            instance.monitor.blockdevAdd(Map.of("driver", "file", "filename", file.toString(), "node-name", fileNode,
                    "read-only", disk.readOnly()));
            instance.monitor.blockdevAdd(Map.of("driver", disk.format().name().toLowerCase(Locale.ROOT),
                    "file", fileNode, "node-name", node, "read-only", disk.readOnly()));
            addDevice(instance, disk, node);
        } catch (QmpException e) {
            removeNodesQuietly(instance, node);
            throw new VolumeFailure(VolumeFailure.HOTPLUG_FAILED, "cannot hot-plug disk " + disk.id() + " (read-only="
                    + readOnly + "): " + e.getMessage(), e);
        }
    }

    private static void addDevice(QemuInstance instance, DiskSpec disk, String node) {
        Map<String, Object> device = new LinkedHashMap<>();
        device.put("driver", "scsi-hd");
        device.put("bus", QemuCommandLine.SCSI_BUS);
        device.put("drive", node);
        device.put("id", deviceIdOf(disk.id()));
        if (disk.source() instanceof DiskSource.Volume volume) {
            device.put("serial", io.voidvm.nodeagent.qemu.domain.DiskSpec.volumeSerial(volume.volumeId()));
        }
        instance.monitor.deviceAdd(device);
    }

    void unplug(QemuInstance instance, Path file) {
        Optional<Plugged> plugged = find(instance, file);
        if (plugged.isEmpty()) {
            return;
        }
        String deviceId = plugged.get().deviceId();
        CompletableFuture<Void> deleted = new CompletableFuture<>();
        try (QmpSession.Registration ignored = instance.session.addListener(new DeviceDeleted(deviceId, deleted))) {
            if (!deviceId.isEmpty()) {
                try {
                    instance.monitor.deviceDel(deviceId);
                } catch (QmpCommandException e) {
                    // already being unplugged (an earlier detach timed out): keep waiting for QEMU
                    if (!e.getMessage().contains("in the process of unplug")) {
                        throw e;
                    }
                }
                deleted.get(unplugTimeout.toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (TimeoutException e) {
            // a SCSI disk goes at once; only a PCI device (a boot disk on virtio-blk) waits for the guest. Its
            // DEVICE_DELETED may also have been dropped from a flood of events: then query-block no longer lists it
            if (find(instance, file).isPresent()) {
                throw new VolumeFailure(VolumeFailure.HOTPLUG_FAILED, "disk " + deviceId + " was not released within "
                        + unplugTimeout, e);
            }
        } catch (QmpException e) {
            throw new VolumeFailure(VolumeFailure.HOTPLUG_FAILED, "cannot unplug disk " + deviceId + ": "
                    + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new VolumeFailure(VolumeFailure.HOTPLUG_FAILED, "interrupted unplugging " + deviceId, e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e);
        }
        try {
            instance.monitor.blockdevDel(plugged.get().nodeName());
            instance.monitor.blockdevDel(plugged.get().nodeName() + FILE_SUFFIX);
        } catch (QmpException e) {
            throw new VolumeFailure(VolumeFailure.HOTPLUG_FAILED, "disk " + deviceId + " is unplugged but its block"
                    + " nodes remain: " + e.getMessage(), e);
        }
    }

    void resize(QemuInstance instance, Path file, long sizeBytes) {
        Plugged plugged = find(instance, file).orElseThrow(() -> new VolumeFailure(VolumeFailure.VOLUME_NOT_FOUND,
                "the VM's QEMU has no disk on " + file.getFileName()));
        try {
            instance.monitor.blockResize(plugged.nodeName(), sizeBytes);
        } catch (QmpException e) {
            throw new VolumeFailure(VolumeFailure.HOTPLUG_FAILED, "block_resize of " + plugged.nodeName()
                    + " failed: " + e.getMessage(), e);
        }
    }

    Optional<Plugged> find(QemuInstance instance, Path file) {
        String wanted = file.toString();
        for (BlockDevice device : instance.monitor.queryBlock()) {
            if (device.medium().isPresent() && device.medium().get().file().equals(wanted)) {
                return Optional.of(new Plugged(deviceId(device.qdev()), device.medium().get().nodeName()));
            }
        }
        return Optional.empty();
    }

    /** {@code /machine/peripheral/<id>/virtio-backend} (virtio-blk) → {@code <id>}; a SCSI disk's qdev is its id. */
    static String deviceId(String qdev) {
        if (qdev.startsWith(PERIPHERAL)) {
            String rest = qdev.substring(PERIPHERAL.length());
            int slash = rest.indexOf('/');
            return slash < 0 ? rest : rest.substring(0, slash);
        }
        return qdev;
    }

    /** The guest device id of disk {@code diskId}: itself, or {@code disk-<id>} where QEMU wants a leading letter. */
    static String deviceIdOf(String diskId) {
        return Character.isLetter(diskId.charAt(0)) ? diskId : "disk-" + diskId;
    }

    /** {@code hp-<disk id>}, or {@code hp-<hash>} when that and its file node would pass QEMU's length limit. */
    static String nodeName(String diskId) {
        String name = "hp-" + diskId;
        if (name.length() + FILE_SUFFIX.length() <= MAX_NODE_NAME) {
            return name;
        }
        try {
            byte[] digest = java.security.MessageDigest.getInstance("SHA-256")
                    .digest(diskId.getBytes(StandardCharsets.UTF_8));
            return "hp-" + HexFormat.of().formatHex(digest, 0, 8);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void removeNodesQuietly(QemuInstance instance, String node) {
        for (String name : new String[] {node, node + FILE_SUFFIX}) {
            try {
                instance.monitor.blockdevDel(name);
            } catch (QmpException ignored) {
                // not created, or in use: nothing more to undo
            }
        }
    }

    /** Completes when QEMU reports device {@code id} gone. */
    private record DeviceDeleted(String id, CompletableFuture<Void> done) implements QmpListener {
        @Override
        public void onEvent(QmpEvent event) {
            if ("DEVICE_DELETED".equals(event.name()) && id.equals(event.data().path("device").asString(""))) {
                done.complete(null);
            }
        }
    }
}
