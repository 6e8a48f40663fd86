package io.voidvm.nodeagent.runtime;

import io.voidvm.contracts.vm.command.DeleteVm;
import io.voidvm.contracts.vm.command.DesiredStateCommand;
import io.voidvm.contracts.vm.command.StopVm;
import java.time.Duration;

/** How a SHUT_DOWN step ends QEMU: ACPI first with {@code timeout}, or forced at once. */
record StopOptions(boolean force, Duration timeout) {

    static final StopOptions FORCE = new StopOptions(true, Duration.ZERO);

    /** A stop command says how; a delete does not wait for the guest; anything else gets the node default. */
    static StopOptions forCommand(DesiredStateCommand command, StopOptions otherwise) {
        return switch (command) {
            case StopVm stop -> new StopOptions(stop.force(), stop.timeout());
            case DeleteVm ignored -> FORCE;
            default -> otherwise;
        };
    }
}
