package io.voidvm.vm.lifecycle.app;

import io.voidvm.contracts.vm.spec.DiskBus;
import io.voidvm.contracts.vm.spec.DiskFormat;
import io.voidvm.contracts.vm.spec.DiskSource;
import io.voidvm.contracts.vm.spec.DiskSpec;
import io.voidvm.contracts.vm.spec.NicModel;
import io.voidvm.contracts.vm.spec.NicSpec;
import io.voidvm.contracts.vm.spec.RestartPolicy;
import io.voidvm.contracts.vm.spec.VmSpec;
import io.voidvm.vm.lifecycle.domain.Vm;
import io.voidvm.vm.lifecycle.domain.VmSpecRenderer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

/**
 * Renders a VM's node spec. A VM created from an image boots from its boot volume ({@link DiskSource.Volume},
 * qcow2, resolved by the agent in its pools directory); a VM without one but with a disk size boots the node's own
 * test disk ({@link DiskSource.TestDisk}, resolved by the agent from its configuration), which keeps local mode and
 * the tests that need no image working; a VM with neither has no disk at all (its firmware finds nothing to boot). Each NIC gets a MAC derived from the VM and network ids (until
 * network-service exists), so a re-render always yields the same spec.
 */
final class TestDiskSpecRenderer implements VmSpecRenderer {

    /** Relative name the agent maps to its configured test disk. */
    static final String TEST_DISK_PATH = "boot.raw";
    static final String BOOT_DISK_ID = "root";

    @Override
    public VmSpec render(Vm vm) {
        if (vm.bootVolume() == null && vm.diskSizeGb() == null) {
            return new VmSpec(vm.name(), vm.cpuCores(), vm.memoryMb(), List.of(), nics(vm), vm.osType(),
                    RestartPolicy.ON_FAILURE);
        }
        DiskSpec boot = vm.bootVolume() == null
                ? new DiskSpec(BOOT_DISK_ID, new DiskSource.TestDisk(TEST_DISK_PATH), DiskFormat.RAW, DiskBus.VIRTIO,
                        1, false)
                : new DiskSpec(BOOT_DISK_ID, new DiskSource.Volume(vm.bootVolume().volumeId(),
                        vm.bootVolume().poolPath()), DiskFormat.QCOW2, DiskBus.VIRTIO, 1, false);
        return new VmSpec(vm.name(), vm.cpuCores(), vm.memoryMb(), List.of(boot), nics(vm), vm.osType(),
                RestartPolicy.ON_FAILURE);
    }

    private static List<NicSpec> nics(Vm vm) {
        List<NicSpec> nics = new ArrayList<>();
        for (int i = 0; i < vm.networkIds().size(); i++) {
            UUID network = vm.networkIds().get(i);
            nics.add(new NicSpec("nic" + i, network, macAddress(vm.id(), network), NicModel.VIRTIO));
        }
        return nics;
    }

    /** QEMU's 52:54:00 prefix (locally administered, unicast) plus three bytes of a hash of both ids. */
    static String macAddress(UUID vmId, UUID networkId) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update((vmId + "/" + networkId).getBytes(StandardCharsets.UTF_8));
            byte[] hash = sha.digest();
            return "52:54:00:" + HexFormat.ofDelimiter(":").formatHex(hash, 0, 3);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
