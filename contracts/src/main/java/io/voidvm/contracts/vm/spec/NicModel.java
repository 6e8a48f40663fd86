package io.voidvm.contracts.vm.spec;

/** Emulated network card model. */
public enum NicModel {
    VIRTIO
}
