package io.voidvm.nodeagent.reconcile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.voidvm.contracts.node.NodeObservedState;
import io.voidvm.contracts.vm.command.DefineVm;
import io.voidvm.contracts.vm.command.StartVm;
import io.voidvm.contracts.vm.event.VmStatus;
import io.voidvm.contracts.vm.spec.RestartPolicy;
import io.voidvm.contracts.vm.spec.VmSpec;
import io.voidvm.nodeagent.runtime.domain.DesiredPower;
import io.voidvm.nodeagent.runtime.domain.VmRecord;
import io.voidvm.nodeagent.testing.AgentTopics;
import io.voidvm.nodeagent.testing.FakeVmService;
import io.voidvm.nodeagent.testing.MarkerVms;
import io.voidvm.nodeagent.testing.QemuProcesses;
import io.voidvm.nodeagent.testing.Trees;
import io.voidvm.testsupport.junit.WithKafka;
import io.voidvm.testsupport.kafka.KafkaBroker;
import io.voidvm.testsupport.qemu.RequiresQemu;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The whole agent with real QEMU (TCG, marker guests), the real broker, and a stand-in vm-service on 127.0.0.1
 * answering the desired-state fetch (ADR 0011): what only the desired state names is created and started, a VM it
 * does not name is destroyed once the grace period is over, and a fetch that fails destroys nothing.
 */
@WithKafka
@RequiresQemu
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE, properties = {
        "voidvm.nodeagent.node-name=" + ResyncIT.NODE,
        "voidvm.nodeagent.accelerator=tcg",
        "voidvm.nodeagent.heartbeat-interval=5s",
        "voidvm.nodeagent.runtime.quit-timeout=2s",
        "voidvm.nodeagent.reconcile.interval=300ms",
        "voidvm.nodeagent.reconcile.jitter=0",
        "voidvm.nodeagent.reconcile.fetch-timeout=2s",
        "voidvm.nodeagent.reconcile.stray-grace-period=" + ResyncIT.GRACE_SECONDS + "s"})
class ResyncIT {

    static final String NODE = "resync-it";
    static final int GRACE_SECONDS = 3;
    private static final Duration GRACE = Duration.ofSeconds(GRACE_SECONDS);
    private static final Duration WAIT = Duration.ofSeconds(30);

    static Path root;
    static FakeVmService vmService;
    static AgentTopics topics;

    @DynamicPropertySource
    static void stateDirAndVmService(DynamicPropertyRegistry registry) throws IOException {
        // short and fresh: Unix socket paths below it must fit 107 bytes, and old VMs must not be restored
        root = Files.createTempDirectory("voidvm-rs-");
        vmService = new FakeVmService();
        registry.add("voidvm.nodeagent.state-dir", () -> root.resolve("state").toString());
        registry.add("voidvm.nodeagent.runtime.test-disk-dir", () -> root.resolve("disks").toString());
        registry.add("voidvm.nodeagent.reconcile.vm-service-url", vmService::baseUrl);
        registry.add("voidvm.nodeagent.volumes.platform.token-url", vmService::tokenUrl);
    }

    @BeforeAll
    static void connect(KafkaBroker broker) {
        topics = new AgentTopics(broker.bootstrapServers(), NODE);
    }

    @AfterAll
    static void cleanUp() {
        topics.close();
        vmService.close();
        QemuProcesses.killAll(root.toString());
        await().atMost(WAIT).until(() -> QemuProcesses.mentioning(root.toString()).isEmpty());
        Trees.delete(root);
    }

    @Test
    void aVmOnlyInTheDesiredStateIsCreatedAndStarted() {
        UUID vm = UUID.randomUUID();

        // its DefineVm and StartVm never reached this node; vm-service's desired state names it
        vmService.put(new VmRecord(vm, "tenant-it", spec("only"), DesiredPower.RUNNING, 3, false));

        await().atMost(WAIT).until(() -> QemuProcesses.isAlive(QemuProcesses.pidFile(vmDir(vm))));
        await().atMost(WAIT).untilAsserted(() -> assertThat(topics.statuses(vm)).anySatisfy(status -> {
            assertThat(status.status()).isEqualTo(VmStatus.RUNNING);
            assertThat(status.generation()).isEqualTo(3);
        }));
        await().atMost(WAIT).untilAsserted(() -> assertThat(topics.reports().getLast().vms()).anySatisfy(entry -> {
            assertThat(entry.vmId()).isEqualTo(vm);
            assertThat(entry.status()).isEqualTo(VmStatus.RUNNING);
        }));
        assertThat(QemuProcesses.pidFile(vmDir(vm))).isEqualTo(QemuProcesses.mentioning(vm.toString()).getFirst());
    }

    @Test
    void aStrayIsDestroyedAfterTheGracePeriodAndItsFilesRemoved() {
        UUID stray = UUID.randomUUID();

        // defined and started by commands only: vm-service's desired state never names it
        topics.send(stray, new DefineVm(spec("stray"), 1));
        topics.send(stray, new StartVm(2));

        NodeObservedState.StrayVm reported = await().atMost(WAIT).until(() -> topics.reports().stream()
                .flatMap(report -> report.strays().stream()).filter(entry -> entry.vmId().equals(stray))
                .findFirst().orElse(null), entry -> entry != null);
        assertThat(Duration.between(reported.since(), reported.destroyAt())).isEqualTo(GRACE);
        assertThat(vmDir(stray)).as("reported, not yet destroyed").exists();

        await().atMost(WAIT).until(() -> QemuProcesses.mentioning(stray.toString()).isEmpty()
                && !Files.exists(vmDir(stray)));
        assertThat(Instant.now()).isAfterOrEqualTo(reported.destroyAt());
        await().atMost(WAIT).untilAsserted(() -> assertThat(topics.statuses(stray).getLast().status())
                .isEqualTo(VmStatus.DELETED));
    }

    @Test
    void aFailedFetchDestroysNothing() {
        UUID vm = UUID.randomUUID();
        vmService.down(true);
        try {
            topics.send(vm, new DefineVm(spec("kept"), 1));
            topics.send(vm, new StartVm(2));
            // QEMU writes its pidfile a moment after it starts
            await().atMost(WAIT).until(() -> QemuProcesses.isAlive(QemuProcesses.pidFile(vmDir(vm))));
            long pid = QemuProcesses.pidFile(vmDir(vm));
            int fetchesBefore = vmService.fetches();
            Instant downSince = Instant.now();

            // many failed passes, over more than twice the grace period
            await().atMost(WAIT).until(() -> vmService.fetches() > fetchesBefore + 5
                    && Duration.between(downSince, Instant.now()).compareTo(GRACE.multipliedBy(2)) > 0);

            assertThat(QemuProcesses.mentioning(vm.toString())).containsExactly(pid);
            assertThat(vmDir(vm).resolve("spec.json")).exists();
            assertThat(topics.reports().getLast().strays()).extracting(NodeObservedState.StrayVm::vmId)
                    .doesNotContain(vm);
            vmService.put(new VmRecord(vm, "tenant-it", spec("kept"), DesiredPower.RUNNING, 2, false));
        } finally {
            vmService.down(false);
        }
        int fetchesAfter = vmService.fetches();
        await().atMost(WAIT).until(() -> vmService.fetches() > fetchesAfter + 3);
        assertThat(QemuProcesses.mentioning(vm.toString())).hasSize(1);
    }

    private static VmSpec spec(String marker) {
        return MarkerVms.spec(root.resolve("disks"), marker, RestartPolicy.NEVER);
    }

    private static Path vmDir(UUID vm) {
        return root.resolve("state/vms").resolve(vm.toString());
    }
}
