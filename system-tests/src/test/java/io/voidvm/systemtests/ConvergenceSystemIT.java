package io.voidvm.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.voidvm.contracts.envelope.Envelopes;
import io.voidvm.contracts.envelope.MessageEnvelope;
import io.voidvm.contracts.node.NodeObservedState;
import io.voidvm.contracts.topic.Topics;
import io.voidvm.contracts.vm.command.DefineVm;
import io.voidvm.contracts.vm.command.StartVm;
import io.voidvm.contracts.vm.command.StopVm;
import io.voidvm.contracts.vm.command.VmCommand;
import io.voidvm.contracts.vm.event.VmEvent;
import io.voidvm.contracts.vm.event.VmStatus;
import io.voidvm.contracts.vm.event.VmStatusChanged;
import io.voidvm.contracts.vm.spec.DiskBus;
import io.voidvm.contracts.vm.spec.DiskFormat;
import io.voidvm.contracts.vm.spec.DiskSource;
import io.voidvm.contracts.vm.spec.DiskSpec;
import io.voidvm.contracts.vm.spec.OsType;
import io.voidvm.contracts.vm.spec.RestartPolicy;
import io.voidvm.contracts.vm.spec.VmSpec;
import io.voidvm.systemtests.harness.FaultTimings;
import io.voidvm.systemtests.harness.OnSharedPlatform;
import io.voidvm.systemtests.harness.PlatformNode;
import io.voidvm.systemtests.harness.QemuProcesses;
import io.voidvm.systemtests.harness.SharedPlatform;
import io.voidvm.systemtests.harness.TopicTap;
import io.voidvm.systemtests.harness.VmDriver;
import io.voidvm.testsupport.qemu.RequiresQemu;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Level-triggered convergence on the real platform (ADR 0011): commands and events lost on the way are repaired by
 * the agents' resync and their full observed-state reports, a generation vm-service never issued breaks nothing, and
 * a VM the platform does not know is destroyed. Lost means really lost: the consumer's committed offset is moved
 * past the record while the consumer is down, so it never sees it. Periods are {@link FaultTimings}'.
 */
@RequiresQemu
@OnSharedPlatform
class ConvergenceSystemIT {

    private static final Duration INTERVAL = agentTiming("VOIDVM_NODEAGENT_RECONCILE_INTERVAL");
    private static final Duration STRAY_GRACE = agentTiming("VOIDVM_NODEAGENT_RECONCILE_STRAYGRACEPERIOD");
    /** The longest pause between two passes (the agents' default jitter is ±20 %). */
    private static final Duration PERIOD = Duration.ofMillis(Math.round(INTERVAL.toMillis() * 1.2));
    /** One period, plus what a pass and the way through Kafka and vm-service take on a busy 2-core machine. */
    private static final Duration WITHIN_A_PERIOD = PERIOD.plusSeconds(15);
    private static final Duration WAIT = Duration.ofSeconds(60);

    private static SharedPlatform platform;
    private static VmDriver alice;
    private static TopicTap topics;
    private final Envelopes envelopes = new Envelopes(Clock.systemUTC());

    @BeforeAll
    static void tenant(SharedPlatform shared) {
        platform = shared;
        alice = platform.newTenant("converge").vms();
        topics = platform.topics();
    }

    @Test
    void aStartCommandLostBeforeTheAgentSawItIsRepairedWithinOnePeriod() {
        UUID vm = alice.createDefined("lost-start", SharedPlatform.GUEST_MEMORY_MB);
        PlatformNode node = nodeOf(vm);
        // SIGKILL to the agent's JVM alone (its QEMU processes live on)
        node.kill();
        UUID start = alice.accept(vm, "start");
        await("StartVm relayed to the node topic").atMost(WAIT)
                .untilAsserted(() -> topics.commandFor(node.commandTopic(), start));
        UUID startMessage = topics.messageId(topics.commandFor(node.commandTopic(), start));

        topics.skipUnread(agentGroup(node), node.commandTopic());
        node.start();

        VmDriver.requireSucceeded(alice.awaitFinished(start, WITHIN_A_PERIOD), "start whose StartVm was lost");
        assertThat(alice.status(vm)).isEqualTo("RUNNING");
        assertThat(QemuProcesses.isAlive(node.qemuPid(vm))).isTrue();
        assertThat(topics.resultsFor(Topics.VM_EVENTS, startMessage)).as("the agent never saw the StartVm").isEmpty();
        alice.deleteAndForget(vm);
    }

    @Test
    void aLostStatusEventIsCorrectedByTheNextFullReport() {
        UUID vm = alice.createDefined("lost-event", SharedPlatform.GUEST_MEMORY_MB);
        alice.succeed(vm, "start");
        PlatformNode node = nodeOf(vm);
        node.kill();
        UUID stop = alice.accept(vm, "stop");
        await("StopVm relayed to the node topic").atMost(WAIT)
                .untilAsserted(() -> topics.commandFor(node.commandTopic(), stop));
        long generation = alice.api().vm(vm).expect(200).body().path("generation").asLong();

        // vm-service is down while the agent stops the VM; the STOPPED event is then skipped for good
        platform.service(SharedPlatform.VM_SERVICE).stop();
        try {
            node.agent().launch().awaitReady();
            await("STOPPED reported while vm-service is down").atMost(WAIT).until(() -> topics
                    .statusesOf(Topics.VM_EVENTS, vm).stream()
                    .anyMatch(status -> status.status() == VmStatus.STOPPED && status.generation() == generation));
            topics.skipUnread("vm-service", Topics.VM_EVENTS);
        } finally {
            platform.startService(SharedPlatform.VM_SERVICE);
            node.start();
        }

        VmDriver.requireSucceeded(alice.awaitFinished(stop, WITHIN_A_PERIOD), "stop whose STOPPED event was lost");
        assertThat(alice.status(vm)).isEqualTo("STOPPED");
        List<String> corrections = new ArrayList<>();
        for (JsonNode item : alice.api().logs(vm, 20).expect(200).body().path("items")) {
            if (item.path("event").path("kind").asString().equals("STATUS_CORRECTED")) {
                corrections.add(item.path("event").path("reason").asString());
            }
        }
        // the STOPPED report's reason follows: how the stop went
        assertThat(corrections).singleElement().asString().startsWith("status corrected by node " + node.name()
                + "'s report: was STOPPING, is STOPPED");
        alice.deleteAndForget(vm);
    }

    @Test
    void reportsAndCommandsAtGenerationsNeverIssuedBreakNothing() throws Exception {
        UUID vm = alice.createDefined("forged", SharedPlatform.GUEST_MEMORY_MB);
        alice.succeed(vm, "start");
        JsonNode view = alice.api().vm(vm).expect(200).body();
        PlatformNode node = platform.nodeOf(view);
        long generation = view.path("generation").asLong();
        String tenant = view.path("tenantId").asString();
        long pid = node.qemuPid(vm);
        double refusedBefore = refusedReports();

        // a report vm-service never asked for, straight onto voidvm.vm.events
        topics.publish(envelopes.<VmEvent>of(new VmStatusChanged(VmStatus.STOPPED, "forged", generation + 50,
                Instant.now())).vmId(vm).tenantId(tenant).nodeName(node.name()).build());
        await("forged report refused").atMost(WAIT).until(() -> refusedReports() >= refusedBefore + 1);
        assertThat(alice.status(vm)).isEqualTo("RUNNING");

        // a command vm-service never sent, straight onto the node's topic: the agent obeys it (it cannot know) ...
        topics.publish(envelopes.<VmCommand>of(new StopVm(true, Duration.ZERO, generation + 60)).vmId(vm)
                .tenantId(tenant).nodeName(node.name()).build());
        await("forged stop obeyed").atMost(WAIT).until(() -> !QemuProcesses.isAlive(pid));
        // ... vm-service refuses what the agent then reports, and the agent's next resync restores vm-service's state
        await("VM running again after the resync").atMost(WITHIN_A_PERIOD.plus(WITHIN_A_PERIOD)).until(() -> {
            long now = node.qemuPid(vm);
            return now != pid && QemuProcesses.isAlive(now);
        });
        assertThat(refusedReports()).isGreaterThanOrEqualTo(refusedBefore + 2);
        alice.awaitStatus(vm, "RUNNING");

        // vm-service's own commands are news to the node again; a delete no longer hangs in DELETING
        alice.succeed(vm, "stop");
        assertThat(alice.status(vm)).isEqualTo("STOPPED");
        alice.deleteAndForget(vm);
        await("VM directory removed").atMost(WAIT).until(() -> !Files.exists(node.vmDir(vm)));
    }

    @Test
    void aVmThePlatformDoesNotKnowIsDestroyedAfterTheGracePeriod() {
        PlatformNode node = platform.nodes().getLast();
        UUID stray = UUID.randomUUID();
        VmSpec spec = new VmSpec("stray", 1, SharedPlatform.GUEST_MEMORY_MB,
                List.of(new DiskSpec("root", new DiskSource.TestDisk("boot.raw"), DiskFormat.RAW, DiskBus.VIRTIO, 1,
                        false)),
                List.of(), OsType.OTHER, RestartPolicy.ON_FAILURE);

        topics.publish(command(node, stray, new DefineVm(spec, 1)));
        topics.publish(command(node, stray, new StartVm(2)));
        await("stray QEMU running").atMost(WAIT).until(() -> QemuProcesses.isAlive(node.qemuPid(stray)));
        long pid = node.qemuPid(stray);
        NodeObservedState.StrayVm reported = await("stray reported").atMost(WITHIN_A_PERIOD)
                .until(() -> firstReportOf(node, stray), found -> found != null);
        assertThat(Duration.between(reported.since(), reported.destroyAt())).isEqualTo(STRAY_GRACE);

        await("stray QEMU ended and its directory removed").atMost(STRAY_GRACE.plus(WITHIN_A_PERIOD))
                .until(() -> !QemuProcesses.isAlive(pid) && !Files.exists(node.vmDir(stray)));
        assertThat(Instant.now()).as("not before its grace period").isAfterOrEqualTo(reported.destroyAt());
        assertThat(QemuProcesses.mentioning(stray.toString())).isEmpty();
        alice.api().vm(stray).expect(404);
    }

    private static PlatformNode nodeOf(UUID vm) {
        return platform.nodeOf(alice.api().vm(vm).expect(200).body());
    }

    /** The agent's consumer group on its command topic (node-agent's CommandConsumerConfiguration). */
    private static String agentGroup(PlatformNode node) {
        return "node-agent-" + node.name();
    }

    /** The stray entry of the node's first full report that names {@code vm} a stray; null if none does yet. */
    private static NodeObservedState.StrayVm firstReportOf(PlatformNode node, UUID vm) {
        return topics.envelopes(Topics.NODE_OBSERVED_STATE).stream()
                .map(MessageEnvelope::payload)
                .filter(payload -> payload instanceof NodeObservedState report && report.nodeName().equals(node.name()))
                .flatMap(payload -> ((NodeObservedState) payload).strays().stream())
                .filter(stray -> stray.vmId().equals(vm))
                .findFirst().orElse(null);
    }

    private MessageEnvelope<VmCommand> command(PlatformNode node, UUID vm, VmCommand command) {
        return envelopes.<VmCommand>of(command).vmId(vm).tenantId("intruder").nodeName(node.name()).build();
    }

    /** vm-service's {@code voidvm.vm.reports.refused}, all tags summed, from its Prometheus endpoint. */
    private static double refusedReports() throws IOException, InterruptedException {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(platform.service(SharedPlatform.VM_SERVICE).baseUrl() + "/actuator/prometheus")).GET()
                .build(), HttpResponse.BodyHandlers.ofString());
        return response.body().lines().filter(line -> line.startsWith("voidvm_vm_reports_refused_total"))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1))).sum();
    }

    private static Duration agentTiming(String variable) {
        return FaultTimings.duration(SharedPlatform.NODE_AGENT, variable);
    }
}
