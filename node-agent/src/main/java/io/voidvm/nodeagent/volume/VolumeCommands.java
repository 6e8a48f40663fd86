package io.voidvm.nodeagent.volume;

import io.voidvm.contracts.envelope.MessageEnvelope;
import io.voidvm.contracts.volume.CreateVolume;
import io.voidvm.contracts.volume.DeleteVolume;
import io.voidvm.contracts.volume.ResizeVolume;
import io.voidvm.contracts.volume.VolumeCommand;
import io.voidvm.contracts.volume.VolumeEvent;
import io.voidvm.contracts.volume.VolumeOperation;
import io.voidvm.nodeagent.volume.domain.VolumeFailure;
import java.time.Clock;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Takes volume commands from this node's topic: deduplicated by message id (the same node-wide log as VM
 * commands), then run one at a time per volume on a virtual thread, each answered by exactly one
 * {@link VolumeEvent} carrying the command's correlation id.
 */
public final class VolumeCommands implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(VolumeCommands.class);

    /** What became of a command handed to {@link #accept}. */
    public enum Acceptance { QUEUED, DUPLICATE }

    /** The node-wide dedupe log, seen through the two calls this class needs. */
    public interface ProcessedIds {
        boolean contains(UUID messageId);

        /** Records the id durably; false if it was already there. */
        boolean record(UUID messageId);
    }

    private final VolumeDisks disks;
    private final HostedVms vms;
    private final VolumeEventSink events;
    private final ProcessedIds processed;
    private final Clock clock;
    private final KeyedSerialExecutor serial = new KeyedSerialExecutor();

    public VolumeCommands(VolumeDisks disks, HostedVms vms, VolumeEventSink events, ProcessedIds processed,
            Clock clock) {
        this.disks = disks;
        this.vms = vms;
        this.events = events;
        this.processed = processed;
        this.clock = clock;
    }

    public Acceptance accept(MessageEnvelope<? extends VolumeCommand> envelope) {
        if (!processed.record(envelope.messageId())) {
            log.info("volume {}: command {} ({}) already taken on; ignoring the redelivery",
                    envelope.payload().volumeId(), envelope.messageId(), envelope.type());
            return Acceptance.DUPLICATE;
        }
        run(envelope);
        return Acceptance.QUEUED;
    }

    /** For tests: the future of the queued work. */
    CompletableFuture<Void> run(MessageEnvelope<? extends VolumeCommand> envelope) {
        VolumeCommand command = envelope.payload();
        return serial.submit(command.volumeId(), () -> execute(envelope));
    }

    private void execute(MessageEnvelope<? extends VolumeCommand> envelope) {
        VolumeCommand command = envelope.payload();
        UUID volumeId = command.volumeId();
        VolumeOperation operation = operation(command);
        VolumeEventSink.Origin origin = VolumeEventSink.Origin.of(envelope);
        MDC.put("volumeId", volumeId.toString());
        try {
            VolumeEvent event = switch (command) {
                case CreateVolume create -> succeeded(volumeId, operation, disks.create(create));
                case ResizeVolume resize -> succeeded(volumeId, operation, disks.resize(resize, vms));
                case DeleteVolume delete -> {
                    disks.delete(delete, vms);
                    yield VolumeEvents.succeeded(volumeId, operation, null, null, null, clock.instant());
                }
            };
            events.publish(origin, event);
        } catch (VolumeFailure e) {
            log.warn("volume {}: {} failed ({}): {}", volumeId, operation, e.code(), e.getMessage());
            events.publish(origin, failed(volumeId, operation, e.code(), e.getMessage()));
        } catch (IllegalArgumentException e) {
            log.warn("volume {}: {} refused: {}", volumeId, operation, e.getMessage());
            events.publish(origin, failed(volumeId, operation, "INVALID_LOCATION", e.getMessage()));
        } catch (RuntimeException e) {
            log.error("volume {}: {} failed", volumeId, operation, e);
            events.publish(origin, failed(volumeId, operation, VolumeFailure.AGENT_ERROR,
                    e.getClass().getSimpleName() + ": " + e.getMessage()));
        } finally {
            MDC.remove("volumeId");
        }
    }

    private VolumeEvent succeeded(UUID volumeId, VolumeOperation operation, VolumeDisks.Sizes sizes) {
        return VolumeEvents.succeeded(volumeId, operation, null, sizes.virtualSizeBytes(), sizes.allocatedBytes(),
                clock.instant());
    }

    private VolumeEvent failed(UUID volumeId, VolumeOperation operation, String code, String detail) {
        return VolumeEvents.failed(volumeId, operation, null, code, detail, clock.instant());
    }

    private static VolumeOperation operation(VolumeCommand command) {
        return switch (command) {
            case CreateVolume ignored -> VolumeOperation.CREATE;
            case ResizeVolume ignored -> VolumeOperation.RESIZE;
            case DeleteVolume ignored -> VolumeOperation.DELETE;
        };
    }

    @Override
    public void close() {
        serial.close();
    }
}
