package io.voidvm.vm.bootvolume.domain;

import io.voidvm.vm.lifecycle.domain.BootVolume;
import io.voidvm.vm.lifecycle.domain.Vm;
import java.util.Objects;
import java.util.UUID;

/**
 * What vm-service asks storage-service for when a VM is created from an image: a volume of the VM's disk size,
 * seeded from the image, owned by the VM. The same request again (same tenant, name and VM) answers the same
 * volume, so a retried create is safe.
 */
public record BootVolumeRequest(String tenantId, UUID vmId, String name, int sizeGb, UUID imageId) {

    public BootVolumeRequest {
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(vmId, "vmId");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(imageId, "imageId");
    }

    /** The boot volume of a new VM that names an image. */
    public static BootVolumeRequest of(Vm vm) {
        if (vm.imageId() == null) {
            throw new IllegalArgumentException("VM " + vm.id() + " names no image");
        }
        return new BootVolumeRequest(vm.tenantId(), vm.id(), BootVolume.nameFor(vm.name(), vm.id()), vm.diskSizeGb(),
                vm.imageId());
    }
}
