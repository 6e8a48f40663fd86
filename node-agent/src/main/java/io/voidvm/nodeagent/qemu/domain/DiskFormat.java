package io.voidvm.nodeagent.qemu.domain;

/** Image formats the agent hands to QEMU; anything else is refused earlier, by image-service. */
public enum DiskFormat {
    RAW("raw"),
    QCOW2("qcow2");

    private final String qemuDriver;

    DiskFormat(String qemuDriver) {
        this.qemuDriver = qemuDriver;
    }

    /** The {@code -blockdev driver=} name of the format node. */
    public String qemuDriver() {
        return qemuDriver;
    }
}
