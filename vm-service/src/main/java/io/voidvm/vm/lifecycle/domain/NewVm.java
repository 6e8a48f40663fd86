package io.voidvm.vm.lifecycle.domain;

import io.voidvm.contracts.vm.spec.OsType;
import java.util.List;
import java.util.UUID;

/**
 * What a client asks for when it creates a VM, before validation. Numbers are boxed so that a missing
 * field is reported as missing rather than read as 0; {@link VmSpecValidator} checks everything.
 *
 * @param imageId    the image the boot disk is cloned from; {@code null} for a blank disk
 * @param networkIds networks to attach, in NIC order; {@code null} reads as none
 */
public record NewVm(
        String name,
        String description,
        Integer cpuCores,
        Long memoryMb,
        Integer diskSizeGb,
        UUID imageId,
        List<UUID> networkIds,
        OsType osType) {
}
