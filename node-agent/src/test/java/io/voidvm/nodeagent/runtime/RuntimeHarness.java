package io.voidvm.nodeagent.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.voidvm.contracts.envelope.Envelopes;
import io.voidvm.contracts.envelope.MessageEnvelope;
import io.voidvm.contracts.vm.command.DefineVm;
import io.voidvm.contracts.vm.command.StartVm;
import io.voidvm.contracts.vm.command.VmCommand;
import io.voidvm.contracts.vm.event.CommandOutcome;
import io.voidvm.contracts.vm.event.CommandResult;
import io.voidvm.contracts.vm.spec.DiskBus;
import io.voidvm.contracts.vm.spec.DiskFormat;
import io.voidvm.contracts.vm.spec.DiskSource;
import io.voidvm.contracts.vm.spec.DiskSpec;
import io.voidvm.contracts.vm.spec.OsType;
import io.voidvm.contracts.vm.spec.RestartPolicy;
import io.voidvm.contracts.vm.spec.VmSpec;
import io.voidvm.contracts.volume.VolumeEvent;
import io.voidvm.nodeagent.qemu.domain.Accelerator;
import io.voidvm.nodeagent.qemu.domain.AcceleratorMode;
import io.voidvm.nodeagent.qemu.domain.MachineType;
import io.voidvm.nodeagent.qemu.domain.NodeConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** A node's runtime over the fake hypervisor and a real state directory. */
public final class RuntimeHarness implements AutoCloseable {

    static final Duration STOP_TIMEOUT = Duration.ofMillis(200);

    public final Path dir;
    public final Path stateDir;
    public final FakeQemu qemu;
    public final RecordingEventSink events = new RecordingEventSink();
    public final List<VolumeEvent> volumeEvents = new java.util.concurrent.CopyOnWriteArrayList<>();
    public final VmStore store;
    public final VmRuntimes runtimes;
    private final int taskQueueCapacity;
    private final Envelopes envelopes = new Envelopes(Clock.systemUTC());

    public RuntimeHarness(Path dir) {
        this(dir, new FakeQemu(), RuntimeSettings.DEFAULT_TASK_QUEUE_CAPACITY);
    }

    /** With at most {@code taskQueueCapacity} tasks waiting per VM. */
    public RuntimeHarness(Path dir, int taskQueueCapacity) {
        this(dir, new FakeQemu(), taskQueueCapacity);
    }

    private RuntimeHarness(Path dir, FakeQemu qemu, int taskQueueCapacity) {
        this.taskQueueCapacity = taskQueueCapacity;
        this.dir = dir;
        this.qemu = qemu;
        this.stateDir = dir.resolve("state");
        this.store = new VmStore(stateDir);
        Path testDisks = dir.resolve("test-disks");
        try {
            Files.createDirectories(testDisks);
            Files.write(testDisks.resolve("boot.raw"), new byte[512]);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        RuntimeSettings settings = new RuntimeSettings(
                new NodeConfig(stateDir, AcceleratorMode.TCG, Path.of("/usr/bin/qemu-system-x86_64"), true,
                        MachineType.Q35),
                Accelerator.TCG, Duration.ofSeconds(1), Duration.ofSeconds(1), STOP_TIMEOUT, Duration.ofSeconds(1),
                3, Duration.ofMinutes(1), taskQueueCapacity);
        RuntimeContext context = new RuntimeContext(qemu, qemu, events, store,
                new DiskProvisioner(Optional.of(testDisks), Optional.empty()), settings, Clock.systemUTC(),
                (origin, event) -> volumeEvents.add(event), Duration.ofSeconds(1));
        this.runtimes = new VmRuntimes(context, ProcessedCommandLog.open(stateDir.resolve("processed.log"), 100));
    }

    /** A new agent on the same state directory, beside the same (still running) fake QEMUs. */
    public RuntimeHarness restarted() {
        runtimes.close();
        return new RuntimeHarness(dir, qemu, taskQueueCapacity);
    }

    public static VmSpec spec(RestartPolicy policy) {
        return spec(policy, new DiskSource.TestDisk("boot.raw"));
    }

    static VmSpec spec(RestartPolicy policy, DiskSource disk) {
        return new VmSpec("vm-1", 1, 32,
                List.of(new DiskSpec("root", disk, DiskFormat.RAW, DiskBus.VIRTIO, 1, false)),
                List.of(), OsType.LINUX, policy);
    }

    public MessageEnvelope<VmCommand> envelope(UUID vmId, VmCommand command) {
        return envelopes.<VmCommand>of(command).vmId(vmId).tenantId("tenant-1").nodeName("node-1")
                .correlationId(UUID.randomUUID()).build();
    }

    /** Defines and starts {@code vmId} and waits until the start succeeded. */
    public void running(UUID vmId, RestartPolicy policy) {
        send(vmId, new DefineVm(spec(policy), 1));
        awaitResult(send(vmId, new StartVm(2)), CommandOutcome.SUCCEEDED);
    }

    /** Waits for the one result of {@code commandId} and checks its outcome. */
    public CommandResult awaitResult(UUID commandId, CommandOutcome outcome) {
        await().atMost(Duration.ofSeconds(5)).until(() -> !events.results(commandId).isEmpty());
        List<CommandResult> results = events.results(commandId);
        assertThat(results).hasSize(1);
        assertThat(results.getFirst().outcome()).as("%s", results.getFirst()).isEqualTo(outcome);
        return results.getFirst();
    }

    /** Sends a fresh command and returns its message id. */
    public UUID send(UUID vmId, VmCommand command) {
        MessageEnvelope<VmCommand> envelope = envelope(vmId, command);
        runtimes.accept(envelope);
        return envelope.messageId();
    }

    @Override
    public void close() {
        runtimes.close();
    }
}
