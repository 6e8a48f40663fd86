package io.voidvm.vm.lifecycle.app;

import io.voidvm.vm.config.PlacementProperties;
import io.voidvm.vm.config.VmProperties;
import io.voidvm.vm.lifecycle.domain.VmSpecValidator;
import io.voidvm.vm.node.db.NodeRepository;
import io.voidvm.vm.placement.domain.Placement;
import java.util.Objects;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * The field rules in force right now: memory is capped by the largest offer of a node that can take VMs
 * (allocatable memory × its memory overcommit) and by the configured per-VM maximum, so a VM that could never be
 * placed is refused up front rather than left PENDING. Before any node can take VMs, only the configured maximum
 * applies.
 */
@Component
public class VmValidators {

    private final VmProperties properties;
    private final PlacementProperties placement;
    private final NodeRepository nodes;

    public VmValidators(VmProperties properties, PlacementProperties placement, NodeRepository nodes) {
        this.properties = Objects.requireNonNull(properties, "properties");
        this.placement = Objects.requireNonNull(placement, "placement");
        this.nodes = Objects.requireNonNull(nodes, "nodes");
    }

    public Mono<VmSpecValidator> current() {
        int maxCpu = Math.min(properties.maxCpuCoresPerVm(), VmSpecValidator.MAX_CPU_CORES);
        return nodes.all().collectList().map(known -> {
            long maxMemory = Placement.largestMemoryMb(known, placement.overcommit()).stream()
                    .map(largest -> Math.min(largest, properties.maxMemoryMbPerVm()))
                    .findFirst().orElse(properties.maxMemoryMbPerVm());
            return new VmSpecValidator(maxCpu, Math.max(maxMemory, VmSpecValidator.MIN_MEMORY_MB));
        });
    }
}
