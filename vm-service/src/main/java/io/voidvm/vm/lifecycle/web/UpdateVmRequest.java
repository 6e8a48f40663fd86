package io.voidvm.vm.lifecycle.web;

import io.voidvm.servicekit.input.MultilineText;
import io.voidvm.vm.lifecycle.domain.VmUpdate;

/**
 * The body of {@code PUT} and {@code PATCH /api/v1/vms/{id}}: only these fields can change, and an absent one
 * stays as it is. Any other field (diskSizeGb, osType, ...) is refused as unknown.
 */
record UpdateVmRequest(String name, @MultilineText String description, Integer cpuCores, Long memoryMb) {

    VmUpdate toUpdate() {
        return new VmUpdate(name, description, cpuCores, memoryMb);
    }
}
