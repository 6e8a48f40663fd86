package io.voidvm.vm.lifecycle.domain;

import static io.voidvm.vm.lifecycle.domain.TestVms.COMMANDS;
import static io.voidvm.vm.lifecycle.domain.TestVms.VALIDATOR;
import static io.voidvm.vm.lifecycle.domain.TestVms.at;
import static io.voidvm.vm.lifecycle.domain.TestVms.created;
import static io.voidvm.vm.lifecycle.domain.TestVms.settled;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.voidvm.contracts.vm.command.DefineVm;
import io.voidvm.contracts.vm.event.VmStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class VmUpdateTest {

    @ParameterizedTest
    @EnumSource(value = VmStatus.class, names = {"PENDING", "STOPPED", "STARTING", "RUNNING", "PAUSED", "STOPPING",
            "ERROR"})
    void nameAndDescriptionMayChangeInAnyLiveStatus(VmStatus status) {
        Vm vm = settled(status, DesiredPower.RUNNING);

        VmTransition renamed = vm.update(new VmUpdate("web-2", "new text", null, null), VALIDATOR, COMMANDS, at(1));

        assertThat(renamed.vm().name()).isEqualTo("web-2");
        assertThat(renamed.vm().description()).isEqualTo("new text");
        assertThat(renamed.vm().status()).isEqualTo(status);
        assertThat(renamed.vm().generation()).isEqualTo(6);
        assertThat(renamed.commands()).singleElement().isInstanceOfSatisfying(DefineVm.class, define -> {
            assertThat(define.spec().name()).isEqualTo("web-2");
            assertThat(define.generation()).isEqualTo(6);
        });
    }

    @ParameterizedTest
    @EnumSource(value = VmStatus.class, names = {"STARTING", "RUNNING", "PAUSED", "STOPPING", "ERROR"})
    void cpuAndMemoryChangesOnAVmThatMayRunAreAConflictWithTheReason(VmStatus status) {
        Vm vm = settled(status, DesiredPower.RUNNING);

        assertThatThrownBy(() -> vm.update(new VmUpdate(null, null, 4, 4096L), VALIDATOR, COMMANDS, at(1)))
                .isInstanceOfSatisfying(InvalidTransition.class,
                        e -> assertThat(e.currentStatus()).isEqualTo(status))
                .hasMessage("cannot update while " + status + ": cpuCores, memoryMb can change only while the VM is"
                        + " STOPPED");
    }

    @Test
    void cpuAndMemoryChangeOnAStoppedVmAndTheNodeGetsTheNewSpec() {
        VmTransition resized = settled(VmStatus.STOPPED, DesiredPower.STOPPED)
                .update(new VmUpdate(null, null, 4, 4096L), VALIDATOR, COMMANDS, at(1));

        assertThat(resized.vm().cpuCores()).isEqualTo(4);
        assertThat(resized.vm().memoryMb()).isEqualTo(4096);
        assertThat(resized.commands()).singleElement().isInstanceOfSatisfying(DefineVm.class, define -> {
            assertThat(define.spec().cpuCores()).isEqualTo(4);
            assertThat(define.spec().memoryMb()).isEqualTo(4096);
        });
    }

    @Test
    void cpuMayChangeOnAnUnplacedVmWithoutSendingAnything() {
        VmTransition resized = created(DesiredPower.RUNNING)
                .update(new VmUpdate(null, null, 8, null), VALIDATOR, COMMANDS, at(1));

        assertThat(resized.vm().cpuCores()).isEqualTo(8);
        assertThat(resized.commands()).isEmpty();
    }

    @Test
    void aDescriptionIsNotPartOfTheNodeSpecSoItSendsNothingAndKeepsTheGeneration() {
        VmTransition described = settled(VmStatus.RUNNING, DesiredPower.RUNNING)
                .update(new VmUpdate(null, "only text", null, null), VALIDATOR, COMMANDS, at(1));

        assertThat(described.noOp()).isFalse();
        assertThat(described.commands()).isEmpty();
        assertThat(described.vm().generation()).isEqualTo(5);
        assertThat(described.vm().updatedAt()).isEqualTo(at(1));
    }

    @Test
    void settingTheSameValuesIsANoOpEvenWhereCpuChangesWouldBeRefused() {
        Vm running = settled(VmStatus.RUNNING, DesiredPower.RUNNING);

        VmTransition same = running.update(new VmUpdate("web-1", "", 2, 2048L), VALIDATOR, COMMANDS, at(1));

        assertThat(same.noOp()).isTrue();
        assertThat(same.vm()).isSameAs(running);
    }

    @Test
    void anInvalidValueIsRefusedBeforeTheStateIsConsidered() {
        Vm running = settled(VmStatus.RUNNING, DesiredPower.RUNNING);

        assertThatThrownBy(() -> running.update(new VmUpdate("-bad", null, 99, null), VALIDATOR, COMMANDS, at(1)))
                .isInstanceOfSatisfying(InvalidVmSpec.class, e -> assertThat(e.violations())
                        .extracting(SpecViolation::field).containsExactly("name", "cpuCores"));
    }

    @ParameterizedTest
    @EnumSource(value = VmStatus.class, names = {"DELETING", "DELETED"})
    void aVmOnItsWayOutCannotBeUpdated(VmStatus status) {
        Vm leaving = settled(status, DesiredPower.DELETED);

        assertThatThrownBy(() -> leaving.update(new VmUpdate("web-2", null, null, null), VALIDATOR, COMMANDS, at(1)))
                .isInstanceOf(InvalidTransition.class)
                .hasMessage("cannot update while " + status);
    }
}
