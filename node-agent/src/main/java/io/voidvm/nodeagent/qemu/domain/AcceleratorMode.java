package io.voidvm.nodeagent.qemu.domain;

/**
 * The node setting: {@link #AUTO} means KVM when {@code /dev/kvm} is usable and TCG otherwise. Forcing TCG
 * makes sense on nested hosts, where every VM exit is expensive and tiny guests can boot faster under TCG.
 */
public enum AcceleratorMode {
    AUTO,
    KVM,
    TCG
}
