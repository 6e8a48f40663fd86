package io.voidvm.nodeagent.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.voidvm.contracts.codec.UnknownMessageTypeException;
import io.voidvm.contracts.envelope.MessageEnvelope;
import io.voidvm.contracts.topic.Topics;
import io.voidvm.contracts.vm.command.DefineVm;
import io.voidvm.contracts.vm.command.DeleteVm;
import io.voidvm.contracts.vm.command.PauseVm;
import io.voidvm.contracts.vm.command.ResetVm;
import io.voidvm.contracts.vm.command.ResumeVm;
import io.voidvm.contracts.vm.command.StartVm;
import io.voidvm.contracts.vm.command.StopVm;
import io.voidvm.contracts.vm.command.VmCommand;
import io.voidvm.contracts.vm.event.CommandOutcome;
import io.voidvm.contracts.vm.event.CommandResult;
import io.voidvm.contracts.vm.event.VmEvent;
import io.voidvm.contracts.vm.event.VmStatus;
import io.voidvm.contracts.vm.event.VmStatusChanged;
import io.voidvm.contracts.vm.spec.OsType;
import io.voidvm.contracts.vm.spec.RestartPolicy;
import io.voidvm.contracts.vm.spec.VmSpec;
import io.voidvm.kafkakit.DeadLetterHeaders;
import io.voidvm.kafkakit.DeadLetterReport;
import io.voidvm.nodeagent.testing.AgentTopics;
import io.voidvm.nodeagent.testing.MarkerVms;
import io.voidvm.nodeagent.testing.QemuProcesses;
import io.voidvm.nodeagent.testing.Trees;
import io.voidvm.testsupport.junit.WithKafka;
import io.voidvm.testsupport.kafka.KafkaBroker;
import io.voidvm.testsupport.qemu.RequiresQemu;
import io.voidvm.testsupport.qemu.TestGuests;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The whole agent against the real broker and real QEMU (TCG, marker guests): commands in on the node's
 * topic, QEMU processes on the host, events out on {@code voidvm.vm.events}.
 */
@WithKafka
@RequiresQemu
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE, properties = {
        "voidvm.nodeagent.node-name=" + VmLifecycleIT.NODE,
        "voidvm.nodeagent.accelerator=tcg",
        "voidvm.nodeagent.heartbeat-interval=5s",
        "voidvm.nodeagent.runtime.quit-timeout=2s"})
class VmLifecycleIT {

    static final String NODE = "lifecycle-it";
    private static final Duration WAIT = Duration.ofSeconds(30);

    static Path root;
    static AgentTopics topics;

    @Autowired
    MeterRegistry registry;

    @DynamicPropertySource
    static void stateDir(DynamicPropertyRegistry registry) throws IOException {
        // short and fresh: Unix socket paths below it must fit 107 bytes, and old VMs must not be restored
        root = Files.createTempDirectory("voidvm-lc-");
        registry.add("voidvm.nodeagent.state-dir", () -> root.resolve("state").toString());
        registry.add("voidvm.nodeagent.runtime.test-disk-dir", () -> root.resolve("disks").toString());
    }

    @BeforeAll
    static void connect(KafkaBroker broker) {
        topics = new AgentTopics(broker.bootstrapServers(), NODE);
    }

    @AfterAll
    static void cleanUp() {
        topics.close();
        QemuProcesses.killAll(root.toString());
        await().atMost(WAIT).until(() -> QemuProcesses.mentioning(root.toString()).isEmpty());
        Trees.delete(root);
    }

    @Test
    void aVmGoesThroughItsWholeLifeOnCommands() throws IOException {
        UUID vm = UUID.randomUUID();
        Path vmDir = root.resolve("state/vms").resolve(vm.toString());
        String marker = "life" + vm.toString().substring(0, 8);

        topics.send(vm, new DefineVm(MarkerVms.spec(root.resolve("disks"), marker, RestartPolicy.NEVER), 1));
        succeeded(topics.send(vm, new StartVm(2)));
        assertThat(lastStatus(vm).status()).isEqualTo(VmStatus.RUNNING);
        assertThat(lastStatus(vm).generation()).isEqualTo(2);
        await().atMost(WAIT).until(() -> readyLines(vmDir, marker) == 1);
        long firstPid = QemuProcesses.pidFile(vmDir);
        assertThat(QemuProcesses.mentioning(vm.toString())).containsExactly(firstPid);

        succeeded(topics.send(vm, new PauseVm(3)));
        assertThat(lastStatus(vm).status()).isEqualTo(VmStatus.PAUSED);
        succeeded(topics.send(vm, new ResumeVm(4)));
        assertThat(lastStatus(vm).status()).isEqualTo(VmStatus.RUNNING);

        succeeded(topics.send(vm, new ResetVm()));
        // the guest boots again from its first instruction and prints its marker a second time
        await().atMost(WAIT).until(() -> readyLines(vmDir, marker) == 2);

        // the marker guest ignores ACPI: the graceful stop must fall back to force after its timeout
        succeeded(topics.send(vm, new StopVm(false, Duration.ofMillis(500), 5)));
        assertThat(lastStatus(vm).status()).isEqualTo(VmStatus.STOPPED);
        assertThat(lastStatus(vm).reason()).isEqualTo("guest did not power off within 500 ms; forced stop");
        assertThat(QemuProcesses.isAlive(firstPid)).isFalse();

        succeeded(topics.send(vm, new StartVm(6)));
        long secondPid = QemuProcesses.pidFile(vmDir);
        assertThat(secondPid).isNotEqualTo(firstPid);
        succeeded(topics.send(vm, new StopVm(true, Duration.ZERO, 7)));
        assertThat(lastStatus(vm).reason()).isEqualTo("forced stop");
        assertThat(QemuProcesses.isAlive(secondPid)).isFalse();

        succeeded(topics.send(vm, new DeleteVm(8)));
        assertThat(lastStatus(vm).status()).isEqualTo(VmStatus.DELETED);
        assertThat(vmDir).doesNotExist();
        assertThat(QemuProcesses.mentioning(vm.toString())).isEmpty();
    }

    /** A VM without disks (for ISO or network boot) is defined, runs with QEMU up, and stops and goes as any VM. */
    @Test
    void aVmWithoutDisksRunsAndStopsAndIsDeleted() {
        UUID vm = UUID.randomUUID();
        Path vmDir = root.resolve("state/vms").resolve(vm.toString());
        VmSpec spec = new VmSpec("vm-no-disk", 1, 32, List.of(), List.of(), OsType.OTHER, RestartPolicy.NEVER);

        succeeded(topics.send(vm, new DefineVm(spec, 1)));
        succeeded(topics.send(vm, new StartVm(2)));
        assertThat(lastStatus(vm).status()).isEqualTo(VmStatus.RUNNING);
        long pid = QemuProcesses.pidFile(vmDir);
        assertThat(QemuProcesses.isAlive(pid)).isTrue();
        assertThat(vmDir.resolve("disks")).as("nothing provisioned").satisfiesAnyOf(
                disks -> assertThat(disks).doesNotExist(), disks -> assertThat(disks).isEmptyDirectory());

        succeeded(topics.send(vm, new StopVm(true, Duration.ZERO, 3)));
        assertThat(lastStatus(vm).status()).isEqualTo(VmStatus.STOPPED);
        assertThat(QemuProcesses.isAlive(pid)).isFalse();
        succeeded(topics.send(vm, new DeleteVm(4)));
        assertThat(lastStatus(vm).status()).isEqualTo(VmStatus.DELETED);
        assertThat(vmDir).doesNotExist();
    }

    @Test
    void theSameCommandDeliveredTwiceHasOneEffect() {
        UUID vm = UUID.randomUUID();
        String marker = "dup" + vm.toString().substring(0, 8);
        topics.send(vm, new DefineVm(MarkerVms.spec(root.resolve("disks"), marker, RestartPolicy.NEVER), 1));
        MessageEnvelope<VmCommand> start = topics.envelope(vm, new StartVm(2));

        topics.send(start);
        topics.send(start);
        // commands of one VM share a partition: once a later command is answered, both copies were consumed
        succeeded(topics.send(vm, new ResetVm()));

        assertThat(topics.results(start.messageId())).extracting(CommandResult::outcome)
                .containsExactly(CommandOutcome.SUCCEEDED);
        assertThat(QemuProcesses.mentioning(vm.toString())).hasSize(1);
        // the define's own STOPPED report carries generation 1; the start (twice delivered) acts once
        assertThat(topics.statuses(vm)).filteredOn(status -> status.generation() == 2)
                .extracting(VmStatusChanged::status)
                .containsExactly(VmStatus.STARTING, VmStatus.RUNNING);
        succeeded(topics.send(vm, new StopVm(true, Duration.ZERO, 3)));
    }

    /**
     * Item 5 of issue 10: a crash the restart policy repairs must leave a trace that vm-service can turn into VM
     * log entries. Three SIGKILLs are repaired, each one reported with its reason and its place in the restart
     * budget; the fourth finds the budget spent.
     */
    @Test
    void aCrashRepairedByTheRestartPolicyLeavesATraceOfReasons() {
        UUID vm = UUID.randomUUID();
        Path vmDir = root.resolve("state/vms").resolve(vm.toString());
        String marker = "crash" + vm.toString().substring(0, 8);
        topics.send(vm, new DefineVm(MarkerVms.spec(root.resolve("disks"), marker, RestartPolicy.ALWAYS), 1));
        succeeded(topics.send(vm, new StartVm(2)));
        int before = topics.statuses(vm).size();

        for (int restart = 1; restart <= 3; restart++) {
            ProcessHandle.of(QemuProcesses.pidFile(vmDir)).orElseThrow().destroyForcibly();
            int restarts = restart;
            // the agent is done with a restart once its RUNNING is out
            await().atMost(WAIT).until(() -> topics.statuses(vm).subList(before, topics.statuses(vm).size()).stream()
                    .filter(status -> status.status() == VmStatus.RUNNING).count() == restarts);
        }
        ProcessHandle.of(QemuProcesses.pidFile(vmDir)).orElseThrow().destroyForcibly();
        await().atMost(WAIT).until(() -> lastStatus(vm).reason() != null
                && lastStatus(vm).reason().startsWith("not restarted"));

        List<MessageEnvelope<VmEvent>> trace = topics.events(vm).stream()
                .filter(event -> event.payload() instanceof VmStatusChanged).skip(before).toList();
        String crash = "qemu exited unexpectedly: killed by signal 9 (SIGKILL)";
        assertThat(trace).extracting(event -> (VmStatusChanged) event.payload())
                .extracting(VmStatusChanged::status, VmStatusChanged::reason, VmStatusChanged::generation)
                .containsExactly(
                        tuple(VmStatus.ERROR, crash, 2L),
                        tuple(VmStatus.STARTING, "restarted by restart policy ALWAYS (restart 1 of 3 within 10m)", 2L),
                        tuple(VmStatus.RUNNING, null, 2L),
                        tuple(VmStatus.ERROR, crash, 2L),
                        tuple(VmStatus.STARTING, "restarted by restart policy ALWAYS (restart 2 of 3 within 10m)", 2L),
                        tuple(VmStatus.RUNNING, null, 2L),
                        tuple(VmStatus.ERROR, crash, 2L),
                        tuple(VmStatus.STARTING, "restarted by restart policy ALWAYS (restart 3 of 3 within 10m)", 2L),
                        tuple(VmStatus.RUNNING, null, 2L),
                        tuple(VmStatus.ERROR, crash, 2L),
                        tuple(VmStatus.ERROR, "not restarted: restart policy ALWAYS allows 3 restarts within 10m,"
                                + " all used", 2L));
        // nothing the platform asked for: no operation to attach them to
        assertThat(trace).allSatisfy(event -> assertThat(event.correlationId()).isNull());
        assertThat(QemuProcesses.mentioning(vm.toString())).isEmpty();
        // a requested stop is no failure: the policy leaves it stopped, and nothing restarts behind the test
        succeeded(topics.send(vm, new StopVm(true, Duration.ZERO, 3)));
        assertThat(QemuProcesses.mentioning(vm.toString())).isEmpty();
    }

    @Test
    @ExtendWith(OutputCaptureExtension.class)
    void anUnreadableCommandGoesToTheDeadLetterTopicWithALogLineAndACount(KafkaBroker broker, CapturedOutput output) {
        String topic = Topics.nodeCommands(NODE);
        double before = deadLetters(topic, "UNKNOWN_TYPE");
        String key = UUID.randomUUID().toString();
        String secret = "s3cret-" + UUID.randomUUID();
        topics.sendRaw(key, ("{\"schemaVersion\": 1, \"type\": \"vm.command.explode\", \"payload\": {\"password\": \""
                + secret + "\"}}").getBytes(StandardCharsets.UTF_8));

        List<ConsumerRecord<String, byte[]>> dead = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "dlt-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(),
                new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(Topics.deadLetter(topic)));
            await().atMost(WAIT).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(record -> {
                    if (key.equals(record.key())) {
                        dead.add(record);
                    }
                });
                return !dead.isEmpty();
            });
        }
        assertThat(new String(dead.getFirst().value(), StandardCharsets.UTF_8)).contains("vm.command.explode");
        assertThat(new String(dead.getFirst().headers().lastHeader(DeadLetterHeaders.REASON).value(),
                StandardCharsets.UTF_8)).isEqualTo("UNKNOWN_TYPE");
        Headers headers = dead.getFirst().headers();
        int partition = ByteBuffer.wrap(headers.lastHeader(KafkaHeaders.DLT_ORIGINAL_PARTITION).value()).getInt();
        long offset = ByteBuffer.wrap(headers.lastHeader(KafkaHeaders.DLT_ORIGINAL_OFFSET).value()).getLong();
        await().atMost(WAIT).untilAsserted(() -> assertThat(output.getOut()).contains("key " + key));
        String line = output.getOut().lines().filter(candidate -> candidate.contains(key)).findFirst().orElseThrow();
        assertThat(line).contains("WARN", "dead letter: " + topic + "-" + partition + "@" + offset, "UNKNOWN_TYPE",
                UnknownMessageTypeException.class.getName(), "unknown message type");
        assertThat(output.getAll()).as("the value may carry secrets: never logged").doesNotContain(secret);
        assertThat(deadLetters(topic, "UNKNOWN_TYPE")).isEqualTo(before + 1);
    }

    private double deadLetters(String topic, String reason) {
        Counter counter = registry.find(DeadLetterReport.COUNTER).tag("topic", topic).tag("reason", reason).counter();
        return counter == null ? 0 : counter.count();
    }

    private static void succeeded(MessageEnvelope<VmCommand> command) {
        await().atMost(WAIT).until(() -> !topics.results(command.messageId()).isEmpty());
        assertThat(topics.results(command.messageId())).singleElement()
                .satisfies(result -> assertThat(result.outcome()).as("%s", result).isEqualTo(CommandOutcome.SUCCEEDED));
    }

    private static VmStatusChanged lastStatus(UUID vm) {
        return topics.statuses(vm).getLast();
    }

    private static long readyLines(Path vmDir, String marker) throws IOException {
        Path log = vmDir.resolve("serial.log");
        if (!Files.exists(log)) {
            return 0;
        }
        return Files.readAllLines(log, StandardCharsets.ISO_8859_1).stream()
                .filter(line -> line.contains(TestGuests.readyLine(marker)))
                .count();
    }
}
