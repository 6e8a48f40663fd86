package io.voidvm.vm.lifecycle.domain;

import static io.voidvm.vm.lifecycle.domain.TestVms.COMMANDS;
import static io.voidvm.vm.lifecycle.domain.TestVms.NODE;
import static io.voidvm.vm.lifecycle.domain.TestVms.VALIDATOR;
import static io.voidvm.vm.lifecycle.domain.TestVms.at;
import static io.voidvm.vm.lifecycle.domain.TestVms.created;
import static io.voidvm.vm.lifecycle.domain.TestVms.report;
import static io.voidvm.vm.lifecycle.domain.TestVms.settled;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.voidvm.contracts.vm.command.DeleteVm;
import io.voidvm.contracts.vm.command.StopVm;
import io.voidvm.contracts.vm.event.VmStatus;
import io.voidvm.vm.lifecycle.domain.Observation.Outcome;
import io.voidvm.vm.operation.domain.Operation;
import io.voidvm.vm.operation.domain.OperationAction;
import io.voidvm.vm.operation.domain.OperationDeadlines;
import io.voidvm.vm.operation.domain.OperationProblem;
import io.voidvm.vm.operation.domain.OperationStatus;
import io.voidvm.vm.operation.domain.TestDeadlines;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A VM whose node stops sending heartbeats: UNKNOWN, what it still allows, and how the node's reports end it. */
class VmNodeLossTest {

    private static final OperationDeadlines DEADLINES = TestDeadlines.DEADLINES;
    private static final String LOST = "node node-a has not sent a heartbeat for 45 s";

    private final Vm running = settled(VmStatus.RUNNING, DesiredPower.RUNNING);
    private final Vm unknown = running.nodeLost(LOST, at(50));

    @Test
    void aLostNodesVmIsUnknownWithTheReasonAndKeepsItsGenerations() {
        assertThat(unknown.status()).isEqualTo(VmStatus.UNKNOWN);
        assertThat(unknown.statusReason()).isEqualTo(LOST);
        assertThat(unknown.desiredPower()).isEqualTo(DesiredPower.RUNNING);
        assertThat(unknown.nodeName()).isEqualTo(NODE);
        assertThat(unknown.generation()).isEqualTo(running.generation());
        assertThat(unknown.observedGeneration()).isEqualTo(running.observedGeneration());
        assertThat(unknown.observedAt()).isEqualTo(running.observedAt());
        assertThat(unknown.updatedAt()).isEqualTo(at(50));
        // once is enough, and an unplaced VM has no node to lose
        assertThat(unknown.nodeLost("later", at(60))).isSameAs(unknown);
        Vm unplaced = created(DesiredPower.RUNNING);
        assertThat(unplaced.nodeLost(LOST, at(50))).isSameAs(unplaced);
    }

    @Test
    void whenTheNodeIsBackAnUnknownVmSaysItWaitsForTheReport() {
        Vm waiting = unknown.nodeBack("node node-a is ready again; waiting for its report on this VM", at(70));

        assertThat(waiting.status()).isEqualTo(VmStatus.UNKNOWN);
        assertThat(waiting.statusReason()).contains("ready again");
        assertThat(running.nodeBack("back", at(70))).isSameAs(running);
    }

    @Test
    void theNodesNextReportReplacesUnknown() {
        // an agent that restarts re-reports every VM at the generation it has applied, observed now
        Observation seen = unknown.observe(report(VmStatus.RUNNING, 5, at(80)), at(81));

        assertThat(seen.outcome()).isEqualTo(Outcome.APPLIED);
        assertThat(seen.vm().status()).isEqualTo(VmStatus.RUNNING);
        assertThat(seen.vm().statusReason()).isNull();
    }

    @Test
    void aReportObservedBeforeTheLossStillReplacesUnknown() {
        // the same observation again (same generation and time): not news before the loss, but it is now
        Observation seen = unknown.observe(report(VmStatus.STOPPED, 5, running.observedAt()), at(81));

        assertThat(seen.outcome()).isEqualTo(Outcome.APPLIED);
        assertThat(seen.vm().status()).isEqualTo(VmStatus.STOPPED);
    }

    @Test
    void onlyDeleteIsAllowedAndARefusalNamesTheNode() {
        for (VmAction action : new VmAction[] {VmAction.START, VmAction.STOP, VmAction.FORCE_STOP, VmAction.PAUSE,
                VmAction.RESUME, VmAction.RESET, VmAction.REBOOT}) {
            assertThatThrownBy(() -> unknown.apply(action, COMMANDS, at(60)))
                    .isInstanceOf(InvalidTransition.class)
                    .hasMessage("cannot " + action.verb() + " while UNKNOWN: " + LOST
                            + "; only delete is possible until node node-a reports the VM again");
        }
        assertThatThrownBy(() -> unknown.update(new VmUpdate("renamed", null, null, null), VALIDATOR, COMMANDS,
                at(60))).isInstanceOf(InvalidTransition.class).hasMessageContaining("node node-a");
    }

    @Test
    void aDeleteIsRecordedAndWaitsForTheNodeAsUnknown() {
        VmTransition deleted = unknown.apply(VmAction.DELETE, COMMANDS, at(60));

        assertThat(deleted.vm().desiredPower()).isEqualTo(DesiredPower.DELETED);
        assertThat(deleted.vm().status()).isEqualTo(VmStatus.UNKNOWN);
        assertThat(deleted.vm().statusReason()).isEqualTo(LOST);
        assertThat(deleted.commands()).hasExactlyElementsOfTypes(StopVm.class, DeleteVm.class);
        assertThat(deleted.vm().apply(VmAction.DELETE, COMMANDS, at(61)).noOp()).isTrue();
    }

    @Test
    void aNodeBackFromBehindShowsTheDeletionUnderWayInsteadOfUnknown() {
        Vm deleting = unknown.apply(VmAction.DELETE, COMMANDS, at(60)).vm();

        // the node restarted and re-reports what it had applied before the delete was sent
        Observation seen = deleting.observe(report(VmStatus.RUNNING, 5, at(80)), at(81));

        assertThat(seen.outcome()).isEqualTo(Outcome.LAGGING);
        assertThat(seen.vm().status()).isEqualTo(VmStatus.DELETING);
        assertThat(seen.vm().observedGeneration()).isEqualTo(5);
        // then it applies the delete and the VM goes as usual
        Vm gone = seen.vm().observe(report(VmStatus.DELETED, 7, at(82)), at(82)).vm();
        assertThat(gone.isGone()).isTrue();
    }

    @Test
    void aForcedDeleteRemovesTheVmAtOnceAndEndsItsOpenOperations() {
        Vm deleting = unknown.apply(VmAction.DELETE, COMMANDS, at(60)).vm();
        Operation delete = Operation.open(UUID.randomUUID(), OperationAction.DELETE, deleting, "alice",
                UUID.randomUUID(), DEADLINES, at(60));

        Vm gone = deleting.forceDeleted(at(90));
        Operation forced = Operation.open(UUID.randomUUID(), OperationAction.FORCE_DELETE, gone, "admin", null,
                DEADLINES, at(90));

        assertThat(gone.isGone()).isTrue();
        assertThat(gone.nodeName()).isNull();
        assertThat(gone.desiredPower()).isEqualTo(DesiredPower.DELETED);
        assertThat(forced.status()).isEqualTo(OperationStatus.SUCCEEDED);
        assertThat(delete.status()).isEqualTo(OperationStatus.PENDING);
        assertThat(delete.track(gone, at(90)).status()).as("the user's delete is done")
                .isEqualTo(OperationStatus.SUCCEEDED);
    }

    @Test
    void aForcedDeleteFailsAStartThatWaitedForTheLostNode() {
        Vm starting = settled(VmStatus.STOPPED, DesiredPower.STOPPED).apply(VmAction.START, COMMANDS, at(1)).vm();
        Operation start = Operation.open(UUID.randomUUID(), OperationAction.START, starting, "alice",
                UUID.randomUUID(), DEADLINES, at(1));

        Operation after = start.track(starting.nodeLost(LOST, at(50)).forceDeleted(at(90)), at(90));

        assertThat(after.status()).isEqualTo(OperationStatus.FAILED);
        assertThat(after.problem().code()).isEqualTo(OperationProblem.VM_DELETED);
    }
}
