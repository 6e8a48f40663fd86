package io.voidvm.vm.lifecycle.domain;

import io.voidvm.contracts.vm.spec.OsType;
import java.util.List;
import java.util.UUID;

/**
 * What a client asks for when it creates a VM, before validation. Numbers are boxed so that a missing
 * field is reported as missing rather than read as 0; {@link VmSpecValidator} checks everything.
 *
 * @param diskSizeGb size of the boot disk; required with an image, optional without one ({@code null}: no disk)
 * @param imageId    the image the boot disk is cloned from; {@code null} for none
 * @param networkIds networks to attach, in NIC order; {@code null} reads as none (refused while there are no
 *                   networks: {@link VmSpecValidator#NETWORKS_UNAVAILABLE})
 * @param osType     {@code null} reads as {@code OTHER}
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
