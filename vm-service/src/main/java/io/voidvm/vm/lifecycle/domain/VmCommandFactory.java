package io.voidvm.vm.lifecycle.domain;

import io.voidvm.contracts.vm.command.DefineVm;
import io.voidvm.contracts.vm.command.DeleteVm;
import io.voidvm.contracts.vm.command.PauseVm;
import io.voidvm.contracts.vm.command.RebootVm;
import io.voidvm.contracts.vm.command.ResetVm;
import io.voidvm.contracts.vm.command.ResumeVm;
import io.voidvm.contracts.vm.command.StartVm;
import io.voidvm.contracts.vm.command.StopVm;
import io.voidvm.contracts.vm.command.VmCommand;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Builds the wire commands for a decision: each desired-state command takes the next generation, in order,
 * so the node applies them in sequence and drops any it has already seen.
 *
 * @param gracefulStopTimeout how long an ACPI power-down may take before the node forces it
 */
public record VmCommandFactory(Duration gracefulStopTimeout, VmSpecRenderer specRenderer) {

    public VmCommandFactory {
        Objects.requireNonNull(gracefulStopTimeout, "gracefulStopTimeout");
        Objects.requireNonNull(specRenderer, "specRenderer");
        if (gracefulStopTimeout.isNegative()) {
            throw new IllegalArgumentException("gracefulStopTimeout must not be negative, got " + gracefulStopTimeout);
        }
    }

    /**
     * @param vm             the VM after the change (its spec is what DEFINE sends)
     * @param lastGeneration the generation before the change; the first desired-state command gets the next
     */
    public List<VmCommand> build(List<CommandKind> kinds, Vm vm, long lastGeneration) {
        List<VmCommand> commands = new ArrayList<>(kinds.size());
        long generation = lastGeneration;
        for (CommandKind kind : kinds) {
            if (kind.changesDesiredState()) {
                generation++;
            }
            commands.add(build(kind, vm, generation));
        }
        return List.copyOf(commands);
    }

    private VmCommand build(CommandKind kind, Vm vm, long generation) {
        return switch (kind) {
            case DEFINE -> new DefineVm(specRenderer.render(vm), generation);
            case START -> new StartVm(generation);
            case STOP -> new StopVm(false, gracefulStopTimeout, generation);
            case FORCE_STOP -> new StopVm(true, Duration.ZERO, generation);
            case PAUSE -> new PauseVm(generation);
            case RESUME -> new ResumeVm(generation);
            case DELETE -> new DeleteVm(generation);
            case RESET -> new ResetVm();
            case REBOOT -> new RebootVm();
        };
    }
}
