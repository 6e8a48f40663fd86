package io.voidvm.vm.lifecycle.domain;

import static io.voidvm.vm.lifecycle.domain.TestVms.COMMANDS;
import static io.voidvm.vm.lifecycle.domain.TestVms.NODE;
import static io.voidvm.vm.lifecycle.domain.TestVms.STOP_TIMEOUT;
import static io.voidvm.vm.lifecycle.domain.TestVms.VALIDATOR;
import static io.voidvm.vm.lifecycle.domain.TestVms.at;
import static io.voidvm.vm.lifecycle.domain.TestVms.created;
import static io.voidvm.vm.lifecycle.domain.TestVms.settled;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.voidvm.contracts.vm.command.DefineVm;
import io.voidvm.contracts.vm.command.DeleteVm;
import io.voidvm.contracts.vm.command.ResetVm;
import io.voidvm.contracts.vm.command.StartVm;
import io.voidvm.contracts.vm.command.StopVm;
import io.voidvm.contracts.vm.event.VmStatus;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class VmTest {

    @Test
    void aNewVmIsPendingUnplacedAtGenerationOne() {
        Vm vm = Vm.create(UUID.randomUUID(), "acme", TestVms.newVm(), DesiredPower.RUNNING, VALIDATOR, at(0));

        assertThat(vm.status()).isEqualTo(VmStatus.PENDING);
        assertThat(vm.desiredPower()).isEqualTo(DesiredPower.RUNNING);
        assertThat(vm.nodeName()).isNull();
        assertThat(vm.generation()).isEqualTo(1);
        assertThat(vm.observedGeneration()).isZero();
        assertThat(vm.name()).isEqualTo("web-1");
    }

    @Test
    void aNewVmWithoutDescriptionOrNetworksGetsEmptyOnes() {
        NewVm spec = new NewVm("db", null, 1, 64L, 1, null, null, io.voidvm.contracts.vm.spec.OsType.OTHER);

        Vm vm = Vm.create(UUID.randomUUID(), "acme", spec, DesiredPower.STOPPED, VALIDATOR, at(0));

        assertThat(vm.description()).isEmpty();
        assertThat(vm.networkIds()).isEmpty();
    }

    @Test
    void anInvalidSpecIsRefusedWithEveryViolation() {
        NewVm spec = new NewVm("Web_1", null, 0, 32L, 4096, null, null, null);

        assertThatThrownBy(() -> Vm.create(UUID.randomUUID(), "acme", spec, DesiredPower.STOPPED, VALIDATOR, at(0)))
                .isInstanceOfSatisfying(InvalidVmSpec.class, e -> assertThat(e.violations())
                        .extracting(SpecViolation::field)
                        .containsExactly("name", "cpuCores", "memoryMb", "diskSizeGb"));
    }

    @Test
    void aNewVmWithoutImageDiskOrOsTypeHasNoDiskAndIsOther() {
        NewVm spec = new NewVm("pxe", null, 1, 64L, null, null, null, null);

        Vm vm = Vm.create(UUID.randomUUID(), "acme", spec, DesiredPower.STOPPED, VALIDATOR, at(0));

        assertThat(vm.diskSizeGb()).isNull();
        assertThat(vm.imageId()).isNull();
        assertThat(vm.osType()).isEqualTo(io.voidvm.contracts.vm.spec.OsType.OTHER);
    }

    @Test
    void aNewVmIsEitherRunningOrStopped() {
        assertThatThrownBy(() -> created(DesiredPower.PAUSED)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void placingAVmThatShouldRunDefinesAndStartsItWithRisingGenerations() {
        VmTransition placed = created(DesiredPower.RUNNING).unplaceable("no node with 2 free vCPUs", at(1))
                .placeOn(NODE, COMMANDS, at(2));

        assertThat(placed.vm().nodeName()).isEqualTo(NODE);
        assertThat(placed.vm().status()).isEqualTo(VmStatus.STARTING);
        assertThat(placed.vm().statusReason()).isNull();
        assertThat(placed.vm().generation()).isEqualTo(3);
        assertThat(placed.commands()).hasSize(2);
        assertThat(placed.commands().get(0)).isInstanceOfSatisfying(DefineVm.class, define -> {
            assertThat(define.generation()).isEqualTo(2);
            assertThat(define.spec().cpuCores()).isEqualTo(2);
        });
        assertThat(placed.commands().get(1)).isEqualTo(new StartVm(3));
    }

    @Test
    void placingAVmThatShouldStayStoppedOnlyDefinesItAndWaitsForTheNode() {
        VmTransition placed = created(DesiredPower.STOPPED).placeOn(NODE, COMMANDS, at(2));

        assertThat(placed.vm().status()).isEqualTo(VmStatus.PENDING);
        assertThat(placed.commands()).singleElement().isInstanceOf(DefineVm.class);
        assertThat(placed.vm().generation()).isEqualTo(2);
    }

    @Test
    void aVmIsPlacedOnlyOnce() {
        Vm placed = created(DesiredPower.STOPPED).placeOn(NODE, COMMANDS, at(1)).vm();

        assertThatThrownBy(() -> placed.placeOn("node-b", COMMANDS, at(2))).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> placed.unplaceable("full", at(2))).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void anUnplaceableReasonIsStoredOnceAndTheVmStaysPending() {
        Vm vm = created(DesiredPower.RUNNING);
        Vm waiting = vm.unplaceable("no schedulable node: all cordoned", at(1));

        assertThat(waiting.statusReason()).isEqualTo("no schedulable node: all cordoned");
        assertThat(waiting.status()).isEqualTo(VmStatus.PENDING);
        assertThat(waiting.updatedAt()).isEqualTo(at(1));
        assertThat(waiting.unplaceable("no schedulable node: all cordoned", at(2))).isSameAs(waiting);
    }

    @Test
    void anActionOnAnUnplacedVmChangesDesiredStateButSendsNothing() {
        VmTransition started = created(DesiredPower.STOPPED).apply(VmAction.START, COMMANDS, at(1));

        assertThat(started.noOp()).isFalse();
        assertThat(started.commands()).isEmpty();
        assertThat(started.vm().desiredPower()).isEqualTo(DesiredPower.RUNNING);
        assertThat(started.vm().status()).isEqualTo(VmStatus.PENDING);
        assertThat(started.vm().generation()).isEqualTo(2);
    }

    @Test
    void deletingAnUnplacedVmRemovesItAtOnce() {
        VmTransition deleted = created(DesiredPower.RUNNING).apply(VmAction.DELETE, COMMANDS, at(1));

        assertThat(deleted.vm().isGone()).isTrue();
        assertThat(deleted.commands()).isEmpty();
    }

    @Test
    void stopSendsAGracefulStopAndForceStopAForcedOne() {
        Vm running = settled(VmStatus.RUNNING, DesiredPower.RUNNING);

        VmTransition stop = running.apply(VmAction.STOP, COMMANDS, at(1));
        VmTransition forced = running.apply(VmAction.FORCE_STOP, COMMANDS, at(1));

        assertThat(stop.commands()).containsExactly(new StopVm(false, STOP_TIMEOUT, 6));
        assertThat(forced.commands()).containsExactly(new StopVm(true, Duration.ZERO, 6));
        assertThat(stop.vm().status()).isEqualTo(VmStatus.STOPPING);
        assertThat(stop.vm().desiredPower()).isEqualTo(DesiredPower.STOPPED);
        assertThat(stop.vm().generation()).isEqualTo(6);
        assertThat(stop.vm().updatedAt()).isEqualTo(at(1));
    }

    @Test
    void deleteStopsFirstThenRemoves() {
        VmTransition delete = settled(VmStatus.RUNNING, DesiredPower.RUNNING).apply(VmAction.DELETE, COMMANDS, at(1));

        assertThat(delete.commands()).containsExactly(new StopVm(false, STOP_TIMEOUT, 6), new DeleteVm(7));
        assertThat(delete.vm().status()).isEqualTo(VmStatus.DELETING);
        assertThat(delete.vm().generation()).isEqualTo(7);
        assertThat(delete.vm().isGone()).isFalse();
    }

    @Test
    void aOneShotActionKeepsGenerationAndDesiredState() {
        VmTransition reset = settled(VmStatus.RUNNING, DesiredPower.RUNNING).apply(VmAction.RESET, COMMANDS, at(1));

        assertThat(reset.commands()).containsExactly(new ResetVm());
        assertThat(reset.vm().generation()).isEqualTo(5);
        assertThat(reset.vm().status()).isEqualTo(VmStatus.RUNNING);
    }

    @Test
    void startingARunningVmSucceedsDoingNothing() {
        Vm running = settled(VmStatus.RUNNING, DesiredPower.RUNNING);

        VmTransition start = running.apply(VmAction.START, COMMANDS, at(1));

        assertThat(start.noOp()).isTrue();
        assertThat(start.vm()).isSameAs(running);
        assertThat(start.commands()).isEmpty();
    }

    @Test
    void stoppingAVmThatStoppedOnItsOwnStillTellsTheNode() {
        // the guest powered off while the user wanted it running; stop must make that the desired state too
        Vm poweredOff = settled(VmStatus.STOPPED, DesiredPower.RUNNING);

        VmTransition stop = poweredOff.apply(VmAction.STOP, COMMANDS, at(1));

        assertThat(stop.noOp()).isFalse();
        assertThat(stop.vm().desiredPower()).isEqualTo(DesiredPower.STOPPED);
        assertThat(stop.commands()).containsExactly(new StopVm(false, STOP_TIMEOUT, 6));
    }

    @Test
    void aNewStatusClearsTheOldReason() {
        Vm failed = withReason(settled(VmStatus.ERROR, DesiredPower.RUNNING), "guest panicked");

        assertThat(failed.apply(VmAction.START, COMMANDS, at(1)).vm().statusReason()).isNull();
    }

    @Test
    void aRefusedActionChangesNothingAndNamesTheStatus() {
        Vm stopped = settled(VmStatus.STOPPED, DesiredPower.STOPPED);

        assertThatThrownBy(() -> stopped.apply(VmAction.RESUME, COMMANDS, at(1)))
                .isInstanceOf(InvalidTransition.class)
                .hasMessage("cannot resume while STOPPED");
    }

    @Test
    void updateIsNotAPowerAction() {
        assertThatThrownBy(() -> settled(VmStatus.RUNNING, DesiredPower.RUNNING).apply(VmAction.UPDATE, COMMANDS,
                at(1))).isInstanceOf(IllegalArgumentException.class);
    }

    static Vm withReason(Vm vm, String reason) {
        return new Vm(vm.id(), vm.tenantId(), vm.name(), vm.description(), vm.cpuCores(), vm.memoryMb(),
                vm.diskSizeGb(), vm.imageId(), vm.bootVolume(), vm.networkIds(), vm.osType(), vm.desiredPower(),
                vm.status(), reason, vm.nodeName(), vm.generation(), vm.observedGeneration(), vm.observedAt(),
                vm.version(), vm.createdAt(), vm.updatedAt());
    }
}
