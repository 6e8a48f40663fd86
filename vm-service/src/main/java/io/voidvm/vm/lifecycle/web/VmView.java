package io.voidvm.vm.lifecycle.web;

import io.voidvm.contracts.vm.event.VmStatus;
import io.voidvm.contracts.vm.spec.OsType;
import io.voidvm.vm.lifecycle.domain.DesiredPower;
import io.voidvm.vm.lifecycle.domain.Vm;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A VM as clients see it: the spec, what the user asked for ({@code desiredPowerState}) and what the node last
 * reported or vm-service shows meanwhile ({@code status}, {@code statusReason}).
 *
 * @param bootVolumeId       the storage-service volume a VM created from an image boots from; deleted with the VM
 * @param generation         raised by every change the node must apply
 * @param observedGeneration the newest generation the node has reported as applied
 */
record VmView(
        UUID id,
        String tenantId,
        String name,
        String description,
        int cpuCores,
        long memoryMb,
        Integer diskSizeGb,
        UUID imageId,
        UUID bootVolumeId,
        List<UUID> networkIds,
        OsType osType,
        VmStatus status,
        String statusReason,
        String nodeName,
        DesiredPower desiredPowerState,
        long generation,
        long observedGeneration,
        Instant createdAt,
        Instant updatedAt) {

    static VmView of(Vm vm) {
        return new VmView(vm.id(), vm.tenantId(), vm.name(), vm.description(), vm.cpuCores(), vm.memoryMb(),
                vm.diskSizeGb(), vm.imageId(), vm.bootVolume() == null ? null : vm.bootVolume().volumeId(),
                vm.networkIds(), vm.osType(), vm.status(), vm.statusReason(), vm.nodeName(), vm.desiredPower(),
                vm.generation(), vm.observedGeneration(), vm.createdAt(), vm.updatedAt());
    }

    static String location(UUID id) {
        return "/api/v1/vms/" + id;
    }
}
