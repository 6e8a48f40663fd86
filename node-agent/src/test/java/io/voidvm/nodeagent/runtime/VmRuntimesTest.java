package io.voidvm.nodeagent.runtime;

import static io.voidvm.contracts.vm.event.VmStatus.DELETED;
import static io.voidvm.contracts.vm.event.VmStatus.ERROR;
import static io.voidvm.contracts.vm.event.VmStatus.PAUSED;
import static io.voidvm.contracts.vm.event.VmStatus.RUNNING;
import static io.voidvm.contracts.vm.event.VmStatus.STARTING;
import static io.voidvm.contracts.vm.event.VmStatus.STOPPED;
import static io.voidvm.contracts.vm.event.VmStatus.STOPPING;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import io.voidvm.contracts.envelope.MessageEnvelope;
import io.voidvm.contracts.vm.command.DefineVm;
import io.voidvm.contracts.vm.command.AttachVolume;
import io.voidvm.contracts.vm.command.DeleteVm;
import io.voidvm.contracts.vm.command.DetachVolume;
import io.voidvm.contracts.vm.command.PauseVm;
import io.voidvm.contracts.vm.command.ResetVm;
import io.voidvm.contracts.vm.command.ResumeVm;
import io.voidvm.contracts.vm.command.StartVm;
import io.voidvm.contracts.vm.command.StopVm;
import io.voidvm.contracts.vm.command.VmCommand;
import io.voidvm.contracts.vm.event.CommandOutcome;
import io.voidvm.contracts.vm.event.CommandResult;
import io.voidvm.contracts.vm.spec.DiskBus;
import io.voidvm.contracts.vm.spec.DiskFormat;
import io.voidvm.contracts.vm.spec.DiskSource;
import io.voidvm.contracts.vm.spec.DiskSpec;
import io.voidvm.contracts.vm.spec.RestartPolicy;
import io.voidvm.contracts.volume.VolumeEvent;
import io.voidvm.contracts.volume.VolumeOperation;
import io.voidvm.nodeagent.runtime.domain.DesiredPower;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The runtime's command handling over a fake hypervisor: effects, results, dedupe, generations, exits. */
class VmRuntimesTest {

    @TempDir
    Path dir;
    RuntimeHarness node;
    final UUID vm = UUID.randomUUID();

    @BeforeEach
    void setUp() {
        node = new RuntimeHarness(dir);
    }

    @AfterEach
    void tearDown() {
        node.close();
    }

    @Test
    void defineThenStartLaunchesQemuPausedAndContinuesIt() {
        UUID define = node.send(vm, new DefineVm(RuntimeHarness.spec(RestartPolicy.NEVER), 1));
        UUID start = node.send(vm, new StartVm(2));

        awaitResult(start, CommandOutcome.SUCCEEDED);
        assertThat(node.events.results(define)).extracting(CommandResult::outcome)
                .containsExactly(CommandOutcome.SUCCEEDED);
        assertThat(node.qemu.launches).hasValue(1);
        assertThat(node.qemu.vm(node.store.paths(vm)).commands).containsExactly("cont");
        // the define reports the VM stopped (unless the start's generation overtook it), then the start runs it
        assertThat(node.events.statusNames(vm)).endsWith(STARTING, RUNNING).doesNotContain(PAUSED);
        assertThat(node.events.lastStatus(vm).generation()).isEqualTo(2);
        assertThat(node.store.load(vm)).get().satisfies(record -> {
            assertThat(record.desired()).isEqualTo(DesiredPower.RUNNING);
            assertThat(record.generation()).isEqualTo(2);
        });
    }

    @Test
    void resultAndStatusCarryTheCommandsOperation() {
        node.send(vm, new DefineVm(RuntimeHarness.spec(RestartPolicy.NEVER), 1));
        MessageEnvelope<VmCommand> start = node.envelope(vm, new StartVm(2));
        node.runtimes.accept(start);

        awaitResult(start.messageId(), CommandOutcome.SUCCEEDED);
        assertThat(node.events.resultsWithContext(start.messageId()).getFirst().context())
                .isEqualTo(EventContext.causedBy(start));
        assertThat(node.events.events)
                .filteredOn(p -> p.event() instanceof io.voidvm.contracts.vm.event.VmStatusChanged status
                        && status.generation() == 2)
                .isNotEmpty()
                .allSatisfy(p -> assertThat(p.context().correlationId()).isEqualTo(start.correlationId()));
    }

    @Test
    void theSameMessageTwiceHasOneEffectAndOneResult() {
        node.send(vm, new DefineVm(RuntimeHarness.spec(RestartPolicy.NEVER), 1));
        MessageEnvelope<VmCommand> start = node.envelope(vm, new StartVm(2));

        assertThat(node.runtimes.accept(start)).isEqualTo(VmRuntimes.Acceptance.QUEUED);
        assertThat(node.runtimes.accept(start)).isEqualTo(VmRuntimes.Acceptance.DUPLICATE);

        awaitResult(start.messageId(), CommandOutcome.SUCCEEDED);
        assertThat(node.qemu.launches).hasValue(1);
        assertThat(node.events.results(start.messageId())).hasSize(1);
    }

    @Test
    void aRedeliveryAfterAnAgentRestartIsStillADuplicate() {
        node.send(vm, new DefineVm(RuntimeHarness.spec(RestartPolicy.NEVER), 1));
        MessageEnvelope<VmCommand> start = node.envelope(vm, new StartVm(2));
        node.runtimes.accept(start);
        awaitResult(start.messageId(), CommandOutcome.SUCCEEDED);

        RuntimeHarness restarted = node.restarted();
        node = restarted;
        node.runtimes.restore(vm).join();

        assertThat(node.runtimes.accept(start)).isEqualTo(VmRuntimes.Acceptance.DUPLICATE);
        assertThat(node.qemu.launches).hasValue(1);
        assertThat(node.events.results(start.messageId())).isEmpty();
    }

    @Test
    void startOnARunningVmSucceedsWithoutEffect() {
        running(RestartPolicy.NEVER);
        UUID again = node.send(vm, new StartVm(3));

        awaitResult(again, CommandOutcome.SUCCEEDED);
        assertThat(node.qemu.launches).hasValue(1);
        assertThat(node.qemu.vm(node.store.paths(vm)).commands).containsExactly("cont");
    }

    @Test
    void aCommandOlderThanTheCurrentGenerationIsAcknowledgedAndIgnored() {
        running(RestartPolicy.NEVER);
        UUID stale = node.send(vm, new StopVm(true, Duration.ZERO, 1));

        awaitResult(stale, CommandOutcome.SUCCEEDED);
        assertThat(node.runtimes.states()).containsEntry(vm, io.voidvm.nodeagent.runtime.domain.VmState.RUNNING);
        assertThat(node.qemu.vm(node.store.paths(vm)).commands).containsExactly("cont");
    }

    @Test
    void gracefulStopFallsBackToForceWhenTheGuestIgnoresAcpi() {
        running(RestartPolicy.ALWAYS);
        UUID stop = node.send(vm, new StopVm(false, Duration.ofMillis(150), 3));

        awaitResult(stop, CommandOutcome.SUCCEEDED);
        assertThat(node.qemu.vm(node.store.paths(vm)).commands).containsExactly("cont", "system_powerdown", "quit");
        assertThat(node.events.statusNames(vm)).endsWith(STOPPING, STOPPED);
        assertThat(node.events.lastStatus(vm).reason()).isEqualTo("guest did not power off within 150 ms; forced stop");
        // a requested stop is not a failure: ALWAYS does not bring it back
        assertThat(node.qemu.launches).hasValue(1);
    }

    @Test
    void gracefulStopOfAnAcpiAwareGuestNeedsNoForce() {
        node.qemu.guestsHandleAcpi = true;
        running(RestartPolicy.NEVER);
        UUID stop = node.send(vm, new StopVm(false, Duration.ofSeconds(5), 3));

        awaitResult(stop, CommandOutcome.SUCCEEDED);
        assertThat(node.qemu.vm(node.store.paths(vm)).commands).containsExactly("cont", "system_powerdown");
        assertThat(node.events.lastStatus(vm).reason()).isEqualTo("guest powered off on request");
    }

    @Test
    void forceStopQuitsAtOnce() {
        running(RestartPolicy.NEVER);
        UUID stop = node.send(vm, new StopVm(true, Duration.ZERO, 3));

        awaitResult(stop, CommandOutcome.SUCCEEDED);
        assertThat(node.qemu.vm(node.store.paths(vm)).commands).containsExactly("cont", "quit");
        assertThat(node.events.lastStatus(vm).status()).isEqualTo(STOPPED);
        assertThat(node.events.lastStatus(vm).reason()).isEqualTo("forced stop");
    }

    @Test
    void pauseResumeAndResetTalkQmp() {
        running(RestartPolicy.NEVER);
        UUID pause = node.send(vm, new PauseVm(3));
        UUID reset = node.send(vm, new ResetVm());
        UUID resume = node.send(vm, new ResumeVm(4));

        awaitResult(resume, CommandOutcome.SUCCEEDED);
        assertThat(node.events.results(pause).getFirst().outcome()).isEqualTo(CommandOutcome.SUCCEEDED);
        assertThat(node.events.results(reset).getFirst().outcome()).isEqualTo(CommandOutcome.SUCCEEDED);
        assertThat(node.qemu.vm(node.store.paths(vm)).commands)
                .containsExactly("cont", "stop", "system_reset", "cont");
        assertThat(node.events.statusNames(vm)).endsWith(RUNNING, PAUSED, RUNNING);
    }

    @Test
    void resetOfAStoppedVmFails() {
        node.send(vm, new DefineVm(RuntimeHarness.spec(RestartPolicy.NEVER), 1));
        UUID reset = node.send(vm, new ResetVm());

        CommandResult result = awaitResult(reset, CommandOutcome.FAILED);
        assertThat(result.errorCode()).isEqualTo("VM_NOT_RUNNING");
    }

    @Test
    void commandsForAnUnknownVmFailButDeletingItSucceeds() {
        UUID start = node.send(vm, new StartVm(1));
        UUID delete = node.send(vm, new DeleteVm(2));

        assertThat(awaitResult(start, CommandOutcome.FAILED).errorCode()).isEqualTo("VM_NOT_DEFINED");
        awaitResult(delete, CommandOutcome.SUCCEEDED);
        assertThat(node.events.lastStatus(vm).status()).isEqualTo(DELETED);
    }

    @Test
    void deleteEndsQemuAndRemovesTheVmDirectory() {
        running(RestartPolicy.ALWAYS);
        Path vmDir = node.store.paths(vm).vmDir();
        assertThat(vmDir.resolve("disks")).isDirectory();
        MessageEnvelope<VmCommand> delete = node.envelope(vm, new DeleteVm(3));
        node.runtimes.accept(delete);

        awaitResult(delete.messageId(), CommandOutcome.SUCCEEDED);
        assertThat(vmDir).doesNotExist();
        assertThat(node.events.lastStatus(vm).status()).isEqualTo(DELETED);
        assertThat(node.qemu.find(node.store.paths(vm))).isEmpty();
        assertThat(node.runtimes.accept(delete)).isEqualTo(VmRuntimes.Acceptance.DUPLICATE);
    }

    @Test
    void aCrashIsReportedAndOnFailureRestartsTheVm() {
        running(RestartPolicy.ON_FAILURE);
        node.qemu.vm(node.store.paths(vm)).crash(9);

        await().atMost(Duration.ofSeconds(5)).until(() -> node.qemu.launches.get() == 2
                && node.events.lastStatus(vm).status() == RUNNING);
        assertThat(node.events.statuses(vm)).anySatisfy(status -> {
            assertThat(status.status()).isEqualTo(ERROR);
            assertThat(status.reason()).isEqualTo("qemu exited unexpectedly: killed by signal 9 (SIGKILL)");
        });
        assertThat(node.events.statuses(vm)).anySatisfy(status ->
                assertThat(status.reason())
                        .isEqualTo("restarted by restart policy ON_FAILURE (restart 1 of 3 within 1m)"));
    }

    @Test
    void aGuestPowerOffIsReportedAndOnFailureLeavesTheVmStopped() {
        running(RestartPolicy.ON_FAILURE);
        node.qemu.vm(node.store.paths(vm)).shutdown(true, "guest-shutdown");

        await().atMost(Duration.ofSeconds(5)).until(() -> node.events.lastStatus(vm).status() == STOPPED);
        assertThat(node.events.lastStatus(vm).reason()).isEqualTo("guest powered off");
        assertThat(node.store.load(vm).orElseThrow().halted()).isTrue();

        node.runtimes.reconcileAll().join();
        assertThat(node.qemu.launches).hasValue(1);
    }

    @Test
    void aGuestPanicIsACrash() {
        running(RestartPolicy.NEVER);
        node.qemu.vm(node.store.paths(vm)).emit("GUEST_PANICKED",
                tools.jackson.databind.node.JsonNodeFactory.instance.objectNode().put("action", "pause"));

        await().atMost(Duration.ofSeconds(5)).until(() -> node.events.lastStatus(vm).status() == ERROR);
        assertThat(node.events.lastStatus(vm).reason()).isEqualTo("guest panicked");
        assertThat(node.qemu.vm(node.store.paths(vm)).commands).endsWith("quit");
        assertThat(node.qemu.launches).hasValue(1);
    }

    @Test
    void aSpecThisNodeCannotRunFailsTheStart() {
        node.send(vm, new DefineVm(RuntimeHarness.spec(RestartPolicy.NEVER,
                new DiskSource.Image(UUID.randomUUID(), "a".repeat(64))), 1));
        UUID start = node.send(vm, new StartVm(2));

        assertThat(awaitResult(start, CommandOutcome.FAILED).errorCode()).isEqualTo("UNSUPPORTED_SPEC");
        assertThat(node.events.lastStatus(vm).status()).isEqualTo(ERROR);
        assertThat(node.qemu.launches).hasValue(0);
    }

    @Test
    void aVolumeAttachedToAStoppedVmIsOnlyRecordedAndDetachIsIdempotent() {
        node.send(vm, new DefineVm(RuntimeHarness.spec(RestartPolicy.NEVER), 1));
        UUID volume = UUID.randomUUID();
        DiskSpec data = new DiskSpec("data", new DiskSource.Volume(volume, "default"), DiskFormat.QCOW2,
                DiskBus.VIRTIO, null, false);

        awaitResult(node.send(vm, new AttachVolume(data)), CommandOutcome.SUCCEEDED);
        awaitResult(node.send(vm, new AttachVolume(data)), CommandOutcome.SUCCEEDED);
        DiskSpec other = new DiskSpec("data", new DiskSource.Volume(UUID.randomUUID(), "default"), DiskFormat.QCOW2,
                DiskBus.VIRTIO, null, false);
        assertThat(awaitResult(node.send(vm, new AttachVolume(other)), CommandOutcome.FAILED).errorCode())
                .isEqualTo("DISK_ID_IN_USE");

        assertThat(node.store.load(vm).orElseThrow().spec().disks()).extracting(DiskSpec::id)
                .containsExactly("root", "data");
        assertThat(node.store.load(vm).orElseThrow().generation()).isEqualTo(1);
        assertThat(node.qemu.launches).hasValue(0);

        awaitResult(node.send(vm, new DetachVolume("data", volume)), CommandOutcome.SUCCEEDED);
        awaitResult(node.send(vm, new DetachVolume("data", volume)), CommandOutcome.SUCCEEDED);
        assertThat(node.store.load(vm).orElseThrow().spec().disks()).extracting(DiskSpec::id).containsExactly("root");
        assertThat(node.volumeEvents).extracting(VolumeEvent::operation, VolumeEvent::outcome, VolumeEvent::vmId)
                .containsExactly(
                        tuple(VolumeOperation.ATTACH, CommandOutcome.SUCCEEDED, vm),
                        tuple(VolumeOperation.ATTACH, CommandOutcome.SUCCEEDED, vm),
                        tuple(VolumeOperation.ATTACH, CommandOutcome.FAILED, vm),
                        tuple(VolumeOperation.DETACH, CommandOutcome.SUCCEEDED, vm),
                        tuple(VolumeOperation.DETACH, CommandOutcome.SUCCEEDED, vm));
    }

    @Test
    void aVolumeDiskWithoutStoragePoolsFailsTheStart() {
        node.send(vm, new DefineVm(RuntimeHarness.spec(RestartPolicy.NEVER,
                new DiskSource.Volume(UUID.randomUUID(), "default")), 1));
        UUID start = node.send(vm, new StartVm(2));

        assertThat(awaitResult(start, CommandOutcome.FAILED).errorCode()).isEqualTo("UNSUPPORTED_SPEC");
        assertThat(node.qemu.launches).hasValue(0);
    }

    @Test
    void aLaunchFailureIsReportedWithQemusWords() {
        node.send(vm, new DefineVm(RuntimeHarness.spec(RestartPolicy.ALWAYS), 1));
        node.qemu.failNextLaunch = "could not open disk image";
        UUID start = node.send(vm, new StartVm(2));

        CommandResult result = awaitResult(start, CommandOutcome.FAILED);
        assertThat(result.errorCode()).isEqualTo("QEMU_START_FAILED");
        assertThat(result.errorDetail()).contains("could not open disk image");
        assertThat(node.events.lastStatus(vm).reason()).contains("qemu failed to start");
    }

    @Test
    void afterAnAgentRestartALiveQemuIsReattachedAndReportedRunning() {
        running(RestartPolicy.NEVER);
        node = node.restarted();

        node.runtimes.restore(vm).join();

        assertThat(node.events.lastStatus(vm).status()).isEqualTo(RUNNING);
        assertThat(node.events.lastStatus(vm).reason()).isEqualTo(VmRuntime.REATTACHED);
        assertThat(node.events.lastStatus(vm).generation()).isEqualTo(2);
        assertThat(node.qemu.launches).hasValue(1);
        assertThat(node.qemu.vm(node.store.paths(vm)).commands).endsWith("query-status");
    }

    @Test
    void afterAnAgentRestartADeadQemuIsReportedAndRestartedByPolicy() throws Exception {
        running(RestartPolicy.ON_FAILURE);
        RuntimeHarness old = node;
        node = node.restarted();
        old.qemu.vm(old.store.paths(vm)).crash(9);
        // QEMU killed: its pidfile stays behind
        Files.writeString(node.store.paths(vm).pidFile(), "4242\n");

        node.runtimes.restore(vm).join();

        assertThat(node.events.statuses(vm).getFirst().status()).isEqualTo(ERROR);
        assertThat(node.events.statuses(vm).getFirst().reason()).isEqualTo("qemu not running after agent restart");
        assertThat(node.events.lastStatus(vm).status()).isEqualTo(RUNNING);
        assertThat(node.qemu.launches).hasValue(2);
    }

    @Test
    void afterAnAgentRestartACleanlyStoppedQemuStaysStoppedUnderOnFailure() {
        running(RestartPolicy.ON_FAILURE);
        RuntimeHarness old = node;
        node = node.restarted();
        old.qemu.vm(old.store.paths(vm)).shutdown(true, "guest-shutdown");

        node.runtimes.restore(vm).join();

        assertThat(node.events.statusNames(vm)).containsExactly(STOPPED);
        assertThat(node.qemu.launches).hasValue(1);
    }

    @Test
    void aResyncAppliesOnlyNewerDesiredState() {
        running(RestartPolicy.NEVER);
        var current = node.store.load(vm).orElseThrow();

        node.runtimes.resync(current.withDesired(DesiredPower.STOPPED, 2), node.runtimes.mark(), true).join();
        assertThat(node.runtimes.states()).containsEntry(vm, io.voidvm.nodeagent.runtime.domain.VmState.RUNNING);

        node.runtimes.resync(current.withDesired(DesiredPower.STOPPED, 3), node.runtimes.mark(), true).join();
        assertThat(node.runtimes.states()).containsEntry(vm, io.voidvm.nodeagent.runtime.domain.VmState.STOPPED);
        assertThat(node.store.load(vm).orElseThrow().generation()).isEqualTo(3);
    }

    private void running(RestartPolicy policy) {
        node.running(vm, policy);
    }

    private CommandResult awaitResult(UUID commandId, CommandOutcome outcome) {
        return node.awaitResult(commandId, outcome);
    }
}
