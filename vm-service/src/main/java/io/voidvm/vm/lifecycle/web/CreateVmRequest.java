package io.voidvm.vm.lifecycle.web;

import io.swagger.v3.oas.annotations.media.Schema;
import io.voidvm.contracts.vm.spec.OsType;
import io.voidvm.servicekit.input.MultilineText;
import io.voidvm.servicekit.problem.domain.InvalidRequestException;
import io.voidvm.vm.lifecycle.domain.NewVm;
import java.util.List;
import java.util.UUID;

/** The body of {@code POST /api/v1/vms}. Boxed numbers, so a missing field is reported as missing. */
record CreateVmRequest(
        String name,
        @MultilineText String description,
        Integer cpuCores,
        Long memoryMb,
        @Schema(description = "Size of the boot disk, 1-2048 GB. Required with imageId; without an image it is "
                + "optional, and a VM without it has no disk at all (for ISO or network boot)")
        Integer diskSizeGb,
        UUID imageId,
        @Schema(description = "Networks to attach, in NIC order. Refused (400 naming networkIds) while "
                + "network-service has no networks: leave it out or empty")
        List<UUID> networkIds,
        @Schema(description = "The guest's OS family; OTHER when left out")
        OsType osType) {

    static final int MAX_NETWORKS = 16;

    /** @throws InvalidRequestException for what the domain rules leave to the adapter (text is checked by service-kit) */
    NewVm toNewVm() {
        if (networkIds != null && networkIds.size() > MAX_NETWORKS) {
            throw new InvalidRequestException("networkIds", "at most " + MAX_NETWORKS + " networks per VM");
        }
        return new NewVm(name, description, cpuCores, memoryMb, diskSizeGb, imageId, networkIds, osType);
    }
}
