package io.voidvm.vm.config;

import io.voidvm.vm.node.domain.Overcommit;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMax;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * How vm-service places VMs on nodes and watches the nodes ({@code voidvm.vm.placement}). A node offers its
 * allocatable vCPUs and memory times these ratios; an admin may set other ratios for one node
 * ({@code PATCH /api/v1/nodes/{name}}). The grace period after which a silent node is NOT_READY is
 * {@code voidvm.vm.node-lost-after}.
 *
 * @param cpuOvercommit      vCPUs handed out per allocatable vCPU (0.1–64; the peers' usual 4.0 by default)
 * @param memoryOvercommit   MB handed out per allocatable MB (0.1–4; 1.0 by default: memory is not shared)
 * @param nodeCheckInterval  how often each replica looks for nodes that went silent (and marks them NOT_READY)
 */
@Validated
@ConfigurationProperties("voidvm.vm.placement")
public record PlacementProperties(
        @DecimalMin("0.1") @DecimalMax("64") double cpuOvercommit,
        @DecimalMin("0.1") @DecimalMax("4") double memoryOvercommit,
        @NotNull @DurationMin(millis = 100) @DurationMax(minutes = 5) Duration nodeCheckInterval) {

    /** The ratios of every node without its own. */
    public Overcommit overcommit() {
        return new Overcommit(cpuOvercommit, memoryOvercommit);
    }
}
