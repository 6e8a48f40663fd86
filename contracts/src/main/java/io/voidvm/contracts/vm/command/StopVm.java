package io.voidvm.contracts.vm.command;

import java.time.Duration;
import java.util.Objects;

/**
 * Desired power state STOPPED.
 *
 * @param force   skip the ACPI power-down and kill QEMU at once
 * @param timeout how long a graceful power-down may take before the agent forces it
 */
public record StopVm(boolean force, Duration timeout, long generation) implements DesiredStateCommand {

    public StopVm {
        Objects.requireNonNull(timeout, "timeout is required");
        if (timeout.isNegative()) {
            throw new IllegalArgumentException("timeout must not be negative, got " + timeout);
        }
        DesiredStateCommand.requireGeneration(generation);
    }
}
