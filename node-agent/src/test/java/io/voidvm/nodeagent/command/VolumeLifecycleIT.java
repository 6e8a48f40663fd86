package io.voidvm.nodeagent.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.voidvm.contracts.envelope.MessageEnvelope;
import io.voidvm.contracts.vm.command.AttachVolume;
import io.voidvm.contracts.vm.command.DefineVm;
import io.voidvm.contracts.vm.command.DetachVolume;
import io.voidvm.contracts.vm.command.StartVm;
import io.voidvm.contracts.vm.command.StopVm;
import io.voidvm.contracts.vm.command.VmCommand;
import io.voidvm.contracts.vm.event.CommandOutcome;
import io.voidvm.contracts.vm.event.CommandResult;
import io.voidvm.contracts.vm.event.VmStatus;
import io.voidvm.contracts.vm.spec.DiskBus;
import io.voidvm.contracts.vm.spec.DiskFormat;
import io.voidvm.contracts.vm.spec.DiskSource;
import io.voidvm.contracts.vm.spec.DiskSpec;
import io.voidvm.contracts.vm.spec.RestartPolicy;
import io.voidvm.contracts.vm.spec.VmSpec;
import io.voidvm.contracts.volume.CreateVolume;
import io.voidvm.contracts.volume.DeleteVolume;
import io.voidvm.contracts.volume.ResizeVolume;
import io.voidvm.contracts.volume.VolumeCommand;
import io.voidvm.contracts.volume.VolumeEvent;
import io.voidvm.contracts.volume.VolumeLocation;
import io.voidvm.contracts.volume.VolumeOperation;
import io.voidvm.contracts.volume.VolumeOrigin;
import io.voidvm.nodeagent.qmp.BlockDevice;
import io.voidvm.nodeagent.runtime.VmBlockDevicesEndpoint;
import io.voidvm.nodeagent.runtime.VmRuntimes;
import io.voidvm.nodeagent.testing.AgentTopics;
import io.voidvm.nodeagent.testing.MarkerVms;
import io.voidvm.nodeagent.testing.QemuProcesses;
import io.voidvm.nodeagent.testing.Trees;
import io.voidvm.nodeagent.volume.domain.VolumeFailure;
import io.voidvm.testsupport.junit.WithKafka;
import io.voidvm.testsupport.kafka.KafkaBroker;
import io.voidvm.testsupport.qemu.RequiresQemu;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Volumes end to end on the real broker and real QEMU: volume commands on the node's topic (keyed by volumeId)
 * become qcow2 files in the pool, a running marker guest gets one hot-plugged, grown online and detached while it
 * runs (a SCSI unplug needs nothing of the guest, which has no OS), every step answered on {@code voidvm.volume.events} with the command's correlation id.
 */
@WithKafka
@RequiresQemu
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE, properties = {
        "voidvm.nodeagent.node-name=" + VolumeLifecycleIT.NODE,
        "voidvm.nodeagent.accelerator=tcg",
        "voidvm.nodeagent.heartbeat-interval=5s",
        "voidvm.nodeagent.runtime.quit-timeout=2s",
        "voidvm.nodeagent.volumes.unplug-timeout=1s",
        "voidvm.nodeagent.volumes.volume-wait-timeout=20s"})
class VolumeLifecycleIT {

    static final String NODE = "volume-it";
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final long MIB = 1024 * 1024;

    static Path root;
    static AgentTopics topics;

    @Autowired
    VmRuntimes runtimes;

    @Autowired
    VmBlockDevicesEndpoint blockDevicesEndpoint;

    @DynamicPropertySource
    static void stateDir(DynamicPropertyRegistry registry) throws IOException {
        root = Files.createTempDirectory("voidvm-vol-");
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
    void aBlankVolumeIsHotPluggedGrownOnlineAndDetached() throws IOException {
        VolumeLocation location = new VolumeLocation("default", UUID.randomUUID(), DiskFormat.QCOW2);
        Path file = root.resolve("state/pools/default").resolve(location.volumeId() + ".qcow2");
        VolumeEvent created = volumeSucceeded(topics.sendVolume(
                new CreateVolume(location, 16 * MIB, new VolumeOrigin.Blank())));
        assertThat(created.operation()).isEqualTo(VolumeOperation.CREATE);
        assertThat(created.virtualSizeBytes()).isEqualTo(16 * MIB);
        assertThat(created.allocatedBytes()).isPositive();
        assertThat(file).isRegularFile();

        UUID vm = UUID.randomUUID();
        String marker = "vol" + vm.toString().substring(0, 8);
        topics.send(vm, new DefineVm(MarkerVms.spec(root.resolve("disks"), marker, RestartPolicy.NEVER), 1));
        succeeded(topics.send(vm, new StartVm(2)));
        assertThat(topics.statuses(vm).getLast().status()).isEqualTo(VmStatus.RUNNING);

        DiskSpec data = new DiskSpec("data", new DiskSource.Volume(location.volumeId(), "default"), DiskFormat.QCOW2,
                DiskBus.VIRTIO, null, false);
        MessageEnvelope<VmCommand> attach = topics.send(vm, new AttachVolume(data));
        succeeded(attach);
        VolumeEvent attached = volumeEvent(attach.correlationId());
        assertThat(attached.operation()).isEqualTo(VolumeOperation.ATTACH);
        assertThat(attached.vmId()).isEqualTo(vm);
        assertThat(attached.errorCode()).isNull();
        BlockDevice plugged = block(vm, file).orElseThrow();
        assertThat(plugged.qdev()).as("a SCSI disk's qdev is its device id").isEqualTo("data");
        assertThat(plugged.medium().orElseThrow().virtualSizeBytes()).isEqualTo(16 * MIB);
        assertThat(blockDevicesEndpoint.blockDevices(vm)).as("the actuator's view of query-block")
                .contains(new VmBlockDevicesEndpoint.Disk("data", "hp-data", file.toString(), "qcow2", false, 16 * MIB));
        assertThat(specJson(vm)).contains(location.volumeId().toString());
        // attaching the same disk again is no change
        succeeded(topics.send(vm, new AttachVolume(data)));

        VolumeEvent grown = volumeSucceeded(topics.sendVolume(new ResizeVolume(location, 40 * MIB, vm, "data")));
        assertThat(grown.virtualSizeBytes()).isEqualTo(40 * MIB);
        assertThat(block(vm, file).orElseThrow().medium().orElseThrow().virtualSizeBytes()).isEqualTo(40 * MIB);

        VolumeEvent refused = volumeEvent(topics.sendVolume(new DeleteVolume(location)).correlationId());
        assertThat(refused.errorCode()).isEqualTo(VolumeFailure.VOLUME_IN_USE);
        assertThat(file).exists();

        // the marker guest has no OS, and yet the disk goes while it runs: SCSI unplug completes inside QEMU
        MessageEnvelope<VmCommand> detach = topics.send(vm, new DetachVolume("data", location.volumeId()));
        succeeded(detach);
        VolumeEvent detached = volumeEvent(detach.correlationId());
        assertThat(detached.operation()).isEqualTo(VolumeOperation.DETACH);
        assertThat(detached.errorCode()).isNull();
        assertThat(block(vm, file)).isEmpty();
        assertThat(runtimes.blockDevices(vm)).as("the boot disk stays").isNotEmpty();
        assertThat(specJson(vm)).doesNotContain(location.volumeId().toString());
        assertThat(runtimes.liveVmIds()).as("the VM still runs").contains(vm);
        // detaching it again is no change
        succeeded(topics.send(vm, new DetachVolume("data", location.volumeId())));

        // attached while stopped, the volume is a SCSI disk from the start, and it too goes while the VM runs
        succeeded(topics.send(vm, new StopVm(true, Duration.ZERO, 3)));
        succeeded(topics.send(vm, new AttachVolume(data)));
        succeeded(topics.send(vm, new StartVm(4)));
        assertThat(block(vm, file).orElseThrow().qdev()).isEqualTo("scsi-disk1");
        succeeded(topics.send(vm, new DetachVolume("data", location.volumeId())));
        assertThat(block(vm, file)).isEmpty();
        assertThat(topics.statuses(vm).getLast().status()).isEqualTo(VmStatus.RUNNING);
        succeeded(topics.send(vm, new StopVm(true, Duration.ZERO, 5)));

        volumeSucceeded(topics.sendVolume(new DeleteVolume(location)));
        assertThat(file).doesNotExist();
    }

    @Test
    void aStartWaitsForItsVolumeAndARedeliveredCreateActsOnce() {
        VolumeLocation location = new VolumeLocation("default", UUID.randomUUID(), DiskFormat.QCOW2);
        UUID vm = UUID.randomUUID();
        String marker = "wait" + vm.toString().substring(0, 8);
        VmSpec boot = MarkerVms.spec(root.resolve("disks"), marker, RestartPolicy.NEVER);
        List<DiskSpec> disks = new ArrayList<>(boot.disks());
        disks.add(new DiskSpec("data", new DiskSource.Volume(location.volumeId(), "default"), DiskFormat.QCOW2,
                DiskBus.VIRTIO, null, false));
        VmSpec spec = new VmSpec(boot.name(), boot.cpuCores(), boot.memoryMb(), disks, boot.nics(), boot.osType(),
                boot.restartPolicy());
        topics.send(vm, new DefineVm(spec, 1));
        MessageEnvelope<VmCommand> start = topics.send(vm, new StartVm(2));

        // the volume's CreateVolume comes after the start, on another partition
        MessageEnvelope<VolumeCommand> create = topics.sendVolume(
                new CreateVolume(location, 8 * MIB, new VolumeOrigin.Blank()));
        topics.sendVolume(create);

        succeeded(start);
        assertThat(topics.statuses(vm).getLast().status()).isEqualTo(VmStatus.RUNNING);
        Path file = root.resolve("state/pools/default").resolve(location.volumeId() + ".qcow2");
        assertThat(block(vm, file)).isPresent();
        volumeSucceeded(create);
        // a later command on the same volume is answered only after both copies were consumed
        VolumeEvent grown = volumeSucceeded(topics.sendVolume(new ResizeVolume(location, 12 * MIB, vm, "data")));
        assertThat(grown.virtualSizeBytes()).isEqualTo(12 * MIB);
        assertThat(topics.volumeEvents(create.correlationId())).hasSize(1);
        succeeded(topics.send(vm, new StopVm(true, Duration.ZERO, 3)));
    }

    @Test
    void hotPlugCommandsForAVmThisNodeDoesNotHaveStillAnswerTheVolume() {
        UUID stranger = UUID.randomUUID();
        UUID volumeId = UUID.randomUUID();
        DiskSpec disk = new DiskSpec("data", new DiskSource.Volume(volumeId, "default"), DiskFormat.QCOW2,
                DiskBus.VIRTIO, null, false);

        // storage-service would otherwise wait on these volumes for ever (and send the commands again and again)
        VolumeEvent attach = volumeEvent(topics.send(stranger, new AttachVolume(disk)).correlationId());
        assertThat(attach.operation()).isEqualTo(VolumeOperation.ATTACH);
        assertThat(attach.outcome()).isEqualTo(CommandOutcome.FAILED);
        assertThat(attach.errorCode()).isEqualTo("VM_NOT_DEFINED");
        assertThat(attach.vmId()).isEqualTo(stranger);
        VolumeEvent detach = volumeEvent(topics.send(stranger, new DetachVolume("data", volumeId)).correlationId());
        assertThat(detach.operation()).isEqualTo(VolumeOperation.DETACH);
        assertThat(detach.outcome()).as("a VM that is not here holds no volume").isEqualTo(CommandOutcome.SUCCEEDED);
        assertThat(detach.volumeId()).isEqualTo(volumeId);
    }

    private Optional<BlockDevice> block(UUID vm, Path file) {
        return runtimes.blockDevices(vm).stream()
                .filter(device -> device.medium().map(medium -> medium.file().equals(file.toString())).orElse(false))
                .findFirst();
    }

    private static String specJson(UUID vm) throws IOException {
        return Files.readString(root.resolve("state/vms").resolve(vm.toString()).resolve("spec.json"),
                StandardCharsets.UTF_8);
    }

    private static VolumeEvent volumeSucceeded(MessageEnvelope<VolumeCommand> command) {
        VolumeEvent event = volumeEvent(command.correlationId());
        assertThat(event.outcome()).as("%s", event).isEqualTo(CommandOutcome.SUCCEEDED);
        assertThat(event.volumeId()).isEqualTo(command.payload().volumeId());
        return event;
    }

    private static VolumeEvent volumeEvent(UUID correlationId) {
        await().atMost(WAIT).until(() -> !topics.volumeEvents(correlationId).isEmpty());
        return topics.volumeEvents(correlationId).getFirst();
    }

    private static void succeeded(MessageEnvelope<VmCommand> command) {
        await().atMost(WAIT).until(() -> !topics.results(command.messageId()).isEmpty());
        assertThat(topics.results(command.messageId())).singleElement()
                .satisfies(result -> assertThat(result.outcome()).as("%s", result).isEqualTo(CommandOutcome.SUCCEEDED));
    }
}
