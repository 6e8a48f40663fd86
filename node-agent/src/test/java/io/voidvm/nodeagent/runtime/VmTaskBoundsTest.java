package io.voidvm.nodeagent.runtime;

import static io.voidvm.contracts.vm.event.VmStatus.ERROR;
import static io.voidvm.contracts.vm.event.VmStatus.PAUSED;
import static io.voidvm.contracts.vm.event.VmStatus.STOPPED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.voidvm.contracts.vm.command.AttachVolume;
import io.voidvm.contracts.vm.command.DefineVm;
import io.voidvm.contracts.vm.command.ResetVm;
import io.voidvm.contracts.vm.command.StartVm;
import io.voidvm.contracts.vm.command.StopVm;
import io.voidvm.contracts.vm.event.CommandOutcome;
import io.voidvm.contracts.vm.event.CommandResult;
import io.voidvm.contracts.vm.event.VmStatus;
import io.voidvm.contracts.vm.spec.DiskBus;
import io.voidvm.contracts.vm.spec.DiskFormat;
import io.voidvm.contracts.vm.spec.DiskSource;
import io.voidvm.contracts.vm.spec.DiskSpec;
import io.voidvm.contracts.vm.spec.RestartPolicy;
import io.voidvm.contracts.volume.VolumeOperation;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * A VM whose executor is stuck in a QMP call (the fake QEMU holds every command) while work piles up: the queue
 * stays bounded, what is refused is answered, and what QEMU said meanwhile is not lost.
 */
class VmTaskBoundsTest {

    private static final int CAPACITY = 4;
    private static final Duration WAIT = Duration.ofSeconds(10);

    @TempDir
    Path dir;
    RuntimeHarness node;
    final UUID vm = UUID.randomUUID();
    FakeQemu.Vm qemu;
    final CountDownLatch release = new CountDownLatch(1);

    @BeforeEach
    void runningVmWithAStuckExecutor() {
        node = new RuntimeHarness(dir, CAPACITY);
        node.send(vm, new DefineVm(RuntimeHarness.spec(RestartPolicy.NEVER), 1));
        UUID start = node.send(vm, new StartVm(2));
        await().atMost(WAIT).until(() -> !node.events.results(start).isEmpty());
        qemu = node.qemu.vm(node.store.paths(vm));
        qemu.holdCommands = release;
        int before = qemu.commands.size();
        node.send(vm, new ResetVm());
        // the reset's system_reset now hangs: everything after it waits
        await().atMost(WAIT).until(() -> qemu.commands.size() > before);
    }

    @AfterEach
    void tearDown() {
        release.countDown();
        node.close();
    }

    @Test
    void aStopBeyondTheQueueIsAnsweredAgentBusyAndTheVmStillConverges() {
        List<UUID> resets = new java.util.ArrayList<>();
        for (int i = 0; i < CAPACITY; i++) {
            resets.add(node.send(vm, new ResetVm()));
        }

        UUID stop = node.send(vm, new StopVm(true, Duration.ZERO, 3));

        CommandResult busy = node.events.results(stop).getFirst();
        assertThat(busy.outcome()).isEqualTo(CommandOutcome.FAILED);
        assertThat(busy.errorCode()).isEqualTo("AGENT_BUSY");
        assertThat(busy.errorDetail()).contains("generation 3", "reconcile pass");
        assertThat(node.store.load(vm).orElseThrow().generation()).isEqualTo(3);

        release.countDown();
        // the queued resets run, then the reconcile pass queued by the refusal stops the VM
        await().atMost(WAIT).until(() -> node.events.lastStatus(vm).status() == STOPPED);
        assertThat(node.events.lastStatus(vm).generation()).isEqualTo(3);
        assertThat(resets).allSatisfy(reset -> assertThat(node.events.results(reset))
                .extracting(CommandResult::outcome).containsExactly(CommandOutcome.SUCCEEDED));
        assertThat(node.events.results(stop)).hasSize(1);
        assertThat(node.qemu.find(node.store.paths(vm))).isEmpty();
    }

    @Test
    void aRefusedAttachAnswersItsVolumeToo() {
        for (int i = 0; i < CAPACITY; i++) {
            node.send(vm, new ResetVm());
        }
        UUID volume = UUID.randomUUID();

        UUID attach = node.send(vm, new AttachVolume(new DiskSpec("data", new DiskSource.Volume(volume, "default"),
                DiskFormat.QCOW2, DiskBus.VIRTIO, null, false)));

        assertThat(node.events.results(attach)).extracting(CommandResult::errorCode).containsExactly("AGENT_BUSY");
        assertThat(node.volumeEvents).singleElement().satisfies(event -> {
            assertThat(event.volumeId()).isEqualTo(volume);
            assertThat(event.operation()).isEqualTo(VolumeOperation.ATTACH);
            assertThat(event.outcome()).isEqualTo(CommandOutcome.FAILED);
            assertThat(event.errorCode()).isEqualTo("AGENT_BUSY");
        });
    }

    @Test
    void aFloodOfLifecycleEventsIsCoalescedIntoOneStatusRefresh() {
        for (int i = 0; i < 500; i++) {
            qemu.emit(i % 2 == 0 ? "STOP" : "RESUME", JsonNodeFactory.instance.objectNode());
        }
        qemu.runState = "paused";
        int statusesBefore = node.events.statuses(vm).size();

        release.countDown();

        await().atMost(WAIT).until(() -> node.events.lastStatus(vm).status() == PAUSED
                && qemu.commands.contains("query-status"));
        List<VmStatus> changes = node.events.statusNames(vm).subList(statusesBefore, node.events.statuses(vm).size());
        // at most half the queue held events; the refresh read the rest from query-status
        assertThat(changes).hasSizeLessThanOrEqualTo(CAPACITY / 2 + 1).endsWith(PAUSED);
    }

    @Test
    void aPanicAmongAFloodOfEventsIsNotLost() {
        for (int i = 0; i < 50; i++) {
            qemu.emit("RESUME", JsonNodeFactory.instance.objectNode());
        }
        // QEMU's panic action "run": the guest goes on, only the event tells
        qemu.emit("GUEST_PANICKED", JsonNodeFactory.instance.objectNode().put("action", "run"));

        release.countDown();

        await().atMost(WAIT).until(() -> node.events.lastStatus(vm).status() == ERROR);
        assertThat(node.events.lastStatus(vm).reason()).isEqualTo("guest panicked");
        assertThat(qemu.commands).endsWith("quit");
    }

    @Test
    void eventsDroppedByTheQmpClientAreReadBackFromQemu() {
        qemu.runState = "paused";
        qemu.dropEvents(1_000);

        release.countDown();

        await().atMost(WAIT).until(() -> node.events.lastStatus(vm).status() == PAUSED);
        assertThat(node.events.lastStatus(vm).reason()).isEqualTo("paused by qemu");
    }
}
