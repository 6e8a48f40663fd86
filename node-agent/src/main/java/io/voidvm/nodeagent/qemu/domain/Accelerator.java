package io.voidvm.nodeagent.qemu.domain;

/** The accelerator a QEMU process actually runs with. */
public enum Accelerator {
    KVM("kvm"),
    TCG("tcg");

    private final String qemuName;

    Accelerator(String qemuName) {
        this.qemuName = qemuName;
    }

    /** The name QEMU's {@code accel=} property takes. */
    public String qemuName() {
        return qemuName;
    }
}
