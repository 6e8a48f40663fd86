package io.voidvm.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.voidvm.contracts.topic.Topics;
import io.voidvm.contracts.vm.event.CommandOutcome;
import io.voidvm.contracts.vm.event.CommandResult;
import io.voidvm.contracts.vm.event.VmStatus;
import io.voidvm.contracts.vm.event.VmStatusChanged;
import io.voidvm.systemtests.harness.OnSharedPlatform;
import io.voidvm.systemtests.harness.PlatformNode;
import io.voidvm.systemtests.harness.QemuProcesses;
import io.voidvm.systemtests.harness.SerialLog;
import io.voidvm.systemtests.harness.SharedPlatform;
import io.voidvm.systemtests.harness.TopicTap;
import io.voidvm.systemtests.harness.VmDriver;
import io.voidvm.testsupport.qemu.RequiresQemu;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import tools.jackson.databind.JsonNode;

/**
 * Faults of the real platform, one after the other on the same five running VMs (spread over both nodes): a
 * command delivered twice, a node's agent killed with SIGKILL while a stop is sent, and the Kafka broker down
 * while the API takes 50 actions. Each fault is repaired before its test ends.
 */
@RequiresQemu
@OnSharedPlatform
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FaultToleranceSystemIT {

    private static final int VMS = 5;
    private static final int ACTIONS_DURING_OUTAGE = 50;
    private static final Duration WAIT = Duration.ofSeconds(60);

    private static SharedPlatform platform;
    private static VmDriver alice;
    private static TopicTap topics;
    private static final List<UUID> vms = new ArrayList<>();

    @BeforeAll
    static void startFiveVms(SharedPlatform shared) {
        platform = shared;
        alice = platform.newTenant("faults").vms();
        topics = platform.topics();
        for (int i = 0; i < VMS; i++) {
            vms.add(alice.createDefined("fault-" + i, SharedPlatform.GUEST_MEMORY_MB));
        }
        List<UUID> starts = vms.stream().map(vm -> alice.accept(vm, "start")).toList();
        starts.forEach(start -> VmDriver.requireSucceeded(alice.awaitFinished(start), "start"));
        vms.forEach(vm -> assertThat(alice.status(vm)).isEqualTo("RUNNING"));
    }

    @AfterAll
    static void deleteTheVms() {
        if (alice != null) {
            vms.forEach(alice::deleteAndForget);
        }
    }

    @Test
    @Order(1)
    void aCommandDeliveredTwiceTakesEffectOnce() {
        UUID vm = vms.getFirst();
        PlatformNode node = nodeOf(vm);
        awaitReadyLines(vm, 1);
        UUID reset = alice.accept(vm, "reset");
        VmDriver.requireSucceeded(alice.awaitFinished(reset), "reset");
        awaitReadyLines(vm, 2);

        ConsumerRecord<String, byte[]> command = topics.commandFor(node.commandTopic(), reset);
        topics.republish(command);
        // same partition, so the agent has taken the duplicate before it takes this second, real reset
        UUID later = alice.accept(vm, "reset");
        VmDriver.requireSucceeded(alice.awaitFinished(later), "second reset");

        // two resets took effect, not three: the guest booted three times in all, and stays at that
        awaitReadyLines(vm, 3);
        await("no further reboot").during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5))
                .until(() -> SerialLog.count(node.vmDir(vm), node.readyLine()) == 3);
        assertThat(topics.resultsFor(Topics.VM_EVENTS, topics.messageId(command)))
                .extracting(CommandResult::outcome).containsExactly(CommandOutcome.SUCCEEDED);
        assertThat(operationLog(vm).stream().filter(step -> step.startsWith("RESET"))).hasSize(2);
    }

    @Test
    @Order(2)
    void vmsOutliveAKilledAgentWhichAppliesTheStopSentMeanwhileOnce() {
        Map<UUID, PlatformNode> nodes = new LinkedHashMap<>();
        vms.forEach(vm -> nodes.put(vm, nodeOf(vm)));
        // the node with most of the five (three or more): the stopped VM and at least two that must be re-attached
        PlatformNode killed = nodes.values().stream().distinct()
                .max(Comparator.comparingLong(node -> nodes.values().stream().filter(node::equals).count()))
                .orElseThrow();
        List<UUID> onKilled = vms.stream().filter(vm -> nodes.get(vm).equals(killed)).toList();
        assertThat(onKilled).hasSizeGreaterThanOrEqualTo(3);
        Map<UUID, Long> pids = new LinkedHashMap<>();
        vms.forEach(vm -> pids.put(vm, nodes.get(vm).qemuPid(vm)));
        assertThat(pids.values()).allSatisfy(pid -> assertThat(QemuProcesses.isAlive(pid)).isTrue());
        Map<UUID, Integer> reportsBefore = new LinkedHashMap<>();
        vms.forEach(vm -> reportsBefore.put(vm, topics.statusesOf(Topics.VM_EVENTS, vm).size()));

        killed.kill();
        assertThat(killed.isAlive()).isFalse();
        assertThat(pids.values()).as("QEMU processes after the agent died")
                .allSatisfy(pid -> assertThat(QemuProcesses.isAlive(pid)).isTrue());

        UUID stopped = onKilled.getLast();
        UUID stop = alice.accept(stopped, "stop");
        await("stop command relayed to the node topic while the agent is down").atMost(WAIT)
                .untilAsserted(() -> topics.commandFor(killed.commandTopic(), stop));
        assertThat(alice.api().operation(stop).expect(200).body().path("status").asString()).isEqualTo("PENDING");
        UUID stopMessage = topics.messageId(topics.commandFor(killed.commandTopic(), stop));

        killed.start();

        VmDriver.requireSucceeded(alice.awaitFinished(stop), "stop sent while the agent was down");
        assertThat(alice.status(stopped)).isEqualTo("STOPPED");
        long stoppedPid = pids.remove(stopped);
        await("QEMU of the stopped VM gone").atMost(WAIT).until(() -> !QemuProcesses.isAlive(stoppedPid));

        // the others: same QEMU as before the crash, and still RUNNING; those on the killed node re-attached and
        // reported RUNNING by its new agent
        pids.forEach((vm, pid) -> {
            assertThat(nodes.get(vm).qemuPid(vm)).isEqualTo(pid);
            assertThat(QemuProcesses.mentioning(vm.toString())).as("the only QEMU of VM %s", vm).containsExactly(pid);
            assertThat(alice.status(vm)).isEqualTo("RUNNING");
            if (nodes.get(vm).equals(killed)) {
                List<VmStatusChanged> reports = topics.statusesOf(Topics.VM_EVENTS, vm);
                assertThat(reports.subList(reportsBefore.get(vm), reports.size()))
                        .as("reports about VM %s from the restarted agent", vm)
                        .extracting(VmStatusChanged::status).contains(VmStatus.RUNNING)
                        .doesNotContain(VmStatus.STOPPED);
            }
        });
        assertThat(QemuProcesses.mentioning(stopped.toString())).as("no QEMU of the stopped VM").isEmpty();

        // applied exactly once: one result, one STOPPED report, one stop in the operation log
        assertThat(topics.resultsFor(Topics.VM_EVENTS, stopMessage))
                .extracting(CommandResult::outcome).containsExactly(CommandOutcome.SUCCEEDED);
        List<VmStatusChanged> stoppedReports = topics.statusesOf(Topics.VM_EVENTS, stopped);
        assertThat(stoppedReports.subList(reportsBefore.get(stopped), stoppedReports.size()))
                .extracting(VmStatusChanged::status).containsOnlyOnce(VmStatus.STOPPED);
        assertThat(operationLog(stopped)).containsExactly("CREATE SUCCEEDED", "START SUCCEEDED", "STOP SUCCEEDED");
    }

    @Test
    @Order(3)
    void actionsTakenWhileTheBrokerIsDownCompleteWhenItReturns() {
        List<UUID> running = vms.stream().filter(vm -> "RUNNING".equals(alice.status(vm))).toList();
        assertThat(running).hasSize(VMS - 1);

        platform.kafka().stop();
        List<UUID> operations = new ArrayList<>();
        for (int i = 0; i < ACTIONS_DURING_OUTAGE; i++) {
            operations.add(alice.accept(running.get(i % running.size()), i % 2 == 0 ? "reset" : "reboot"));
        }
        assertThat(new HashSet<>(operations)).hasSize(ACTIONS_DURING_OUTAGE);
        assertThat(operations).allSatisfy(operation ->
                assertThat(alice.api().operation(operation).expect(200).body().path("status").asString())
                        .isEqualTo("PENDING"));
        platform.startKafka();

        List<JsonNode> finished = operations.stream().map(operation -> alice.awaitFinished(operation, WAIT)).toList();
        assertThat(finished).allSatisfy(operation ->
                assertThat(operation.path("status").asString()).as("%s", operation).isEqualTo("SUCCEEDED"));
        running.forEach(vm -> assertThat(alice.status(vm)).isEqualTo("RUNNING"));
    }

    private static PlatformNode nodeOf(UUID vm) {
        return platform.nodeOf(alice.api().vm(vm).expect(200).body());
    }

    /** The VM's operation log, oldest first, as "ACTION STATUS". */
    private static List<String> operationLog(UUID vm) {
        JsonNode items = alice.api().logs(vm, 100).expect(200).body().path("items");
        List<String> steps = new ArrayList<>();
        for (JsonNode item : items) {
            if (item.path("type").asString().equals("operation")) {
                JsonNode operation = item.path("operation");
                steps.addFirst(operation.path("action").asString() + " " + operation.path("status").asString());
            }
        }
        return steps;
    }

    private static void awaitReadyLines(UUID vm, int times) {
        PlatformNode node = nodeOf(vm);
        await("guest of VM " + vm + " booted " + times + "x").atMost(WAIT)
                .until(() -> SerialLog.count(node.vmDir(vm), node.readyLine()) == times);
    }
}
