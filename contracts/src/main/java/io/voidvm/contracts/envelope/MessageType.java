package io.voidvm.contracts.envelope;

import io.voidvm.contracts.Payload;
import io.voidvm.contracts.metrics.NodeMetricsSample;
import io.voidvm.contracts.metrics.VmMetricsSample;
import io.voidvm.contracts.node.NodeHeartbeat;
import io.voidvm.contracts.node.NodeObservedState;
import io.voidvm.contracts.vm.command.AttachVolume;
import io.voidvm.contracts.vm.command.CreateSnapshot;
import io.voidvm.contracts.vm.command.DefineVm;
import io.voidvm.contracts.vm.command.DeleteSnapshot;
import io.voidvm.contracts.vm.command.DeleteVm;
import io.voidvm.contracts.vm.command.DetachVolume;
import io.voidvm.contracts.vm.command.PauseVm;
import io.voidvm.contracts.vm.command.RebootVm;
import io.voidvm.contracts.vm.command.ResetVm;
import io.voidvm.contracts.vm.command.RestoreSnapshot;
import io.voidvm.contracts.vm.command.ResumeVm;
import io.voidvm.contracts.vm.command.StartVm;
import io.voidvm.contracts.vm.command.StopVm;
import io.voidvm.contracts.vm.event.CommandResult;
import io.voidvm.contracts.vm.event.SnapshotEvent;
import io.voidvm.contracts.vm.event.VmStatusChanged;
import io.voidvm.contracts.volume.CreateVolume;
import io.voidvm.contracts.volume.DeleteVolume;
import io.voidvm.contracts.volume.ResizeVolume;
import io.voidvm.contracts.volume.VolumeEvent;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Every message the platform exchanges, with its wire name (the envelope's {@code type}). Wire names are
 * a public contract: never rename one; add a new type instead and retire the old one after a release.
 */
public enum MessageType {
    VM_DEFINE("vm.command.define", Category.VM_COMMAND, DefineVm.class),
    VM_START("vm.command.start", Category.VM_COMMAND, StartVm.class),
    VM_STOP("vm.command.stop", Category.VM_COMMAND, StopVm.class),
    VM_PAUSE("vm.command.pause", Category.VM_COMMAND, PauseVm.class),
    VM_RESUME("vm.command.resume", Category.VM_COMMAND, ResumeVm.class),
    VM_RESET("vm.command.reset", Category.VM_COMMAND, ResetVm.class),
    VM_REBOOT("vm.command.reboot", Category.VM_COMMAND, RebootVm.class),
    VM_DELETE("vm.command.delete", Category.VM_COMMAND, DeleteVm.class),
    VM_SNAPSHOT_CREATE("vm.command.snapshot-create", Category.VM_COMMAND, CreateSnapshot.class),
    VM_SNAPSHOT_RESTORE("vm.command.snapshot-restore", Category.VM_COMMAND, RestoreSnapshot.class),
    VM_SNAPSHOT_DELETE("vm.command.snapshot-delete", Category.VM_COMMAND, DeleteSnapshot.class),
    VM_VOLUME_ATTACH("vm.command.volume-attach", Category.VM_COMMAND, AttachVolume.class),
    VM_VOLUME_DETACH("vm.command.volume-detach", Category.VM_COMMAND, DetachVolume.class),
    VM_STATUS_CHANGED("vm.event.status-changed", Category.VM_EVENT, VmStatusChanged.class),
    VM_COMMAND_RESULT("vm.event.command-result", Category.VM_EVENT, CommandResult.class),
    VM_SNAPSHOT_EVENT("vm.event.snapshot", Category.VM_EVENT, SnapshotEvent.class),
    VM_METRICS_SAMPLE("vm.metrics.sample", Category.VM_METRICS, VmMetricsSample.class),
    NODE_HEARTBEAT("node.heartbeat", Category.NODE_HEARTBEAT, NodeHeartbeat.class),
    NODE_METRICS_SAMPLE("node.metrics.sample", Category.NODE_METRICS, NodeMetricsSample.class),
    NODE_OBSERVED_STATE("node.observed-state", Category.NODE_OBSERVED_STATE, NodeObservedState.class),
    VOLUME_CREATE("volume.command.create", Category.VOLUME_COMMAND, CreateVolume.class),
    VOLUME_RESIZE("volume.command.resize", Category.VOLUME_COMMAND, ResizeVolume.class),
    VOLUME_DELETE("volume.command.delete", Category.VOLUME_COMMAND, DeleteVolume.class),
    VOLUME_EVENT("volume.event", Category.VOLUME_EVENT, VolumeEvent.class);

    /** Which stream a message belongs to; decides its topic and partition key. */
    public enum Category {
        VM_COMMAND(Key.VM),
        VM_EVENT(Key.VM),
        VM_METRICS(Key.VM),
        NODE_HEARTBEAT(Key.NODE),
        NODE_METRICS(Key.NODE),
        /** A node's full report of its VMs after a reconcile pass (ADR 0011). */
        NODE_OBSERVED_STATE(Key.NODE),
        /** Sent on the node's command topic beside VM commands, but keyed by volumeId. */
        VOLUME_COMMAND(Key.VOLUME),
        VOLUME_EVENT(Key.VOLUME);

        private final Key key;

        Category(Key key) {
            this.key = key;
        }

        /** VM traffic is keyed by vmId (order per VM); node traffic by nodeName; volume traffic by volumeId. */
        public Key key() {
            return key;
        }

        public boolean vmScoped() {
            return key == Key.VM;
        }
    }

    /** What a message's partition key is. */
    public enum Key {
        VM,
        NODE,
        VOLUME
    }

    private static final Map<String, MessageType> BY_WIRE_NAME = Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(MessageType::wireName, Function.identity()));
    private static final Map<Class<?>, MessageType> BY_PAYLOAD_CLASS = Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(MessageType::payloadClass, Function.identity()));

    private final String wireName;
    private final Category category;
    private final Class<? extends Payload> payloadClass;

    MessageType(String wireName, Category category, Class<? extends Payload> payloadClass) {
        this.wireName = wireName;
        this.category = category;
        this.payloadClass = payloadClass;
    }

    public String wireName() {
        return wireName;
    }

    public Category category() {
        return category;
    }

    public Class<? extends Payload> payloadClass() {
        return payloadClass;
    }

    public static Optional<MessageType> fromWireName(String wireName) {
        return Optional.ofNullable(wireName).map(BY_WIRE_NAME::get);
    }

    /** The type of a payload; throws {@link IllegalArgumentException} for a class not registered here. */
    public static MessageType of(Payload payload) {
        MessageType type = BY_PAYLOAD_CLASS.get(payload.getClass());
        if (type == null) {
            throw new IllegalArgumentException("not a registered payload: " + payload.getClass().getName());
        }
        return type;
    }
}
