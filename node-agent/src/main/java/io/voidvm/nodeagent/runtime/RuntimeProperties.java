package io.voidvm.nodeagent.runtime;

import io.voidvm.nodeagent.qemu.domain.MachineType;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.nio.file.Path;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMax;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How this node runs VMs ({@code voidvm.nodeagent.runtime.*}).
 *
 * @param testDiskDir           where {@code TestDisk} paths of specs resolve; without it every test disk is the
 *                              node's {@code voidvm.nodeagent.test-disk-path}
 * @param qmpTimeout            per QMP command
 * @param connectTimeout        from spawning QEMU to an open QMP session
 * @param defaultStopTimeout    ACPI grace for stops no command timed (reconcile passes)
 * @param quitTimeout           wait after {@code quit} before SIGKILL, and after SIGKILL before giving up
 * @param maxRestarts           restarts by restart policy allowed within {@code restartWindow}
 * @param processedIdsCapacity  command message ids remembered for dedupe, on disk and in memory
 * @param sandbox               run QEMU under its seccomp sandbox
 * @param taskQueueCapacity     tasks that may wait on one VM's serial executor; a command beyond it is answered
 *                              FAILED {@code AGENT_BUSY} (see {@link SerialTasks} for what else is coalesced)
 * @param qmpEventBuffer        QMP events buffered per QEMU for delivery; beyond it events are dropped and the
 *                              runtime re-reads QEMU's status instead
 */
@Validated
@ConfigurationProperties("voidvm.nodeagent.runtime")
public record RuntimeProperties(
        Path testDiskDir,
        @NotNull @DefaultValue("5s") @DurationMin(millis = 100) Duration qmpTimeout,
        @NotNull @DefaultValue("10s") @DurationMin(millis = 100) Duration connectTimeout,
        @NotNull @DefaultValue("60s") @DurationMax(minutes = 30) Duration defaultStopTimeout,
        @NotNull @DefaultValue("5s") @DurationMin(millis = 100) Duration quitTimeout,
        @Min(0) @DefaultValue("3") int maxRestarts,
        @NotNull @DefaultValue("10m") Duration restartWindow,
        @Min(100) @DefaultValue("10000") int processedIdsCapacity,
        @DefaultValue("true") boolean sandbox,
        @NotNull @DefaultValue("Q35") MachineType machineType,
        @Min(4) @Max(10_000) @DefaultValue("64") int taskQueueCapacity,
        @Min(16) @Max(65_536) @DefaultValue("256") int qmpEventBuffer) {
}
