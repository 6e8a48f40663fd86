package io.voidvm.contracts;

import io.voidvm.contracts.envelope.MessageEnvelope;
import io.voidvm.contracts.envelope.MessageType;
import io.voidvm.contracts.metrics.NodeMetricsSample;
import io.voidvm.contracts.metrics.VmMetricsSample;
import io.voidvm.contracts.node.NodeHeartbeat;
import io.voidvm.contracts.node.NodeObservedState;
import io.voidvm.contracts.node.NodeResources;
import io.voidvm.contracts.vm.command.AttachVolume;
import io.voidvm.contracts.vm.command.CreateSnapshot;
import io.voidvm.contracts.vm.command.DetachVolume;
import io.voidvm.contracts.vm.command.DefineVm;
import io.voidvm.contracts.vm.command.DeleteSnapshot;
import io.voidvm.contracts.vm.command.DeleteVm;
import io.voidvm.contracts.vm.command.PauseVm;
import io.voidvm.contracts.vm.command.RebootVm;
import io.voidvm.contracts.vm.command.ResetVm;
import io.voidvm.contracts.vm.command.RestoreSnapshot;
import io.voidvm.contracts.vm.command.ResumeVm;
import io.voidvm.contracts.vm.command.StartVm;
import io.voidvm.contracts.vm.command.StopVm;
import io.voidvm.contracts.vm.event.CommandOutcome;
import io.voidvm.contracts.vm.event.CommandResult;
import io.voidvm.contracts.vm.event.SnapshotEvent;
import io.voidvm.contracts.vm.event.SnapshotOperation;
import io.voidvm.contracts.vm.event.VmStatus;
import io.voidvm.contracts.vm.event.VmStatusChanged;
import io.voidvm.contracts.vm.spec.DiskBus;
import io.voidvm.contracts.vm.spec.DiskFormat;
import io.voidvm.contracts.vm.spec.DiskSource;
import io.voidvm.contracts.vm.spec.DiskSpec;
import io.voidvm.contracts.vm.spec.NicModel;
import io.voidvm.contracts.vm.spec.NicSpec;
import io.voidvm.contracts.vm.spec.OsType;
import io.voidvm.contracts.vm.spec.RestartPolicy;
import io.voidvm.contracts.vm.spec.VmSpec;
import io.voidvm.contracts.volume.CreateVolume;
import io.voidvm.contracts.volume.DeleteVolume;
import io.voidvm.contracts.volume.ResizeVolume;
import io.voidvm.contracts.volume.VolumeEvent;
import io.voidvm.contracts.volume.VolumeLocation;
import io.voidvm.contracts.volume.VolumeOperation;
import io.voidvm.contracts.volume.VolumeOrigin;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** One fixed, fully populated message per {@link MessageType}; the golden files pin their JSON. */
public final class SampleMessages {

    public static final UUID MESSAGE_ID = UUID.fromString("01956b2e-4a10-7c3e-9d2a-5b6c7d8e9f01");
    public static final UUID VM_ID = UUID.fromString("6f1c2d3e-4b5a-4c6d-8e7f-901a2b3c4d5e");
    public static final UUID OPERATION_ID = UUID.fromString("01956b2e-49f0-7aaa-8bbb-cccddd000111");
    public static final Instant OCCURRED_AT = Instant.parse("2025-03-01T12:00:00.123Z");
    public static final Instant OBSERVED_AT = Instant.parse("2025-03-01T11:59:59.900Z");
    public static final UUID STRAY_VM_ID = UUID.fromString("7a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d");
    public static final UUID VOLUME_ID = UUID.fromString("1b2c3d4e-5f6a-4b7c-9d8e-0f1a2b3c4d5e");
    public static final UUID IMAGE_ID = UUID.fromString("0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d");
    public static final String IMAGE_SHA256 = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";
    public static final String TENANT = "acme";
    public static final String NODE = "node-1";
    public static final String TRACEPARENT = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

    private SampleMessages() {
    }

    public static MessageEnvelope<?> sample(MessageType type) {
        return switch (type) {
            case VM_DEFINE -> vm(new DefineVm(spec(), 7));
            case VM_START -> vm(new StartVm(8));
            case VM_STOP -> vm(new StopVm(false, Duration.ofSeconds(30), 9));
            case VM_PAUSE -> vm(new PauseVm(10));
            case VM_RESUME -> vm(new ResumeVm(11));
            case VM_RESET -> vm(new ResetVm());
            case VM_REBOOT -> vm(new RebootVm());
            case VM_DELETE -> vm(new DeleteVm(12));
            case VM_SNAPSHOT_CREATE -> vm(new CreateSnapshot("before-upgrade", true));
            case VM_SNAPSHOT_RESTORE -> vm(new RestoreSnapshot("before-upgrade"));
            case VM_SNAPSHOT_DELETE -> vm(new DeleteSnapshot("before-upgrade"));
            case VM_STATUS_CHANGED -> vm(new VmStatusChanged(VmStatus.ERROR, "guest panicked", 8, OBSERVED_AT));
            case VM_COMMAND_RESULT -> vm(CommandResult.failed(MESSAGE_ID, "QEMU_START_FAILED",
                    "qemu-system-x86_64 exited with status 1"));
            case VM_SNAPSHOT_EVENT -> vm(new SnapshotEvent("before-upgrade", SnapshotOperation.CREATE,
                    CommandOutcome.SUCCEEDED, true, null, null, OBSERVED_AT));
            case VM_METRICS_SAMPLE -> vm(new VmMetricsSample(12.5, 536_870_912L, 536_870_912L, 1_048_576L,
                    2_097_152L, 4_096L, 8_192L, OBSERVED_AT));
            case NODE_HEARTBEAT -> node(new NodeHeartbeat(NODE, new NodeResources(2, 24_576, 200),
                    new NodeResources(2, 22_528, 180), true, "7.2.15", "0.1.0", false, List.of(VM_ID),
                    Map.of("voidvm.io/kvm", "true"), OBSERVED_AT));
            case NODE_OBSERVED_STATE -> node(new NodeObservedState(NODE,
                    List.of(new NodeObservedState.ObservedVm(VM_ID, TENANT, VmStatus.RUNNING,
                            "re-attached after agent restart", 8, OBSERVED_AT)),
                    List.of(new NodeObservedState.StrayVm(STRAY_VM_ID, true, OBSERVED_AT,
                            OBSERVED_AT.plus(Duration.ofMinutes(5)))),
                    OCCURRED_AT.minusSeconds(2), OCCURRED_AT));
            case NODE_METRICS_SAMPLE -> node(new NodeMetricsSample(37.5, 0.75, 0.5, 0.25, 3_221_225_472L,
                    25_769_803_776L, 53_687_091_200L, 214_748_364_800L, OBSERVED_AT));
            case VM_VOLUME_ATTACH -> vm(new AttachVolume(new DiskSpec("data", new DiskSource.Volume(VOLUME_ID,
                    "default"), DiskFormat.QCOW2, DiskBus.VIRTIO, null, false)));
            case VM_VOLUME_DETACH -> vm(new DetachVolume("data", VOLUME_ID));
            case VOLUME_CREATE -> volume(new CreateVolume(location(), 10_737_418_240L,
                    new VolumeOrigin.FromImage(IMAGE_ID, IMAGE_SHA256, DiskFormat.QCOW2)));
            case VOLUME_RESIZE -> volume(new ResizeVolume(location(), 21_474_836_480L, VM_ID, "data"));
            case VOLUME_DELETE -> volume(new DeleteVolume(location()));
            case VOLUME_EVENT -> volume(new VolumeEvent(VOLUME_ID, VolumeOperation.RESIZE, CommandOutcome.SUCCEEDED,
                    21_474_836_480L, 200_704L, null, null, null, OBSERVED_AT));
        };
    }

    public static VmSpec spec() {
        return new VmSpec("web-1", 2, 2048,
                List.of(new DiskSpec("root", new DiskSource.Image(
                                UUID.fromString("0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d"),
                                "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"),
                                DiskFormat.QCOW2, DiskBus.VIRTIO, 1, false),
                        new DiskSpec("data", new DiskSource.Volume(VOLUME_ID, "default"),
                                DiskFormat.RAW, DiskBus.VIRTIO, null, false),
                        new DiskSpec("seed", new DiskSource.TestDisk("boot/marker.img"),
                                DiskFormat.RAW, DiskBus.VIRTIO, 2, true)),
                List.of(new NicSpec("eth0", UUID.fromString("2c3d4e5f-6a7b-4c8d-ae9f-1a2b3c4d5e6f"),
                        "52:54:00:12:34:56", NicModel.VIRTIO)),
                OsType.LINUX, RestartPolicy.ON_FAILURE);
    }

    private static MessageEnvelope<?> vm(Payload payload) {
        return new MessageEnvelope<>(MessageEnvelope.CURRENT_SCHEMA_VERSION, MESSAGE_ID,
                MessageType.of(payload).wireName(), OCCURRED_AT, TENANT, VM_ID, NODE, OPERATION_ID, TRACEPARENT,
                payload);
    }

    private static VolumeLocation location() {
        return new VolumeLocation("default", VOLUME_ID, DiskFormat.QCOW2);
    }

    private static MessageEnvelope<?> volume(Payload payload) {
        return new MessageEnvelope<>(MessageEnvelope.CURRENT_SCHEMA_VERSION, MESSAGE_ID,
                MessageType.of(payload).wireName(), OCCURRED_AT, TENANT, null, NODE, OPERATION_ID, TRACEPARENT,
                payload);
    }

    private static MessageEnvelope<?> node(Payload payload) {
        return new MessageEnvelope<>(MessageEnvelope.CURRENT_SCHEMA_VERSION, MESSAGE_ID,
                MessageType.of(payload).wireName(), OCCURRED_AT, null, null, NODE, null, null, payload);
    }
}
