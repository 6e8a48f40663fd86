package io.voidvm.nodeagent.runtime;

import io.voidvm.contracts.envelope.MessageEnvelope;
import io.voidvm.contracts.node.NodeObservedState;
import io.voidvm.contracts.vm.command.AttachVolume;
import io.voidvm.contracts.vm.command.DesiredStateCommand;
import io.voidvm.contracts.vm.command.DetachVolume;
import io.voidvm.contracts.vm.command.VmCommand;
import io.voidvm.contracts.vm.event.CommandResult;
import io.voidvm.contracts.vm.event.VmStatus;
import io.voidvm.contracts.vm.event.VmStatusChanged;
import io.voidvm.contracts.vm.spec.DiskSource;
import io.voidvm.contracts.volume.VolumeEvent;
import io.voidvm.contracts.volume.VolumeOperation;
import io.voidvm.nodeagent.qmp.BlockDevice;
import io.voidvm.nodeagent.runtime.domain.Admission;
import io.voidvm.nodeagent.runtime.domain.DesiredPower;
import io.voidvm.nodeagent.runtime.domain.LocalVm;
import io.voidvm.nodeagent.runtime.domain.VmRecord;
import io.voidvm.nodeagent.runtime.domain.VmState;
import io.voidvm.nodeagent.volume.HostedVms;
import io.voidvm.nodeagent.volume.VolumeEventSink;
import io.voidvm.nodeagent.volume.VolumeEvents;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * All VMs of this node. {@link #accept} is where a command becomes the agent's responsibility: it is
 * deduplicated by message id, its desired state is persisted, its id recorded, and only then is the work queued
 * on the VM's serial executor. So when the listener returns (and the offset may be committed), a crash loses
 * nothing that matters: the reconciler converges on the persisted desired state after a restart.
 */
public final class VmRuntimes implements AutoCloseable, HostedVms {

    private static final Logger log = LoggerFactory.getLogger(VmRuntimes.class);

    private final RuntimeContext context;
    private final ProcessedCommandLog processed;
    private final Map<UUID, VmRuntime> runtimes = new ConcurrentHashMap<>();
    /**
     * Orders learning of VMs and adopting desired states against the start of a desired-state fetch
     * ({@link #mark}): what happened after a fetch started cannot be judged by that fetch's answer.
     */
    private final AtomicLong sequence = new AtomicLong();
    /** Serialises admission against VM creation and removal; never held while QEMU is being talked to. */
    private final ReentrantLock lock = new ReentrantLock();

    VmRuntimes(RuntimeContext context, ProcessedCommandLog processed) {
        this.context = context;
        this.processed = processed;
    }

    /** What became of a command handed to {@link #accept}. */
    public enum Acceptance { QUEUED, DUPLICATE }

    /**
     * Takes on one command. Returns once its effect is durable as intent (desired state on disk, message id
     * recorded); the effect itself and the CommandResult follow on the VM's executor.
     */
    public Acceptance accept(MessageEnvelope<? extends VmCommand> envelope) {
        UUID messageId = envelope.messageId();
        UUID vmId = envelope.vmId();
        EventContext origin = EventContext.causedBy(envelope);
        lock.lock();
        try {
            if (processed.contains(messageId)) {
                log.info("VM {}: command {} ({}) already taken on; ignoring the redelivery", vmId, messageId,
                        envelope.type());
                return Acceptance.DUPLICATE;
            }
            VmRuntime runtime = runtimes.get(vmId);
            Optional<VmRecord> current = Optional.ofNullable(runtime).map(VmRuntime::record);
            Admission admission = Admission.of(vmId, envelope.tenantId(), current, envelope.payload());
            log.info("VM {}: command {} ({}) admitted as {}", vmId, messageId, envelope.type(),
                    admission.getClass().getSimpleName());
            switch (admission) {
                case Admission.Apply apply -> {
                    if (runtime == null) {
                        runtime = new VmRuntime(apply.record(), context, this::remove, sequence.incrementAndGet());
                        runtimes.put(vmId, runtime);
                    }
                    // from here a reconcile pass leaves converging to the command's own task (its stop options)
                    runtime.commandComing();
                    try {
                        if (apply.changed()) {
                            runtime.store(apply.record(), sequence.incrementAndGet());
                        }
                        processed.record(messageId);
                    } catch (RuntimeException e) {
                        runtime.commandGone();
                        throw e;
                    }
                    runtime.command(origin, messageId, (DesiredStateCommand) envelope.payload());
                }
                case Admission.Action action -> {
                    processed.record(messageId);
                    runtime.action(origin, messageId, action.command());
                }
                case Admission.Stale stale -> {
                    processed.record(messageId);
                    runtime.acknowledge(origin, messageId);
                }
                case Admission.AlreadyGone gone -> {
                    processed.record(messageId);
                    long generation = ((DesiredStateCommand) envelope.payload()).generation();
                    context.events().publish(origin, new VmStatusChanged(VmStatus.DELETED, null, generation,
                            context.clock().instant()));
                    context.events().publish(origin, CommandResult.succeeded(messageId));
                }
                case Admission.NotDefined notDefined -> {
                    processed.record(messageId);
                    context.events().publish(origin, CommandResult.failed(messageId, RuntimeFailure.VM_NOT_DEFINED,
                            "this node has no spec for VM " + vmId + "; send DefineVm first"));
                    answerVolumeOfUnknownVm(origin, envelope.payload());
                }
            }
            return Acceptance.QUEUED;
        } finally {
            lock.unlock();
        }
    }

    /**
     * An attach or detach for a VM this node does not have still answers the volume, or storage-service would
     * wait on it for ever: a VM that is not here holds no volume (detach succeeded), and cannot take one.
     */
    private void answerVolumeOfUnknownVm(EventContext origin, VmCommand command) {
        VolumeEvent event = switch (command) {
            case AttachVolume attach when attach.disk().source() instanceof DiskSource.Volume volume ->
                    VolumeEvents.failed(volume.volumeId(), VolumeOperation.ATTACH, origin.vmId(),
                            RuntimeFailure.VM_NOT_DEFINED, "this node has no VM " + origin.vmId(),
                            context.clock().instant());
            case DetachVolume detach -> VolumeEvents.succeeded(detach.volumeId(), VolumeOperation.DETACH,
                    origin.vmId(), null, null, context.clock().instant());
            default -> null;
        };
        if (event != null) {
            context.volumeEvents().publish(new VolumeEventSink.Origin(origin.tenantId(), origin.vmId(),
                    origin.correlationId(), origin.traceparent()), event);
        }
    }

    /**
     * Loads the VM from its {@code spec.json} and re-attaches to its QEMU (or reports it dead and applies the
     * restart policy). The future completes when that is done.
     */
    public CompletableFuture<Void> restore(UUID vmId) {
        lock.lock();
        VmRuntime runtime;
        try {
            if (runtimes.containsKey(vmId)) {
                return CompletableFuture.completedFuture(null);
            }
            Optional<VmRecord> record = context.store().load(vmId);
            if (record.isEmpty()) {
                return CompletableFuture.completedFuture(null);
            }
            runtime = new VmRuntime(record.get(), context, this::remove, sequence.incrementAndGet());
            runtimes.put(vmId, runtime);
        } catch (RuntimeException e) {
            // one unreadable spec.json must not keep the node's other VMs from being restored
            return CompletableFuture.failedFuture(e);
        } finally {
            lock.unlock();
        }
        return runtime.reattach();
    }

    /** VM ids that have a {@code spec.json} on disk, known to this process or not. */
    public List<UUID> storedVmIds() {
        return context.store().vmIds();
    }

    /** One reconcile pass over every VM; the future completes when all passes are done. */
    public CompletableFuture<Void> reconcileAll() {
        return CompletableFuture.allOf(runtimes.values().stream()
                .map(VmRuntime::reconcile)
                .map(future -> future.exceptionally(failure -> null))
                .toArray(CompletableFuture[]::new));
    }

    /** A point on the node's sequence, taken when a desired-state fetch starts; see {@link #resync}. */
    public long mark() {
        return sequence.incrementAndGet();
    }

    /**
     * Adopts vm-service's desired state for one VM (a resync, ADR 0011) from a fetch that started at
     * {@code fetchMark}, then converges. A newer generation is adopted; a VM unknown here is created, unless it is
     * to be deleted (then there is nothing to do). Neither happens for a VM that is not {@code settled} (changed in
     * vm-service a moment before it answered): its command is on its way and converges as it was asked to; a later
     * pass adopts it if the command was lost. A higher generation here than vm-service's was never issued by
     * vm-service (a forged or misrouted command), unless it was adopted after the fetch started: vm-service is the
     * truth, so its record replaces it, and its later commands are no longer dropped as stale.
     */
    public CompletableFuture<Void> resync(VmRecord desired, long fetchMark, boolean settled) {
        lock.lock();
        VmRuntime runtime;
        try {
            runtime = runtimes.get(desired.vmId());
            long next = sequence.incrementAndGet();
            if (runtime == null) {
                if (desired.desired() == DesiredPower.DELETED || !settled) {
                    return CompletableFuture.completedFuture(null);
                }
                log.info("VM {}: learned from vm-service's desired state (generation {}, {})", desired.vmId(),
                        desired.generation(), desired.desired());
                runtime = new VmRuntime(desired, context, this::remove, next);
                runtimes.put(desired.vmId(), runtime);
                runtime.store(desired, next);
            } else {
                long local = runtime.record().generation();
                if (local == desired.generation() || local > desired.generation() && runtime.adoptedAt() > fetchMark
                        || local < desired.generation() && !settled) {
                    return CompletableFuture.completedFuture(null);
                }
                if (local > desired.generation()) {
                    log.warn("VM {}: this node applied generation {}, which vm-service never issued (its desired state"
                            + " is at generation {}); adopting vm-service's", desired.vmId(), local,
                            desired.generation());
                } else {
                    log.info("VM {}: resync adopts generation {} ({}); this node had {}", desired.vmId(),
                            desired.generation(), desired.desired(), local);
                }
                runtime.adopt(desired, next);
            }
        } finally {
            lock.unlock();
        }
        return runtime.adopted();
    }

    /**
     * What this node has: every VM runtime and every VM directory without one (left by an agent that died while
     * defining or removing a VM, or holding a spec file this agent could not read), with whether a QEMU runs.
     */
    public List<LocalVm> inventory() {
        lock.lock();
        try {
            Map<UUID, LocalVm> local = new TreeMap<>();
            runtimes.values().forEach(runtime -> local.put(runtime.vmId(),
                    new LocalVm(runtime.vmId(), runtime.learnedAt(), runtime.state().hasQemu())));
            for (UUID id : context.store().vmDirIds()) {
                local.computeIfAbsent(id, orphan -> new LocalVm(orphan, 0,
                        context.launcher().find(context.store().paths(orphan)).isPresent()));
            }
            return List.copyOf(local.values());
        } finally {
            lock.unlock();
        }
    }

    /**
     * Destroys a stray that a fetch started at {@code fetchMark} did not list: QEMU ended at once, the VM's
     * directory (spec, private disk copies, logs) removed. Volumes in storage pools stay: storage-service owns them.
     * Nothing happens to a VM this node learned of, or got a new desired state for, after that fetch started.
     */
    public CompletableFuture<Void> destroyStray(UUID vmId, long fetchMark) {
        lock.lock();
        VmRuntime runtime;
        try {
            runtime = runtimes.get(vmId);
            if (runtime == null) {
                destroyOrphan(vmId);
                return CompletableFuture.completedFuture(null);
            }
            if (runtime.learnedAt() > fetchMark || runtime.adoptedAt() > fetchMark) {
                return CompletableFuture.completedFuture(null);
            }
            VmRecord record = runtime.record();
            runtime.store(record.withDesired(DesiredPower.DELETED, record.generation()), sequence.incrementAndGet());
        } catch (RuntimeException e) {
            // a QEMU that will not die or a directory that will not go: the next pass tries again
            return CompletableFuture.failedFuture(e);
        } finally {
            lock.unlock();
        }
        return runtime.destroy();
    }

    /** A VM directory without a runtime; called under the lock, so no command can take the VM on meanwhile. */
    private void destroyOrphan(UUID vmId) {
        var paths = context.store().paths(vmId);
        context.launcher().find(paths).ifPresent(qemu -> {
            log.warn("VM {}: killing stray QEMU pid {} (no spec this agent can use)", vmId, qemu.pid());
            qemu.kill();
            if (qemu.awaitExit(context.settings().quitTimeout()).isEmpty()) {
                throw new IllegalStateException("stray QEMU pid " + qemu.pid() + " of VM " + vmId
                        + " survived SIGKILL for " + context.settings().quitTimeout());
            }
        });
        context.store().delete(vmId);
        log.info("VM {}: stray directory removed", vmId);
    }

    /** The last status of every VM, as published (VMs that have not reported yet are left out). */
    public List<NodeObservedState.ObservedVm> observed() {
        return runtimes.values().stream()
                .flatMap(runtime -> runtime.lastReport().stream().map(last -> new NodeObservedState.ObservedVm(
                        runtime.vmId(), runtime.record().tenantId(), last.status(), last.reason(), last.generation(),
                        last.observedAt())))
                .sorted(Comparator.comparing(NodeObservedState.ObservedVm::vmId))
                .toList();
    }

    public Map<UUID, VmState> states() {
        return runtimes.values().stream().collect(Collectors.toUnmodifiableMap(VmRuntime::vmId, VmRuntime::state));
    }

    /** VMs whose QEMU runs (for heartbeats). */
    public List<UUID> liveVmIds() {
        return runtimes.values().stream().filter(runtime -> runtime.state().hasQemu()).map(VmRuntime::vmId)
                .sorted().toList();
    }

    @Override
    public List<UUID> runningVmsUsing(UUID volumeId) {
        return runtimes.values().stream().filter(runtime -> runtime.runsWithVolume(volumeId)).map(VmRuntime::vmId)
                .sorted().toList();
    }

    @Override
    public boolean resizeOnline(UUID vmId, Path file, long newSizeBytes) {
        VmRuntime runtime = runtimes.get(vmId);
        return runtime != null && runtime.resizeOnline(file, newSizeBytes);
    }

    /** What the VM's QEMU has plugged ({@code query-block}); empty when it has no QEMU on this node. */
    public List<BlockDevice> blockDevices(UUID vmId) {
        VmRuntime runtime = runtimes.get(vmId);
        return runtime == null ? List.of() : runtime.blockDevices();
    }

    private boolean remove(VmRuntime runtime) {
        lock.lock();
        try {
            if (runtimes.get(runtime.vmId()) != runtime
                    || runtime.record().desired() != DesiredPower.DELETED) {
                return false;
            }
            context.store().delete(runtime.vmId());
            runtimes.remove(runtime.vmId());
            log.info("VM {}: deleted from this node", runtime.vmId());
            return true;
        } finally {
            lock.unlock();
        }
    }

    /** Agent shutdown: QMP sessions close, every QEMU keeps running. */
    @Override
    public void close() {
        runtimes.values().forEach(VmRuntime::close);
        processed.close();
    }
}
