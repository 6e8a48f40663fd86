package io.voidvm.vm.config;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMax;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of vm-service.
 *
 * @param defaultStopTimeout how long a graceful stop (ACPI power-down) may take before it is forced
 * @param maxMemoryMbPerVm   largest {@code memoryMb} one VM may ask for, whatever the tenant's quota
 * @param maxCpuCoresPerVm   largest {@code cpuCores} one VM may ask for
 * @param nodeLostAfter      the grace period: a node without a heartbeat for this long becomes NOT_READY, new VMs
 *                           avoid it and its VMs show UNKNOWN (ADR 0012)
 */
@Validated
@ConfigurationProperties("voidvm.vm")
public record VmProperties(
        @NotNull @DurationMin(seconds = 1) @DurationMax(minutes = 30) Duration defaultStopTimeout,
        @Min(64) @Max(4 * 1024 * 1024) long maxMemoryMbPerVm,
        @Min(1) @Max(1024) int maxCpuCoresPerVm,
        @NotNull @DurationMin(seconds = 1) Duration nodeLostAfter) {
}
