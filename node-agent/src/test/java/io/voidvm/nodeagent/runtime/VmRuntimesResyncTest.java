package io.voidvm.nodeagent.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.voidvm.contracts.vm.command.DefineVm;
import io.voidvm.contracts.vm.command.StartVm;
import io.voidvm.contracts.vm.command.StopVm;
import io.voidvm.contracts.vm.event.CommandOutcome;
import io.voidvm.contracts.vm.event.VmStatus;
import io.voidvm.contracts.vm.event.VmStatusChanged;
import io.voidvm.contracts.vm.spec.RestartPolicy;
import io.voidvm.nodeagent.runtime.domain.DesiredPower;
import io.voidvm.nodeagent.runtime.domain.LocalVm;
import io.voidvm.nodeagent.runtime.domain.VmRecord;
import io.voidvm.nodeagent.runtime.domain.VmState;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** vm-service's desired state applied by the resync, and strays destroyed, over the fake hypervisor (ADR 0011). */
class VmRuntimesResyncTest {

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
    void aGenerationVmServiceNeverIssuedIsReplacedByItsOwnButOneAdoptedAfterTheFetchStartedStays() {
        node.running(vm, RestartPolicy.NEVER);
        var issued = node.store.load(vm).orElseThrow();
        long fetchStarted = node.runtimes.mark();
        UUID forged = node.send(vm, new StopVm(true, Duration.ZERO, 50));
        node.awaitResult(forged, CommandOutcome.SUCCEEDED);

        // a fetch that started before the forged command cannot judge it: it came after
        node.runtimes.resync(issued, fetchStarted, true).join();
        assertThat(node.store.load(vm).orElseThrow().generation()).isEqualTo(50);

        // one that started after it can: vm-service is at 2, so 50 was never issued
        node.runtimes.resync(issued, node.runtimes.mark(), true).join();
        assertThat(node.store.load(vm).orElseThrow().generation()).isEqualTo(2);
        assertThat(node.runtimes.states()).containsEntry(vm, VmState.RUNNING);
        assertThat(node.events.lastStatus(vm).generation()).isEqualTo(2);
        // vm-service's next real command is no longer stale
        node.awaitResult(node.send(vm, new StopVm(true, Duration.ZERO, 3)), CommandOutcome.SUCCEEDED);
        assertThat(node.runtimes.states()).containsEntry(vm, VmState.STOPPED);
    }

    @Test
    void aResyncCreatesAVmOnlyVmServiceKnowsAndReportsItButNotOneToBeDeleted() {
        var desired = new VmRecord(vm, "tenant-1", RuntimeHarness.spec(RestartPolicy.NEVER), DesiredPower.RUNNING,
                3, false);
        UUID gone = UUID.randomUUID();

        node.runtimes.resync(desired, node.runtimes.mark(), true).join();
        node.runtimes.resync(new VmRecord(gone, "tenant-1", RuntimeHarness.spec(RestartPolicy.NEVER),
                DesiredPower.DELETED, 4, false), node.runtimes.mark(), true).join();

        assertThat(node.runtimes.states()).containsOnlyKeys(vm).containsEntry(vm, VmState.RUNNING);
        assertThat(node.events.lastStatus(vm).generation()).isEqualTo(3);
        assertThat(node.runtimes.observed()).singleElement().satisfies(entry -> {
            assertThat(entry.status()).isEqualTo(VmStatus.RUNNING);
            assertThat(entry.generation()).isEqualTo(3);
            assertThat(entry.tenantId()).isEqualTo("tenant-1");
        });
        assertThat(node.stateDir.resolve("vms").resolve(gone.toString())).doesNotExist();
    }

    @Test
    void aStrayIsDestroyedUnlessTheNodeLearnedOfItAfterTheFetchStarted() {
        node.running(vm, RestartPolicy.NEVER);
        long fetchStarted = node.runtimes.mark();
        UUID late = UUID.randomUUID();
        node.send(late, new DefineVm(RuntimeHarness.spec(RestartPolicy.NEVER), 1));

        node.runtimes.destroyStray(late, fetchStarted).join();
        node.runtimes.destroyStray(vm, fetchStarted).join();

        assertThat(node.runtimes.states()).containsOnlyKeys(late);
        assertThat(node.store.paths(vm).vmDir()).doesNotExist();
        assertThat(node.qemu.vm(node.store.paths(vm)).process.isAlive()).isFalse();
        assertThat(node.events.lastStatus(vm).status()).isEqualTo(VmStatus.DELETED);
    }


    @Test
    void aQemuLeftWithoutASpecIsAStrayTheNodeCanKillOrHandBackWhenVmServiceClaimsIt() throws Exception {
        UUID claimed = UUID.randomUUID();
        node.running(vm, RestartPolicy.NEVER);
        node.running(claimed, RestartPolicy.NEVER);
        // an agent that died mid-define (or mid-remove) leaves a VM directory with QEMU but no usable spec
        Files.delete(node.store.paths(vm).specFile());
        VmRecord claimedRecord = node.store.load(claimed).orElseThrow();
        Files.delete(node.store.paths(claimed).specFile());
        FakeQemu.Vm orphanQemu = node.qemu.vm(node.store.paths(vm));
        node = node.restarted();
        node.runtimes.storedVmIds().forEach(id -> node.runtimes.restore(id).join());

        assertThat(node.runtimes.inventory()).containsExactlyInAnyOrder(new LocalVm(vm, 0, true),
                new LocalVm(claimed, 0, true));

        node.runtimes.resync(claimedRecord, node.runtimes.mark(), true).join();
        node.runtimes.destroyStray(vm, node.runtimes.mark()).join();

        assertThat(orphanQemu.process.isAlive()).isFalse();
        assertThat(node.store.paths(vm).vmDir()).doesNotExist();
        assertThat(node.runtimes.states()).containsOnlyKeys(claimed).containsEntry(claimed, VmState.RUNNING);
        assertThat(node.qemu.launches).as("the claimed VM's QEMU was re-attached, not launched again").hasValue(2);
        assertThat(node.store.load(claimed)).contains(claimedRecord);
    }

    @Test
    void aCommandArrivingAfterTheResyncAppliedItsGenerationReportsNothingTwice() {
        node.running(vm, RestartPolicy.NEVER);
        VmRecord stopped = node.store.load(vm).orElseThrow().withDesired(DesiredPower.STOPPED, 3);

        // the resync got there first; the StopVm of the same generation arrives afterwards
        node.runtimes.resync(stopped, node.runtimes.mark(), true).join();
        node.awaitResult(node.send(vm, new StopVm(true, Duration.ZERO, 3)), CommandOutcome.SUCCEEDED);

        assertThat(node.events.statuses(vm)).filteredOn(status -> status.generation() == 3)
                .extracting(VmStatusChanged::status).containsExactly(VmStatus.STOPPING, VmStatus.STOPPED);
        assertThat(node.qemu.vm(node.store.paths(vm)).process.isAlive()).isFalse();
    }

    @Test
    void aReconcilePassLeavesConvergingToACommandQueuedBehindIt() {
        node.running(vm, RestartPolicy.NEVER);
        // the marker-like guest ignores ACPI: this stop keeps the VM's executor busy for its whole timeout
        UUID slowStop = node.send(vm, new StopVm(false, Duration.ofMillis(500), 3));
        node.runtimes.reconcileAll();
        UUID start = node.send(vm, new StartVm(4));

        node.awaitResult(slowStop, CommandOutcome.SUCCEEDED);
        node.awaitResult(start, CommandOutcome.SUCCEEDED);

        // the pass that ran between them found generation 4 stored, and left it to the StartVm
        assertThat(node.events.statuses(vm)).filteredOn(status -> status.status() == VmStatus.STARTING)
                .extracting(VmStatusChanged::generation, VmStatusChanged::reason)
                .containsExactly(tuple(2L, null), tuple(4L, null));
        assertThat(node.events.lastStatus(vm).status()).isEqualTo(VmStatus.RUNNING);
    }

    @Test
    void aChangeVmServiceMadeAMomentAgoIsLeftToItsCommand() {
        node.running(vm, RestartPolicy.NEVER);
        UUID placedJustNow = UUID.randomUUID();
        VmRecord stop = node.store.load(vm).orElseThrow().withDesired(DesiredPower.STOPPED, 3);

        node.runtimes.resync(stop, node.runtimes.mark(), false).join();
        node.runtimes.resync(new VmRecord(placedJustNow, "tenant-1", RuntimeHarness.spec(RestartPolicy.NEVER),
                DesiredPower.RUNNING, 3, false), node.runtimes.mark(), false).join();

        assertThat(node.store.load(vm).orElseThrow().generation()).isEqualTo(2);
        assertThat(node.runtimes.states()).containsOnlyKeys(vm).containsEntry(vm, VmState.RUNNING);
        // a later pass, the change now settled, adopts it: the command was lost after all
        node.runtimes.resync(stop, node.runtimes.mark(), true).join();
        assertThat(node.runtimes.states()).containsEntry(vm, VmState.STOPPED);
    }
}
