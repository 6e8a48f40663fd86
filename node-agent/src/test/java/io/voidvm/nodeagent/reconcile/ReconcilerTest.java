package io.voidvm.nodeagent.reconcile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.voidvm.contracts.node.NodeObservedState;
import io.voidvm.contracts.vm.command.DefineVm;
import io.voidvm.contracts.vm.event.VmStatus;
import io.voidvm.contracts.vm.spec.RestartPolicy;
import io.voidvm.nodeagent.reconcile.domain.DesiredState;
import io.voidvm.nodeagent.runtime.RuntimeHarness;
import io.voidvm.nodeagent.runtime.domain.DesiredPower;
import io.voidvm.nodeagent.runtime.domain.VmRecord;
import io.voidvm.nodeagent.runtime.domain.VmState;
import io.voidvm.testsupport.time.MutableClock;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Start-up restore and periodic passes over the fake hypervisor, with a stand-in desired-state source. */
class ReconcilerTest {

    private static final Duration GRACE = Duration.ofMinutes(5);

    @TempDir
    Path dir;
    RuntimeHarness node;
    final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
    final ReconcileProperties properties = new ReconcileProperties(Duration.ofMinutes(1), 0.2,
            Duration.ofSeconds(10), URI.create("http://127.0.0.1:9"), Duration.ofSeconds(1), Duration.ofSeconds(5),
            GRACE);
    /** What the stand-in vm-service answers; null: the fetch fails. */
    final AtomicReference<List<VmRecord>> desired = new AtomicReference<>();
    final List<NodeObservedState> reports = new CopyOnWriteArrayList<>();

    @BeforeEach
    void setUp() {
        node = new RuntimeHarness(dir);
    }

    @AfterEach
    void tearDown() {
        node.close();
    }

    @Test
    void startUpRestoresEveryStoredVmAndAPassAppliesTheResync() throws Exception {
        UUID running = UUID.randomUUID();
        UUID defined = UUID.randomUUID();
        node.running(running, RestartPolicy.NEVER);
        node.send(defined, new DefineVm(RuntimeHarness.spec(RestartPolicy.NEVER), 1));
        Files.createDirectories(node.stateDir.resolve("vms/not-a-vm"));
        node = node.restarted();
        Reconciler reconciler = reconciler();

        reconciler.restoreAll();

        assertThat(node.events.lastStatus(running).status()).isEqualTo(VmStatus.RUNNING);
        assertThat(node.events.lastStatus(running).reason()).isEqualTo("re-attached after agent restart");
        assertThat(node.events.lastStatus(defined).status()).isEqualTo(VmStatus.STOPPED);

        VmRecord stop = node.store.load(running).orElseThrow().withDesired(DesiredPower.STOPPED, 3);
        desired.set(List.of(stop, node.store.load(defined).orElseThrow()));
        reconciler.pass();

        assertThat(node.events.lastStatus(running).status()).isEqualTo(VmStatus.STOPPED);
        assertThat(node.events.lastStatus(running).generation()).isEqualTo(3);
    }

    @Test
    void aVmOnlyInTheDesiredStateIsCreatedStartedAndReported() {
        UUID vm = UUID.randomUUID();
        desired.set(List.of(record(vm, DesiredPower.RUNNING, 3)));

        reconciler().pass();

        assertThat(node.runtimes.states()).containsEntry(vm, VmState.RUNNING);
        assertThat(node.qemu.launches).hasValue(1);
        NodeObservedState report = reports.getLast();
        assertThat(report.nodeName()).isEqualTo("node-1");
        assertThat(report.vms()).singleElement().satisfies(entry -> {
            assertThat(entry.vmId()).isEqualTo(vm);
            assertThat(entry.status()).isEqualTo(VmStatus.RUNNING);
            assertThat(entry.generation()).isEqualTo(3);
        });
        assertThat(report.strays()).isEmpty();
        assertThat(report.desiredStateFetchedAt()).isEqualTo(clock.instant());
    }

    @Test
    void aStrayIsReportedAndDestroyedWhenItsGracePeriodIsOverAndAFailedFetchDestroysNothing() {
        UUID ours = UUID.randomUUID();
        UUID stray = UUID.randomUUID();
        node.running(ours, RestartPolicy.NEVER);
        node.running(stray, RestartPolicy.NEVER);
        Reconciler reconciler = reconciler();
        desired.set(List.of(node.store.load(ours).orElseThrow()));

        reconciler.pass();
        assertThat(reports.getLast().strays()).singleElement().satisfies(reported -> {
            assertThat(reported.vmId()).isEqualTo(stray);
            assertThat(reported.qemuRunning()).isTrue();
            assertThat(reported.destroyAt()).isEqualTo(clock.instant().plus(GRACE));
        });

        clock.advance(GRACE);
        desired.set(null);
        reconciler.pass();
        assertThat(node.runtimes.states()).as("vm-service unreachable: nothing is destroyed").containsKeys(ours, stray);
        assertThat(reports.getLast().strays()).extracting(NodeObservedState.StrayVm::vmId).containsExactly(stray);
        assertThat(reports.getLast().desiredStateFetchedAt()).isEqualTo(clock.instant().minus(GRACE));

        desired.set(List.of(node.store.load(ours).orElseThrow()));
        reconciler.pass();
        assertThat(node.runtimes.states()).containsOnlyKeys(ours);
        assertThat(node.store.paths(stray).vmDir()).doesNotExist();
        assertThat(reports.getLast().strays()).isEmpty();
        assertThat(reports.getLast().vms()).extracting(NodeObservedState.ObservedVm::vmId).containsExactly(ours);
    }

    @Test
    void aVmTheDesiredStateWantsDeletedAndTheNodeNoLongerHasIsReportedDeleted() {
        UUID vm = UUID.randomUUID();
        node.running(vm, RestartPolicy.NEVER);
        desired.set(List.of(record(vm, DesiredPower.DELETED, 3)));
        Reconciler reconciler = reconciler();

        reconciler.pass();
        await().atMost(Duration.ofSeconds(5)).until(() -> !node.runtimes.states().containsKey(vm));
        reconciler.pass();

        assertThat(reports.getLast().vms()).singleElement().satisfies(entry -> {
            assertThat(entry.vmId()).isEqualTo(vm);
            assertThat(entry.status()).isEqualTo(VmStatus.DELETED);
            assertThat(entry.generation()).isEqualTo(3);
        });
    }

    @Test
    void aVmDefinedByACommandDuringTheFetchIsNoStray() {
        UUID late = UUID.randomUUID();
        Reconciler reconciler = new Reconciler("node-1", node.runtimes, nodeName -> {
            // vm-service answered before it placed the VM; the VM's DefineVm arrives while the answer travels
            node.send(late, new DefineVm(RuntimeHarness.spec(RestartPolicy.NEVER), 1));
            return Optional.of(new DesiredState(List.of(), clock.instant()));
        }, reports::add, properties, clock);

        reconciler.pass();

        assertThat(reports.getLast().strays()).isEmpty();
        assertThat(node.runtimes.states()).containsKey(late);
    }

    private Reconciler reconciler() {
        return new Reconciler("node-1", node.runtimes, nodeName -> {
            List<VmRecord> vms = desired.get();
            if (vms == null) {
                throw new DesiredStateUnavailableException("vm-service is down", null);
            }
            return Optional.of(new DesiredState(vms, clock.instant()));
        }, reports::add, properties, clock);
    }

    private static VmRecord record(UUID vm, DesiredPower power, long generation) {
        return new VmRecord(vm, "tenant-1", RuntimeHarness.spec(RestartPolicy.NEVER), power, generation, false);
    }
}
