package io.voidvm.nodeagent.config;

import io.voidvm.nodeagent.host.domain.Accelerator;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.hibernate.validator.constraints.time.DurationMax;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of one node agent.
 *
 * @param nodeName          this node's name; it becomes part of a Kafka topic and of host names, hence a DNS label
 * @param stateDir          where VM runtime state lives ({@code <stateDir>/vms/<vmId>/...}); created if missing
 * @param qemuBinary        the QEMU system emulator to run, looked up on PATH unless absolute
 * @param accelerator       {@code auto} picks KVM when {@code /dev/kvm} is usable; {@code kvm} insists on it
 * @param heartbeatInterval how often the node reports itself; vm-service treats a silent node as lost
 * @param reservedCpus      vCPUs kept for the host, subtracted from what placement may use
 * @param reservedMemoryMb  memory kept for the host and the agent itself
 * @param labels            placement labels reported with every heartbeat
 * @param testDiskPath      optional boot disk for smoke-testing QEMU on this node; must be a readable file
 */
@Validated
@ConfigurationProperties("voidvm.nodeagent")
public record NodeAgentProperties(
        @NotNull
        @Pattern(regexp = "[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?",
                message = "must be a DNS label: 1-63 of a-z, 0-9 and '-', not starting or ending with '-'")
        String nodeName,
        @NotNull @CreatableDirectory Path stateDir,
        @NotBlank String qemuBinary,
        @NotNull Accelerator accelerator,
        @NotNull @DurationMin(millis = 100) @DurationMax(minutes = 5) Duration heartbeatInterval,
        @PositiveOrZero int reservedCpus,
        @PositiveOrZero long reservedMemoryMb,
        Map<String, String> labels,
        @ReadableFile Path testDiskPath) {

    public NodeAgentProperties {
        labels = labels == null ? Map.of() : Map.copyOf(labels);
    }
}
