package io.voidvm.nodeagent.reconcile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.voidvm.contracts.vm.command.DefineVm;
import io.voidvm.contracts.vm.command.StartVm;
import io.voidvm.contracts.vm.event.VmStatus;
import io.voidvm.contracts.vm.spec.RestartPolicy;
import io.voidvm.nodeagent.runtime.RuntimeHarness;
import io.voidvm.nodeagent.runtime.domain.DesiredPower;
import io.voidvm.nodeagent.runtime.domain.VmRecord;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Start-up restore and periodic passes over the fake hypervisor. */
class ReconcilerTest {

    @TempDir
    Path dir;
    RuntimeHarness node;
    final ReconcileProperties properties = new ReconcileProperties(Duration.ofMinutes(1), Duration.ofSeconds(10));

    @AfterEach
    void tearDown() {
        node.close();
    }

    @Test
    void startUpRestoresEveryStoredVmAndAPassAppliesTheResync() throws Exception {
        node = new RuntimeHarness(dir);
        UUID running = UUID.randomUUID();
        UUID defined = UUID.randomUUID();
        node.send(running, new DefineVm(RuntimeHarness.spec(RestartPolicy.NEVER), 1));
        UUID start = node.send(running, new StartVm(2));
        node.send(defined, new DefineVm(RuntimeHarness.spec(RestartPolicy.NEVER), 1));
        await().atMost(Duration.ofSeconds(5)).until(() -> !node.events.results(start).isEmpty());
        Files.createDirectories(node.stateDir.resolve("vms/not-a-vm"));
        node = node.restarted();
        AtomicReference<List<VmRecord>> desired = new AtomicReference<>();
        Reconciler reconciler = new Reconciler("node-1", node.runtimes, n -> Optional.ofNullable(desired.get()),
                properties);

        reconciler.restoreAll();

        assertThat(node.events.lastStatus(running).status()).isEqualTo(VmStatus.RUNNING);
        assertThat(node.events.lastStatus(running).reason()).isEqualTo("re-attached after agent restart");
        assertThat(node.events.lastStatus(defined).status()).isEqualTo(VmStatus.STOPPED);

        VmRecord stop = node.store.load(running).orElseThrow().withDesired(DesiredPower.STOPPED, 3);
        desired.set(List.of(stop));
        reconciler.pass();

        assertThat(node.events.lastStatus(running).status()).isEqualTo(VmStatus.STOPPED);
        assertThat(node.events.lastStatus(running).generation()).isEqualTo(3);
    }
}
