package io.voidvm.nodeagent.runtime;

import io.voidvm.nodeagent.qmp.BlockDevice;
import java.util.List;
import java.util.UUID;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;

/**
 * {@code GET /actuator/vmblockdevices/{vmId}}: what a VM's QEMU has plugged, as its {@code query-block} says.
 * QEMU serves one QMP client at a time and the agent holds that session, so this is how an operator (or a
 * system test) sees the hypervisor's view of a VM's disks. Not exposed over HTTP unless
 * {@code management.endpoints.web.exposure.include} names it; read-only.
 */
@Endpoint(id = "vmblockdevices")
public class VmBlockDevicesEndpoint {

    /** One plugged disk; an empty drive (no medium) has an empty node name and file. */
    public record Disk(String device, String nodeName, String file, String driver, boolean readOnly, long virtualSizeBytes) {

        static Disk of(BlockDevice device) {
            return device.medium()
                    .map(medium -> new Disk(VolumeHotplug.deviceId(device.qdev()), medium.nodeName(), medium.file(),
                            medium.driver(), medium.readOnly(), medium.virtualSizeBytes()))
                    .orElseGet(() -> new Disk(VolumeHotplug.deviceId(device.qdev()), "", "", "", false, 0));
        }
    }

    private final VmRuntimes runtimes;

    VmBlockDevicesEndpoint(VmRuntimes runtimes) {
        this.runtimes = runtimes;
    }

    /** Empty when the VM has no QEMU on this node. */
    @ReadOperation
    public List<Disk> blockDevices(@Selector UUID vmId) {
        return runtimes.blockDevices(vmId).stream().map(Disk::of).toList();
    }
}
