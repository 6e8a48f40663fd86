package io.voidvm.nodeagent.host.domain;

/** How QEMU executes guest code on this node. */
public enum Accelerator {
    /** KVM when {@code /dev/kvm} is usable, TCG otherwise. */
    AUTO,
    /** KVM or nothing: an unusable {@code /dev/kvm} is a configuration error. */
    KVM,
    /** Always TCG (software emulation); on nested hosts it can even boot faster. */
    TCG;

    /**
     * Whether VMs on this node will run under KVM.
     *
     * @throws IllegalStateException if KVM is demanded but the host cannot provide it
     */
    public boolean usesKvm(boolean kvmUsable) {
        return switch (this) {
            case AUTO -> kvmUsable;
            case TCG -> false;
            case KVM -> {
                if (!kvmUsable) {
                    throw new IllegalStateException("accelerator is 'kvm' but /dev/kvm is missing or not "
                            + "readable and writable by this user; use 'auto' or 'tcg', or grant access");
                }
                yield true;
            }
        };
    }
}
