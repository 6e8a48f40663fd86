package io.voidvm.contracts.vm.spec;

/** On-disk image format, as QEMU's block driver names it. */
public enum DiskFormat {
    RAW,
    QCOW2
}
