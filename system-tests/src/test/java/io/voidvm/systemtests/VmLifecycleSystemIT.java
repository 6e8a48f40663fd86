package io.voidvm.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.voidvm.systemtests.harness.FaultTimings;
import io.voidvm.systemtests.harness.OnSharedPlatform;
import io.voidvm.systemtests.harness.PlatformNode;
import io.voidvm.systemtests.harness.QemuProcesses;
import io.voidvm.systemtests.harness.SerialLog;
import io.voidvm.systemtests.harness.SharedPlatform;
import io.voidvm.systemtests.harness.Tenant;
import io.voidvm.systemtests.harness.VmDriver;
import io.voidvm.testsupport.qemu.RequiresQemu;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A VM's whole life through the public API (the gateway in front of the real vm-service), carried out by the real
 * node agent with a real QEMU (TCG), over real Kafka, PostgreSQL and Keycloak tokens: every step is checked on the
 * API and on the host of the node the VM was placed on (the QEMU process, the guest's serial output).
 */
@RequiresQemu
@OnSharedPlatform
class VmLifecycleSystemIT {

    /** vm-service's graceful stop timeout; the marker guest ignores ACPI, so every graceful stop takes it. */
    private static final Duration STOP_TIMEOUT = FaultTimings.duration(SharedPlatform.VM_SERVICE,
            "VOIDVM_VM_DEFAULTSTOPTIMEOUT");
    private static final Duration WAIT = Duration.ofSeconds(30);

    private static SharedPlatform platform;
    private static Tenant aliceTenant;
    private static VmDriver alice;
    private static VmDriver bob;

    @BeforeAll
    static void tenants(SharedPlatform shared) {
        platform = shared;
        aliceTenant = platform.newTenant("lifecycle");
        alice = aliceTenant.vms();
        bob = platform.newTenant("lifecycle-other").vms();
    }

    @Test
    void aCreatedVmIsReportedStoppedByItsNode() {
        UUID vm = alice.createDefined("defined-1", SharedPlatform.GUEST_MEMORY_MB);
        JsonNode defined = alice.api().vm(vm).expect(200).body();
        assertThat(defined.path("status").asString()).isEqualTo("STOPPED");
        assertThat(defined.path("observedGeneration").asLong()).isEqualTo(defined.path("generation").asLong());
        assertThat(platform.nodeOf(defined).vmDir(vm)).as("defined on the node it was placed on").isDirectory();
        alice.deleteAndForget(vm);
    }

    @Test
    void aVmGoesThroughItsWholeLifecycle() {
        UUID vm = alice.createDefined("lifecycle-1", SharedPlatform.GUEST_MEMORY_MB);
        JsonNode defined = alice.api().vm(vm).expect(200).body();
        assertThat(defined.path("status").asString()).isEqualTo("STOPPED");
        assertThat(platform.nodes()).extracting(PlatformNode::name).contains(defined.path("nodeName").asString());
        assertThat(defined.path("tenantId").asString()).isEqualTo(aliceTenant.id());
        PlatformNode node = platform.nodeOf(defined);
        Path vmDir = node.vmDir(vm);
        assertThat(QemuProcesses.mentioning(vm.toString())).isEmpty();

        alice.succeed(vm, "start");
        assertThat(alice.status(vm)).isEqualTo("RUNNING");
        long firstPid = awaitQemu(node, vm);
        assertThat(QemuProcesses.commandLine(firstPid)).as("QEMU runs below its node's state directory")
                .contains(node.stateDir().toString());
        awaitSerialLines(node, vmDir, 1);

        alice.succeed(vm, "pause");
        assertThat(alice.status(vm)).isEqualTo("PAUSED");
        alice.succeed(vm, "resume");
        assertThat(alice.status(vm)).isEqualTo("RUNNING");

        alice.succeed(vm, "reset");
        // the reset guest boots again and prints its marker a second time, in the same QEMU
        awaitSerialLines(node, vmDir, 2);
        assertThat(QemuProcesses.pidFile(vmDir)).isEqualTo(firstPid);
        assertThat(alice.status(vm)).isEqualTo("RUNNING");

        JsonNode gracefulStop = alice.succeed(vm, "stop");
        JsonNode stopped = alice.api().vm(vm).expect(200).body();
        assertThat(stopped.path("status").asString()).isEqualTo("STOPPED");
        // the marker guest ignores ACPI: the agent waited out the timeout vm-service sent, then forced it
        assertThat(stopped.path("statusReason").asString()).contains("did not power off", "forced");
        assertThat(took(gracefulStop)).isGreaterThanOrEqualTo(STOP_TIMEOUT);
        awaitQemuGone(firstPid);

        alice.succeed(vm, "start");
        assertThat(alice.status(vm)).isEqualTo("RUNNING");
        long secondPid = awaitQemu(node, vm);
        assertThat(secondPid).isNotEqualTo(firstPid);
        awaitSerialLines(node, vmDir, 1);

        alice.succeed(vm, "stop?force=true");
        JsonNode forced = alice.api().vm(vm).expect(200).body();
        assertThat(forced.path("status").asString()).isEqualTo("STOPPED");
        assertThat(forced.path("statusReason").asString()).isEqualTo("forced stop");
        awaitQemuGone(secondPid);

        UUID deletion = alice.api().delete(vm).expect(202).id();
        VmDriver.requireSucceeded(alice.awaitFinished(deletion), "delete");
        assertThat(alice.api().vm(vm).status()).isEqualTo(404);
        assertThat(QemuProcesses.mentioning(vm.toString())).isEmpty();
        await("VM directory removed from the node").atMost(WAIT).until(() -> !Files.exists(vmDir));

        assertThat(operationLog(vm)).containsExactly(
                "CREATE SUCCEEDED", "START SUCCEEDED", "PAUSE SUCCEEDED", "RESUME SUCCEEDED", "RESET SUCCEEDED",
                "STOP SUCCEEDED", "START SUCCEEDED", "FORCE_STOP SUCCEEDED", "DELETE SUCCEEDED");
    }

    @Test
    void anotherTenantCannotSeeOrTouchTheVm() {
        UUID vm = alice.createDefined("private-1", SharedPlatform.GUEST_MEMORY_MB);

        assertThat(bob.api().vm(vm).status()).isEqualTo(404);
        assertThat(bob.api().act(vm, "start").status()).isEqualTo(404);
        assertThat(bob.api().logs(vm, 10).status()).isEqualTo(404);
        assertThat(bob.api().delete(vm).status()).isEqualTo(404);

        // bob's start and delete changed nothing
        JsonNode untouched = alice.api().vm(vm).expect(200).body();
        assertThat(untouched.path("status").asString()).isEqualTo("STOPPED");
        assertThat(untouched.path("desiredPowerState").asString()).isEqualTo("STOPPED");
        assertThat(operationLog(vm)).containsExactly("CREATE SUCCEEDED");
        assertThat(QemuProcesses.mentioning(vm.toString())).isEmpty();

        alice.deleteAndForget(vm);
    }

    /** The VM's operation log, oldest first, as "ACTION STATUS". */
    private static List<String> operationLog(UUID vm) {
        JsonNode items = alice.api().logs(vm, 50).expect(200).body().path("items");
        List<String> steps = new ArrayList<>();
        for (JsonNode item : items) {
            if (item.path("type").asString().equals("operation")) {
                JsonNode operation = item.path("operation");
                steps.addFirst(operation.path("action").asString() + " " + operation.path("status").asString());
            }
        }
        return steps;
    }

    private static Duration took(JsonNode operation) {
        return Duration.between(Instant.parse(operation.path("createdAt").asString()),
                Instant.parse(operation.path("finishedAt").asString()));
    }

    /** The pid in the VM's pidfile once that QEMU is alive, and the only QEMU of this VM. */
    private static long awaitQemu(PlatformNode node, UUID vm) {
        Path vmDir = node.vmDir(vm);
        await("QEMU of VM " + vm + " running").atMost(WAIT)
                .until(() -> QemuProcesses.isAlive(QemuProcesses.pidFile(vmDir)));
        long pid = QemuProcesses.pidFile(vmDir);
        assertThat(QemuProcesses.mentioning(vm.toString())).containsExactly(pid);
        return pid;
    }

    private static void awaitQemuGone(long pid) {
        await("QEMU pid " + pid + " gone").atMost(WAIT).until(() -> !QemuProcesses.isAlive(pid));
    }

    private static void awaitSerialLines(PlatformNode node, Path vmDir, int times) {
        String line = node.readyLine();
        await("'" + line + "' " + times + "x in " + vmDir.resolve("serial.log")).atMost(WAIT)
                .until(() -> SerialLog.count(vmDir, line) == times);
    }
}
