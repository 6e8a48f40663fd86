package io.voidvm.contracts.vm.spec;

/** How the guest sees the disk. Only virtio today; an enum so other buses slot in without a new field. */
public enum DiskBus {
    VIRTIO
}
