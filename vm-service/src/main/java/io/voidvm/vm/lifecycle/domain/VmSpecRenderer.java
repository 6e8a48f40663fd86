package io.voidvm.vm.lifecycle.domain;

import io.voidvm.contracts.vm.spec.VmSpec;

/**
 * Turns a VM into the self-contained spec its node keeps. The caller supplies it because the spec holds
 * facts other services own (the image's SHA-256, the NICs' MAC addresses); it must not do I/O itself, so
 * the caller resolves those facts first.
 */
@FunctionalInterface
public interface VmSpecRenderer {

    VmSpec render(Vm vm);
}
