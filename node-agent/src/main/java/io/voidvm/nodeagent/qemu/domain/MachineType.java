package io.voidvm.nodeagent.qemu.domain;

/** The QEMU machine model. q35 (PCIe, AHCI) is the default; pc (i440FX) for old guests. */
public enum MachineType {
    Q35("q35"),
    PC("pc");

    private final String qemuName;

    MachineType(String qemuName) {
        this.qemuName = qemuName;
    }

    public String qemuName() {
        return qemuName;
    }
}
