package io.voidvm.nodeagent.reconcile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.voidvm.contracts.envelope.MessageEnvelope;
import io.voidvm.contracts.vm.command.DefineVm;
import io.voidvm.contracts.vm.command.PauseVm;
import io.voidvm.contracts.vm.command.ResumeVm;
import io.voidvm.contracts.vm.command.StartVm;
import io.voidvm.contracts.vm.command.VmCommand;
import io.voidvm.contracts.vm.event.CommandOutcome;
import io.voidvm.contracts.vm.event.CommandResult;
import io.voidvm.contracts.vm.event.VmStatus;
import io.voidvm.contracts.vm.event.VmStatusChanged;
import io.voidvm.contracts.vm.spec.RestartPolicy;
import io.voidvm.nodeagent.NodeAgentApplication;
import io.voidvm.nodeagent.testing.AgentTopics;
import io.voidvm.nodeagent.testing.MarkerVms;
import io.voidvm.nodeagent.testing.QemuProcesses;
import io.voidvm.nodeagent.testing.Trees;
import io.voidvm.testsupport.junit.WithKafka;
import io.voidvm.testsupport.kafka.KafkaBroker;
import io.voidvm.testsupport.qemu.RequiresQemu;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The agent as its own JVM, killed with SIGKILL while it runs five VMs: QEMU must not notice, and the agent
 * started again on the same state directory must find every VM, report it, and apply the command that was
 * published while it was dead, once.
 */
@WithKafka
@RequiresQemu
class AgentRestartFaultIT {

    private static final String NODE = "fault-it";
    private static final int VMS = 5;
    private static final Duration WAIT = Duration.ofSeconds(60);

    private Path root;
    private AgentTopics topics;
    private Process agent;

    @BeforeEach
    void setUp(KafkaBroker broker) throws IOException {
        // short: Unix socket paths below the state directory must fit in 107 bytes
        root = Files.createTempDirectory("voidvm-fault-");
        topics = new AgentTopics(broker.bootstrapServers(), NODE);
    }

    @AfterEach
    void tearDown() throws InterruptedException {
        if (agent != null) {
            agent.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        topics.close();
        QemuProcesses.killAll(root.toString());
        await().atMost(WAIT).until(() -> QemuProcesses.mentioning(root.toString()).isEmpty());
        Trees.delete(root);
    }

    @Test
    void vmsOutliveASigkilledAgentWhichReattachesAndAppliesTheMissedCommandOnce(KafkaBroker broker)
            throws Exception {
        agent = startAgent(broker, "first");
        Map<UUID, MessageEnvelope<VmCommand>> starts = new LinkedHashMap<>();
        for (int i = 0; i < VMS; i++) {
            UUID vm = UUID.randomUUID();
            topics.send(vm, new DefineVm(MarkerVms.spec(root.resolve("disks"), "fault" + i, RestartPolicy.ON_FAILURE),
                    1));
            starts.put(vm, topics.send(vm, new StartVm(2)));
        }
        List<UUID> vms = new ArrayList<>(starts.keySet());
        starts.values().forEach(this::awaitSucceeded);
        Map<UUID, Long> pids = new LinkedHashMap<>();
        vms.forEach(vm -> pids.put(vm, QemuProcesses.pidFile(vmDir(vm))));
        assertThat(pids.values()).allSatisfy(pid -> assertThat(QemuProcesses.isAlive(pid)).isTrue());

        agent.destroyForcibly();
        assertThat(agent.waitFor(10, TimeUnit.SECONDS)).as("agent JVM gone after SIGKILL").isTrue();
        assertThat(pids.values()).as("QEMU processes after the agent died")
                .allSatisfy(pid -> assertThat(QemuProcesses.isAlive(pid)).isTrue());

        UUID pausedVm = vms.getFirst();
        MessageEnvelope<VmCommand> pause = topics.send(pausedVm, new PauseVm(3));
        agent = startAgent(broker, "second");

        await().atMost(WAIT).untilAsserted(() -> assertThat(vms).allSatisfy(vm ->
                assertThat(topics.statuses(vm)).anySatisfy(status -> {
                    assertThat(status.status()).isEqualTo(VmStatus.RUNNING);
                    assertThat(status.reason()).isEqualTo("re-attached after agent restart");
                    assertThat(status.generation()).isEqualTo(2);
                })));
        awaitSucceeded(pause);
        // a later command of the same VM being answered means the pause can no longer be pending somewhere
        awaitSucceeded(topics.send(pausedVm, new ResumeVm(4)));

        assertThat(topics.results(pause.messageId())).hasSize(1);
        assertThat(topics.statuses(pausedVm)).extracting(VmStatusChanged::status)
                .containsOnlyOnce(VmStatus.PAUSED);
        assertThat(vms).allSatisfy(vm -> assertThat(QemuProcesses.pidFile(vmDir(vm))).isEqualTo(pids.get(vm)));
        assertThat(QemuProcesses.mentioning(root.toString())).containsExactlyInAnyOrderElementsOf(pids.values());
    }

    private Path vmDir(UUID vm) {
        return root.resolve("state/vms").resolve(vm.toString());
    }

    private void awaitSucceeded(MessageEnvelope<VmCommand> command) {
        await().atMost(WAIT).until(() -> !topics.results(command.messageId()).isEmpty() || !agent.isAlive());
        assertThat(agent.isAlive()).as("agent JVM alive; see its log under target/").isTrue();
        assertThat(topics.results(command.messageId())).extracting(CommandResult::outcome)
                .containsExactly(CommandOutcome.SUCCEEDED);
    }

    /** The agent from the test classpath in a JVM of its own, as on a node; output to target/. */
    private Process startAgent(KafkaBroker broker, String name) throws IOException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Path log = Path.of("target", "fault-it-agent-" + name + ".log").toAbsolutePath();
        List<String> command = List.of(java.toString(),
                "-Xmx256m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                "--sun-misc-unsafe-memory-access=allow", "--enable-native-access=ALL-UNNAMED",
                "-cp", System.getProperty("java.class.path"),
                NodeAgentApplication.class.getName(),
                "--server.port=0",
                "--spring.kafka.bootstrap-servers=" + broker.bootstrapServers(),
                "--voidvm.nodeagent.node-name=" + NODE,
                "--voidvm.nodeagent.state-dir=" + root.resolve("state"),
                "--voidvm.nodeagent.accelerator=tcg",
                "--voidvm.nodeagent.heartbeat-interval=5s",
                "--voidvm.nodeagent.runtime.test-disk-dir=" + root.resolve("disks"));
        return new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.to(log.toFile()))
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .start();
    }
}
