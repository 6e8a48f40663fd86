package io.voidvm.nodeagent.runtime.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.voidvm.contracts.vm.command.DefineVm;
import io.voidvm.contracts.vm.command.DeleteVm;
import io.voidvm.contracts.vm.command.PauseVm;
import io.voidvm.contracts.vm.command.ResetVm;
import io.voidvm.contracts.vm.command.StartVm;
import io.voidvm.contracts.vm.command.StopVm;
import io.voidvm.contracts.vm.spec.OsType;
import io.voidvm.contracts.vm.spec.RestartPolicy;
import io.voidvm.contracts.vm.spec.VmSpec;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class AdmissionTest {

    private final UUID vm = UUID.randomUUID();
    private final VmSpec spec = new VmSpec("web", 1, 32, List.of(), List.of(), OsType.LINUX, RestartPolicy.NEVER);
    private final VmRecord running = new VmRecord(vm, "t", spec, DesiredPower.RUNNING, 5, false);

    @Test
    void defineCreatesAStoppedVm() {
        assertThat(Admission.of(vm, "t", Optional.empty(), new DefineVm(spec, 1)))
                .isEqualTo(new Admission.Apply(new VmRecord(vm, "t", spec, DesiredPower.STOPPED, 1, false), true));
    }

    @Test
    void unknownVms() {
        assertThat(Admission.of(vm, "t", Optional.empty(), new StartVm(1))).isInstanceOf(Admission.NotDefined.class);
        assertThat(Admission.of(vm, "t", Optional.empty(), new ResetVm())).isInstanceOf(Admission.NotDefined.class);
        assertThat(Admission.of(vm, "t", Optional.empty(), new DeleteVm(1))).isInstanceOf(Admission.AlreadyGone.class);
    }

    @Test
    void generationsOrderDesiredStateCommands() {
        assertThat(Admission.of(vm, "t", Optional.of(running), new StopVm(true, Duration.ZERO, 4)))
                .isEqualTo(new Admission.Stale(4, 5));
        assertThat(Admission.of(vm, "t", Optional.of(running), new StopVm(true, Duration.ZERO, 5)))
                .isEqualTo(new Admission.Apply(running, false));
        assertThat(Admission.of(vm, "t", Optional.of(running), new PauseVm(6)))
                .isEqualTo(new Admission.Apply(running.withDesired(DesiredPower.PAUSED, 6), true));
    }

    @Test
    void aPowerCommandLiftsAHaltButARedefineKeepsIt() {
        VmRecord halted = running.halt();
        Admission start = Admission.of(vm, "t", Optional.of(halted), new StartVm(6));
        Admission define = Admission.of(vm, "t", Optional.of(halted), new DefineVm(spec, 6));

        assertThat(((Admission.Apply) start).record().converges()).isTrue();
        assertThat(((Admission.Apply) define).record().halted()).isTrue();
        assertThat(((Admission.Apply) define).record().desired()).isEqualTo(DesiredPower.RUNNING);
    }

    @Test
    void actionsCarryNoGeneration() {
        assertThat(Admission.of(vm, "t", Optional.of(running), new ResetVm()))
                .isEqualTo(new Admission.Action(new ResetVm()));
    }
}
