package io.voidvm.vm.lifecycle.app;

import io.voidvm.vm.config.VmProperties;
import io.voidvm.vm.lifecycle.domain.VmSpecValidator;
import io.voidvm.vm.placement.domain.NodeInventory;
import java.util.Objects;
import org.springframework.stereotype.Component;

/**
 * The field rules in force right now: memory is capped by the largest node that can take VMs (and by the
 * configured per-VM maximum), so a VM that could never be placed is refused up front rather than left PENDING.
 * Before any node has reported, only the configured maximum applies.
 */
@Component
public class VmValidators {

    private final VmProperties properties;
    private final NodeInventory inventory;

    public VmValidators(VmProperties properties, NodeInventory inventory) {
        this.properties = Objects.requireNonNull(properties, "properties");
        this.inventory = Objects.requireNonNull(inventory, "inventory");
    }

    public VmSpecValidator current() {
        int maxCpu = Math.min(properties.maxCpuCoresPerVm(), VmSpecValidator.MAX_CPU_CORES);
        long maxMemory = inventory.largestAllocatableMemoryMb().stream()
                .map(largest -> Math.min(largest, properties.maxMemoryMbPerVm()))
                .findFirst().orElse(properties.maxMemoryMbPerVm());
        return new VmSpecValidator(maxCpu, Math.max(maxMemory, VmSpecValidator.MIN_MEMORY_MB));
    }
}
