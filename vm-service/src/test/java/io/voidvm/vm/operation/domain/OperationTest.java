package io.voidvm.vm.operation.domain;

import static io.voidvm.vm.lifecycle.domain.TestVms.COMMANDS;
import static io.voidvm.vm.lifecycle.domain.TestVms.NODE;
import static io.voidvm.vm.lifecycle.domain.TestVms.VALIDATOR;
import static io.voidvm.vm.lifecycle.domain.TestVms.at;
import static io.voidvm.vm.lifecycle.domain.TestVms.created;
import static io.voidvm.vm.lifecycle.domain.TestVms.report;
import static io.voidvm.vm.lifecycle.domain.TestVms.settled;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.voidvm.contracts.vm.event.CommandResult;
import io.voidvm.contracts.vm.event.VmStatus;
import io.voidvm.contracts.vm.event.VmStatusChanged;
import io.voidvm.vm.lifecycle.domain.DesiredPower;
import io.voidvm.vm.lifecycle.domain.Vm;
import io.voidvm.vm.lifecycle.domain.VmAction;
import io.voidvm.vm.lifecycle.domain.VmUpdate;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class OperationTest {

    private static final UUID COMMAND_ID = UUID.randomUUID();

    private static Operation open(OperationAction action, Vm vm, UUID commandMessageId) {
        return Operation.open(UUID.randomUUID(), action, vm, "alice", commandMessageId, TestDeadlines.DEADLINES, at(1));
    }

    @Test
    void startSucceedsWhenTheNodeReportsRunningForItsGeneration() {
        Vm starting = settled(VmStatus.STOPPED, DesiredPower.STOPPED).apply(VmAction.START, COMMANDS, at(1)).vm();
        Operation start = open(OperationAction.START, starting, COMMAND_ID);
        assertThat(start.status()).isEqualTo(OperationStatus.PENDING);
        assertThat(start.generation()).isEqualTo(6);

        Vm booting = starting.observe(report(VmStatus.STARTING, 6, at(2)), at(2)).vm();
        Operation progressing = start.track(booting, at(2));
        Vm running = booting.observe(report(VmStatus.RUNNING, 6, at(3)), at(3)).vm();
        Operation done = progressing.track(running, at(3));

        assertThat(progressing.status()).isEqualTo(OperationStatus.RUNNING);
        assertThat(done.status()).isEqualTo(OperationStatus.SUCCEEDED);
        assertThat(done.finishedAt()).isEqualTo(at(3));
        assertThat(done.problem()).isNull();
        assertThat(done.requestedBy()).isEqualTo("alice");
    }

    @Test
    void aFinishedOperationNeverChangesAgain() {
        Vm running = settled(VmStatus.RUNNING, DesiredPower.RUNNING);
        Operation done = open(OperationAction.START, running, null);
        Vm crashed = running.observe(new VmStatusChanged(VmStatus.ERROR, "boom", 5, at(5)), at(5)).vm();

        assertThat(done.status()).isEqualTo(OperationStatus.SUCCEEDED);
        assertThat(done.track(crashed, at(6))).isSameAs(done);
        assertThat(done.onCommandResult(CommandResult.failed(COMMAND_ID, "X", "y"), at(6))).isSameAs(done);
        assertThat(done.fail(new OperationProblem(OperationProblem.TIMED_OUT, "late"), at(6))).isSameAs(done);
    }

    @Test
    void aNoOpStartOnARunningVmSucceedsAtOnce() {
        Vm running = settled(VmStatus.RUNNING, DesiredPower.RUNNING);
        Vm same = running.apply(VmAction.START, COMMANDS, at(1)).vm();

        Operation start = open(OperationAction.START, same, null);

        assertThat(start.status()).isEqualTo(OperationStatus.SUCCEEDED);
    }

    @Test
    void aReportFromANodeThatHasNotAppliedTheOperationsGenerationDoesNotFinishIt() {
        Vm stopping = settled(VmStatus.RUNNING, DesiredPower.RUNNING).apply(VmAction.STOP, COMMANDS, at(1)).vm();
        Operation stop = open(OperationAction.STOP, stopping, COMMAND_ID);
        // a crash report from before the stop was applied
        Vm behind = stopping.observe(new VmStatusChanged(VmStatus.ERROR, "old", 5, at(2)), at(2)).vm();

        assertThat(stop.track(behind, at(2)).status()).isEqualTo(OperationStatus.PENDING);
    }

    @Test
    void anErrorForTheOperationsGenerationFailsItWithTheReason() {
        Vm starting = settled(VmStatus.STOPPED, DesiredPower.STOPPED).apply(VmAction.START, COMMANDS, at(1)).vm();
        Operation start = open(OperationAction.START, starting, COMMAND_ID);
        Vm failed = starting.observe(new VmStatusChanged(VmStatus.ERROR, "qemu exited with 1", 6, at(2)), at(2)).vm();

        Operation after = start.track(failed, at(3));

        assertThat(after.status()).isEqualTo(OperationStatus.FAILED);
        assertThat(after.problem()).isEqualTo(new OperationProblem(OperationProblem.VM_ERROR, "qemu exited with 1"));
        assertThat(after.finishedAt()).isEqualTo(at(3));
    }

    @Test
    void aFailedCommandFailsTheOperationWithTheNodesCode() {
        Vm starting = settled(VmStatus.STOPPED, DesiredPower.STOPPED).apply(VmAction.START, COMMANDS, at(1)).vm();
        Operation start = open(OperationAction.START, starting, COMMAND_ID);

        Operation failed = start.onCommandResult(CommandResult.failed(COMMAND_ID, "QEMU_START_FAILED", null), at(2));

        assertThat(failed.status()).isEqualTo(OperationStatus.FAILED);
        assertThat(failed.problem().code()).isEqualTo("QEMU_START_FAILED");
        assertThat(failed.problem().detail()).isEqualTo("the node could not carry out the command");
    }

    @Test
    void aBusyNodeLeavesADesiredStateActionOpenButFailsAOneShotAction() {
        Vm starting = settled(VmStatus.STOPPED, DesiredPower.STOPPED).apply(VmAction.START, COMMANDS, at(1)).vm();
        Operation start = open(OperationAction.START, starting, COMMAND_ID);
        Vm running = settled(VmStatus.RUNNING, DesiredPower.RUNNING);
        Operation reset = open(OperationAction.RESET, running.apply(VmAction.RESET, COMMANDS, at(1)).vm(), COMMAND_ID);
        CommandResult busy = CommandResult.failed(COMMAND_ID, OperationProblem.AGENT_BUSY, "queue full");

        assertThat(start.onCommandResult(busy, at(2)).status()).isEqualTo(OperationStatus.RUNNING);
        Operation failedReset = reset.onCommandResult(busy, at(2));
        assertThat(failedReset.status()).isEqualTo(OperationStatus.FAILED);
        assertThat(failedReset.problem().code()).isEqualTo(OperationProblem.AGENT_BUSY);
    }

    @Test
    void aSucceededCommandOnlyShowsProgressForADesiredStateAction() {
        Vm starting = settled(VmStatus.STOPPED, DesiredPower.STOPPED).apply(VmAction.START, COMMANDS, at(1)).vm();
        Operation start = open(OperationAction.START, starting, COMMAND_ID);

        assertThat(start.onCommandResult(CommandResult.succeeded(COMMAND_ID), at(2)).status())
                .isEqualTo(OperationStatus.RUNNING);
    }

    @Test
    void aOneShotActionFinishesOnTheResultOfItsOwnCommand() {
        Vm running = settled(VmStatus.RUNNING, DesiredPower.RUNNING);
        Operation reset = open(OperationAction.RESET, running.apply(VmAction.RESET, COMMANDS, at(1)).vm(), COMMAND_ID);
        assertThat(reset.status()).isEqualTo(OperationStatus.PENDING);

        Operation other = reset.onCommandResult(CommandResult.succeeded(UUID.randomUUID()), at(2));
        Operation done = other.onCommandResult(CommandResult.succeeded(COMMAND_ID), at(3));

        assertThat(other.status()).isEqualTo(OperationStatus.RUNNING);
        assertThat(done.status()).isEqualTo(OperationStatus.SUCCEEDED);
        assertThat(done.updatedAt()).isEqualTo(at(3));
    }

    @Test
    void anUpdateThatSentNothingSucceedsAtOnce() {
        Vm described = settled(VmStatus.RUNNING, DesiredPower.RUNNING)
                .update(new VmUpdate(null, "text", null, null), VALIDATOR, COMMANDS, at(1)).vm();

        assertThat(open(OperationAction.UPDATE, described, null).status()).isEqualTo(OperationStatus.SUCCEEDED);
    }

    @Test
    void deletingAnUnplacedVmSucceedsAtOnce() {
        Vm gone = created(DesiredPower.RUNNING).apply(VmAction.DELETE, COMMANDS, at(1)).vm();

        assertThat(open(OperationAction.DELETE, gone, null).status()).isEqualTo(OperationStatus.SUCCEEDED);
    }

    @Test
    void createWaitsForPlacementAndSucceedsWhenTheVmRuns() {
        Vm vm = created(DesiredPower.RUNNING);
        Operation create = open(OperationAction.CREATE, vm, null);
        Vm waiting = vm.unplaceable("no node with 2 free vCPUs (largest free: 1)", at(2));
        assertThat(create.track(waiting, at(2)).status()).isEqualTo(OperationStatus.PENDING);

        Vm placed = waiting.placeOn(NODE, COMMANDS, at(3)).vm();
        Operation placedOp = create.track(placed, at(3));
        Vm onlyDefined = placed.observe(report(VmStatus.STOPPED, 2, at(4)), at(4)).vm();
        Operation defined = placedOp.track(onlyDefined, at(4));
        Vm running = onlyDefined.observe(report(VmStatus.RUNNING, 3, at(5)), at(5)).vm();

        assertThat(placedOp.status()).isEqualTo(OperationStatus.PENDING);
        assertThat(defined.status()).isEqualTo(OperationStatus.RUNNING);
        assertThat(defined.track(running, at(5)).status()).isEqualTo(OperationStatus.SUCCEEDED);
    }

    @Test
    void aLaterRequestForAnotherPowerStateSupersedesTheOperation() {
        Vm starting = settled(VmStatus.STOPPED, DesiredPower.STOPPED).apply(VmAction.START, COMMANDS, at(1)).vm();
        Operation start = open(OperationAction.START, starting, COMMAND_ID);
        Vm stopping = starting.apply(VmAction.STOP, COMMANDS, at(2)).vm();

        Operation after = start.track(stopping, at(2));

        assertThat(after.status()).isEqualTo(OperationStatus.FAILED);
        assertThat(after.problem().code()).isEqualTo(OperationProblem.SUPERSEDED);
        assertThat(after.problem().detail()).contains("STOPPED");
    }

    @Test
    void deletingTheVmEndsEveryOtherOpenOperation() {
        Vm running = settled(VmStatus.RUNNING, DesiredPower.RUNNING);
        Operation reboot = open(OperationAction.REBOOT, running.apply(VmAction.REBOOT, COMMANDS, at(1)).vm(),
                COMMAND_ID);
        Vm deleting = running.apply(VmAction.DELETE, COMMANDS, at(2)).vm();
        Vm gone = deleting.observe(report(VmStatus.DELETED, 7, at(3)), at(3)).vm();

        assertThat(reboot.track(deleting, at(2)).problem().code()).isEqualTo(OperationProblem.SUPERSEDED);
        assertThat(reboot.track(gone, at(3)).problem().code()).isEqualTo(OperationProblem.VM_DELETED);
    }

    @Test
    void theCallerOwnsTheDeadline() {
        Vm starting = settled(VmStatus.STOPPED, DesiredPower.STOPPED).apply(VmAction.START, COMMANDS, at(1)).vm();
        Operation start = open(OperationAction.START, starting, COMMAND_ID);

        Operation expired = start.fail(new OperationProblem(OperationProblem.TIMED_OUT, "no answer in 5 min"), at(9));

        assertThat(expired.status()).isEqualTo(OperationStatus.FAILED);
        assertThat(expired.finishedAt()).isEqualTo(at(9));
    }

    @Test
    void anOperationIsTrackedOnlyAgainstItsOwnVm() {
        Operation start = open(OperationAction.START, settled(VmStatus.RUNNING, DesiredPower.RUNNING), null);

        assertThatThrownBy(() -> start.track(settled(VmStatus.RUNNING, DesiredPower.RUNNING), at(2)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void everyVmActionHasAnOperationAction() {
        for (VmAction action : VmAction.values()) {
            assertThat(OperationAction.of(action).name()).isEqualTo(action.name());
        }
    }

    @Test
    void problemAndFinishTimeGoWithTheStatus() {
        UUID id = UUID.randomUUID();
        assertThatThrownBy(() -> new Operation(id, "t", id, OperationAction.START, OperationStatus.FAILED, "a", 1,
                null, at(30), null, at(0), at(0), at(0))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Operation(id, "t", id, OperationAction.START, OperationStatus.SUCCEEDED, "a", 1,
                null, at(30), null, at(0), at(0), null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Operation(id, "t", id, OperationAction.START, OperationStatus.PENDING, "a", 1,
                null, at(-1), null, at(0), at(0), null)).hasMessageContaining("deadline");
    }
}
