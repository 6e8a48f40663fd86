package io.voidvm.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.voidvm.systemtests.harness.FaultTimings;
import io.voidvm.systemtests.harness.OnSharedPlatform;
import io.voidvm.systemtests.harness.PlatformNode;
import io.voidvm.systemtests.harness.QemuProcesses;
import io.voidvm.systemtests.harness.SharedPlatform;
import io.voidvm.systemtests.harness.VmDriver;
import io.voidvm.systemtests.harness.VoidvmApi;
import io.voidvm.testsupport.qemu.RequiresQemu;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Node 2's agent killed for good, on the real stack (ADR 0012): after the grace period node 2 is NOT_READY and its
 * VMs UNKNOWN with the reason, new VMs go to node 1, start is refused naming the node, and an admin's forced delete
 * removes a VM at once: the tenant's usage in auth-service and node 2's allocation drop by it. The QEMU processes
 * on node 2 live on meanwhile (VMs outlive their agent). When node 2's agent is started again, the VM that was not
 * deleted is reported as it really is (RUNNING, its QEMU re-attached).
 *
 * The force-deleted VM is a stray to the returning agent (ADR 0011): vm-service's desired state no longer lists
 * it, so after the stray grace period its QEMU is stopped and its directory (disk, spec, sockets) removed.
 */
@RequiresQemu
@OnSharedPlatform
class NodeLossSystemIT {

    private static final Duration GRACE = FaultTimings.duration(SharedPlatform.VM_SERVICE, "VOIDVM_VM_NODELOSTAFTER");
    /** The grace period, a few sweeps, and slack for a busy machine. */
    private static final Duration LOSS_SEEN = GRACE.plusSeconds(30);
    /** The agent's stray grace, a few resync passes, and slack. */
    private static final Duration STRAY_GONE = FaultTimings
            .duration(SharedPlatform.NODE_AGENT, "VOIDVM_NODEAGENT_RECONCILE_STRAYGRACEPERIOD").plusSeconds(40);

    private static SharedPlatform platform;
    private static VmDriver alice;
    private static VoidvmApi admin;

    @BeforeAll
    static void tenant(SharedPlatform shared) {
        platform = shared;
        alice = platform.newTenant("node-loss").vms();
        admin = platform.platformApi();
    }

    @Test
    void aNodeKilledForGoodHasItsVmsUnknownNewVmsGoElsewhereAndAForcedDeleteFreesQuotaAndCapacity() {
        PlatformNode kept = platform.nodes().get(0);
        PlatformNode lost = platform.nodes().get(1);
        // two running VMs on node 2: node 1 is cordoned while they are placed
        admin.call("POST", "/api/v1/nodes/" + kept.name() + "/cordon", null).expect(200);
        UUID forced;
        UUID survivor;
        try {
            forced = runningVm("forced");
            survivor = runningVm("survivor");
        } finally {
            admin.call("POST", "/api/v1/nodes/" + kept.name() + "/uncordon", null).expect(200);
        }
        assertThat(platform.nodeOf(vm(forced)).name()).isEqualTo(lost.name());
        assertThat(platform.nodeOf(vm(survivor)).name()).isEqualTo(lost.name());
        long forcedPid = lost.qemuPid(forced);
        long survivorPid = lost.qemuPid(survivor);
        JsonNode lostBefore = node(lost);
        long usedBefore = used("vms");

        lost.kill();
        assertThat(QemuProcesses.isAlive(forcedPid)).as("VMs outlive their agent").isTrue();
        List<UUID> extra = new ArrayList<>();
        try {
            await("node " + lost.name() + " NOT_READY").atMost(LOSS_SEEN)
                    .until(() -> "NOT_READY".equals(node(lost).path("state").asString()));
            for (UUID vm : List.of(forced, survivor)) {
                JsonNode unknown = alice.awaitStatus(vm, "UNKNOWN");
                assertThat(unknown.path("statusReason").asString())
                        .matches("node " + lost.name() + " has not sent a heartbeat for \\d+ s");
            }
            assertThat(QemuProcesses.isAlive(survivorPid)).as("the guest runs on without its agent").isTrue();
            assertThat(node(lost).path("schedulable").asBoolean()).isFalse();

            UUID after = runningVm("after");
            extra.add(after);
            await("auth-service told the new VM").atMost(Duration.ofSeconds(30))
                    .until(() -> used("vms") == usedBefore + 1);
            assertThat(platform.nodeOf(vm(after)).name()).as("new VMs avoid the lost node").isEqualTo(kept.name());
            JsonNode refused = alice.api().act(survivor, "start").expect(409).body();
            assertThat(refused.path("detail").asString()).startsWith("cannot start while UNKNOWN: node " + lost.name());

            alice.api().call("DELETE", "/api/v1/vms/" + forced + "?force=true", null).expect(403);
            JsonNode operation = admin.call("DELETE", "/api/v1/vms/" + forced + "?force=true", null).expect(202)
                    .body();
            assertThat(operation.path("action").asString()).isEqualTo("FORCE_DELETE");
            assertThat(operation.path("status").asString()).isEqualTo("SUCCEEDED");
            alice.api().vm(forced).expect(404);
            JsonNode lostAfter = node(lost);
            assertThat(lostAfter.path("vmCount").asInt()).isEqualTo(lostBefore.path("vmCount").asInt() - 1);
            assertThat(lostAfter.path("allocatedVCpus").asInt())
                    .isEqualTo(lostBefore.path("allocatedVCpus").asInt() - 1);
            await("auth-service told the tenant's usage without the deleted VM").atMost(Duration.ofSeconds(30))
                    .until(() -> used("vms") == usedBefore);
            assertThat(events(forced)).contains("FORCE_DELETED", "NODE_LOST");
        } finally {
            lost.start();
        }

        // node 2 is back: the VM that was not deleted is reported as it is, its QEMU re-attached, not restarted
        await("node " + lost.name() + " READY").atMost(LOSS_SEEN)
                .until(() -> "READY".equals(node(lost).path("state").asString()));
        alice.awaitStatus(survivor, "RUNNING");
        assertThat(lost.qemuPid(survivor)).isEqualTo(survivorPid);
        // its log: lost, then the node's report that it runs (NODE_BACK in between only when the heartbeat that
        // made the node READY came before the report)
        List<String> survivorLog = events(survivor);
        assertThat(survivorLog).contains("NODE_LOST");
        assertThat(survivorLog.getFirst()).isIn("NODE_REPORT", "STATUS_CORRECTED");

        // the VM deleted while its node was away is a stray there: its QEMU and its directory go
        await("the force-deleted VM's QEMU stopped on " + lost.name()).atMost(STRAY_GONE)
                .until(() -> !QemuProcesses.isAlive(forcedPid));
        await("the force-deleted VM's directory removed on " + lost.name()).atMost(Duration.ofSeconds(30))
                .until(() -> !Files.exists(lost.vmDir(forced)));
        assertThat(QemuProcesses.isAlive(survivorPid)).as("the listed VM is not a stray").isTrue();
        extra.add(survivor);
        extra.forEach(alice::deleteAndForget);
    }

    /** A VM of alice's, created and started; the node it lands on is placement's choice. */
    private static UUID runningVm(String name) {
        UUID vm = alice.createDefined(name + "-" + Long.toHexString(System.nanoTime()), SharedPlatform.GUEST_MEMORY_MB);
        alice.succeed(vm, "start");
        return vm;
    }

    private static JsonNode vm(UUID vm) {
        return alice.api().vm(vm).expect(200).body();
    }

    private static JsonNode node(PlatformNode node) {
        return admin.call("GET", "/api/v1/nodes/" + node.name(), null).expect(200).body();
    }

    private static long used(String resource) {
        for (JsonNode usage : alice.api().call("GET", "/api/v1/users/usage", null).expect(200).body()
                .path("resources")) {
            if (usage.path("resource").asString().equals(resource)) {
                return usage.path("used").asLong();
            }
        }
        throw new AssertionError("no usage of " + resource);
    }

    /** The kinds of the VM's log events, newest first. */
    private static List<String> events(UUID vm) {
        List<String> kinds = new ArrayList<>();
        for (JsonNode item : alice.api().logs(vm, 100).expect(200).body().path("items")) {
            if (item.path("type").asString().equals("event")) {
                kinds.add(item.path("event").path("kind").asString());
            }
        }
        return kinds;
    }
}
