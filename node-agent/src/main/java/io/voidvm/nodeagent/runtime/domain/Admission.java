package io.voidvm.nodeagent.runtime.domain;

import io.voidvm.contracts.vm.command.DefineVm;
import io.voidvm.contracts.vm.command.DeleteVm;
import io.voidvm.contracts.vm.command.DesiredStateCommand;
import io.voidvm.contracts.vm.command.PauseVm;
import io.voidvm.contracts.vm.command.ResumeVm;
import io.voidvm.contracts.vm.command.StartVm;
import io.voidvm.contracts.vm.command.StopVm;
import io.voidvm.contracts.vm.command.VmCommand;
import java.util.Optional;
import java.util.UUID;

/**
 * What a newly arrived (not duplicate) command means for a VM, decided before anything runs. Desired-state
 * commands are ordered by generation (ADR 0001): an older one is acknowledged and ignored; the current one
 * again (a redelivery after a crash) converges once more, which changes nothing that already converged.
 */
public sealed interface Admission {

    /** Store {@code record} (when {@code changed}) and converge to it. */
    record Apply(VmRecord record, boolean changed) implements Admission {
    }

    /** A one-shot action (reset, reboot, snapshots) on a known VM. */
    record Action(VmCommand command) implements Admission {
    }

    /** Overtaken by a newer generation: acknowledge, do nothing. */
    record Stale(long commandGeneration, long currentGeneration) implements Admission {
    }

    /** DeleteVm for a VM this node does not have: it is already what the command asks for. */
    record AlreadyGone() implements Admission {
    }

    /** Any other command for a VM this node was never told about. */
    record NotDefined() implements Admission {
    }

    static Admission of(UUID vmId, String tenantId, Optional<VmRecord> current, VmCommand command) {
        if (!(command instanceof DesiredStateCommand desired)) {
            return current.isPresent() ? new Action(command) : new NotDefined();
        }
        if (current.isEmpty()) {
            return switch (desired) {
                case DefineVm define -> new Apply(new VmRecord(vmId, tenantId, define.spec(), DesiredPower.STOPPED,
                        define.generation(), false), true);
                case DeleteVm ignored -> new AlreadyGone();
                case StartVm ignored -> new NotDefined();
                case StopVm ignored -> new NotDefined();
                case PauseVm ignored -> new NotDefined();
                case ResumeVm ignored -> new NotDefined();
            };
        }
        VmRecord record = current.get();
        long generation = desired.generation();
        if (generation < record.generation()) {
            return new Stale(generation, record.generation());
        }
        if (generation == record.generation()) {
            return new Apply(record, false);
        }
        VmRecord next = switch (desired) {
            case DefineVm define -> record.withSpec(define.spec(), generation);
            case StartVm ignored -> record.withDesired(DesiredPower.RUNNING, generation);
            case ResumeVm ignored -> record.withDesired(DesiredPower.RUNNING, generation);
            case PauseVm ignored -> record.withDesired(DesiredPower.PAUSED, generation);
            case StopVm ignored -> record.withDesired(DesiredPower.STOPPED, generation);
            case DeleteVm ignored -> record.withDesired(DesiredPower.DELETED, generation);
        };
        return new Apply(next, true);
    }
}
