package io.voidvm.nodeagent.runtime;

import io.voidvm.contracts.vm.command.AttachVolume;
import io.voidvm.contracts.vm.command.CreateSnapshot;
import io.voidvm.contracts.vm.command.DeleteSnapshot;
import io.voidvm.contracts.vm.command.DesiredStateCommand;
import io.voidvm.contracts.vm.command.DetachVolume;
import io.voidvm.contracts.vm.command.RebootVm;
import io.voidvm.contracts.vm.command.ResetVm;
import io.voidvm.contracts.vm.command.RestoreSnapshot;
import io.voidvm.contracts.vm.command.VmCommand;
import io.voidvm.contracts.vm.event.VmStatus;
import io.voidvm.contracts.vm.event.VmStatusChanged;
import io.voidvm.contracts.vm.spec.DiskSource;
import io.voidvm.nodeagent.qemu.domain.VmPaths;
import io.voidvm.nodeagent.qmp.BlockDevice;
import io.voidvm.nodeagent.qmp.QemuMonitor;
import io.voidvm.nodeagent.qmp.QmpException;
import io.voidvm.nodeagent.qmp.QmpLifecycleEvent;
import io.voidvm.nodeagent.qmp.QmpState;
import io.voidvm.nodeagent.qmp.RunState;
import io.voidvm.nodeagent.runtime.domain.Convergence;
import io.voidvm.nodeagent.runtime.domain.DesiredPower;
import io.voidvm.nodeagent.runtime.domain.ExitCause;
import io.voidvm.nodeagent.runtime.domain.RestartRules;
import io.voidvm.nodeagent.runtime.domain.Step;
import io.voidvm.nodeagent.runtime.domain.VmRecord;
import io.voidvm.nodeagent.runtime.domain.VmState;
import io.voidvm.nodeagent.volume.domain.VolumeFailure;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One VM on this node: its observed {@link VmState}, its QEMU (through {@link QemuInstance}) and a serial
 * executor on one virtual thread. Every task (command, QMP event, exit, reconcile pass) runs there, one at a
 * time, so state needs no locks; only the persisted {@link VmRecord} is shared with the command listener.
 */
public final class VmRuntime {

    static final String REATTACHED = "re-attached after agent restart";
    static final String FOUND_STOPPED = "found stopped after agent restart";

    private static final Logger log = LoggerFactory.getLogger(VmRuntime.class);

    private final UUID vmId;
    private final VmPaths paths;
    private final RuntimeContext context;
    private final RuntimeSettings settings;
    /** Drops a deleted VM from the node; false if a newer command revived it meanwhile. */
    private final Predicate<VmRuntime> remover;
    private final RestartRules restarts;
    private final QemuSessions sessions;
    private final SerialTasks serial;
    private final ObservedState observed;
    private final VolumeAttachments volumes;
    private final StoredRecord record;
    /** When this node learned of the VM, on {@link VmRuntimes}' sequence (a resync's stray check uses it). */
    private final long learnedAt;
    /** When the current desired state was adopted, on the same sequence. */
    private volatile long adoptedAt;
    /**
     * Desired-state commands taken on whose task has not run yet. While there is one, a reconcile pass does not
     * converge: the command's task does, with the command's own stop options and report.
     */
    private final AtomicInteger commandsAhead = new AtomicInteger();
    private QemuInstance instance;

    VmRuntime(VmRecord record, RuntimeContext context, Predicate<VmRuntime> remover, long learnedAt) {
        this.vmId = record.vmId();
        this.learnedAt = learnedAt;
        this.adoptedAt = learnedAt;
        this.record = new StoredRecord(context.store(), record);
        this.paths = context.store().paths(vmId);
        this.context = context;
        this.settings = context.settings();
        this.remover = remover;
        this.restarts = new RestartRules(settings.maxRestarts(), settings.restartWindow());
        this.sessions = new QemuSessions(context, paths);
        this.serial = new SerialTasks(vmId, context.events(), settings.taskQueueCapacity());
        this.observed = new ObservedState(vmId, context, this.record::get);
        this.volumes = new VolumeAttachments(vmId, context, new VolumeAttachments.Vm(this.record::get,
                this.record::changeDisks, () -> instance, observed::cause));
    }

    public UUID vmId() {
        return vmId;
    }

    public VmRecord record() {
        return record.get();
    }

    public VmState state() {
        return observed.state();
    }

    long learnedAt() {
        return learnedAt;
    }

    long adoptedAt() {
        return adoptedAt;
    }

    /** The last status this node published for the VM; empty before the first. */
    Optional<VmStatusChanged> lastReport() {
        return observed.last();
    }

    /** Persists and adopts {@code next}; called by the command listener before it queues the work. */
    void store(VmRecord next, long sequence) {
        record.store(next);
        adoptedAt = sequence;
    }

    /** Persists and adopts vm-service's record (a resync), keeping what only this node knows. */
    void adopt(VmRecord desired, long sequence) {
        record.update(current -> current.adopting(desired));
        adoptedAt = sequence;
    }

    /**
     * After a resync adopted vm-service's record: converge on it and report, even when nothing had to change, so
     * that vm-service observes the adopted generation. A QEMU left without a spec (now claimed) is re-attached, not
     * launched a second time.
     */
    CompletableFuture<Void> adopted() {
        // always queued: at most one per VM and pass, and only when the pass adopted something
        return serial.always(spontaneous(), caused(spontaneous(), () -> {
            long reportsBefore = observed.reports();
            if (instance == null && context.launcher().find(paths).isPresent()) {
                reattachNow();
            } else if (record.get().converges()) {
                // like a DeleteVm command, a deletion learned from the resync does not wait for the guest
                boolean deleting = record.get().desired() == DesiredPower.DELETED;
                converge(record.get(), deleting ? StopOptions.FORCE : defaultStop(), null);
            }
            if (observed.reports() == reportsBefore) {
                observed.confirm();
            }
        }));
    }

    /** A stray whose record now wants DELETED: QEMU is ended at once and the VM's directory removed. */
    CompletableFuture<Void> destroy() {
        // always queued: once per stray
        return serial.always(spontaneous(), caused(spontaneous(),
                () -> converge(record.get(), StopOptions.FORCE, null)));
    }

    /** A desired-state command is about to be stored and queued: {@link #command} follows, or {@link #commandGone}. */
    void commandComing() {
        commandsAhead.incrementAndGet();
    }

    /** The command announced by {@link #commandComing} will not be queued after all. */
    void commandGone() {
        commandsAhead.decrementAndGet();
    }

    CompletableFuture<Void> command(EventContext origin, UUID commandId, DesiredStateCommand command) {
        return serial.command(origin, commandId, caused(origin, () -> {
            commandGone();
            // a newer generation arrived while this one waited: it is acknowledged, the newer one acts
            // one snapshot: the listener may store a newer generation while this task runs, and that one's
            // own task acts on it (and reports its outcome), not this one
            VmRecord target = record.get();
            if (command.generation() < target.generation()) {
                return;
            }
            long reportsBefore = observed.reports();
            if (target.converges()) {
                converge(target, StopOptions.forCommand(command, defaultStop()), null);
            }
            if (observed.reports() == reportsBefore) {
                // Already where the command wants it (e.g. a VM defined stopped): vm-service still needs to
                // observe this generation, or the VM stays PENDING and its operation RUNNING.
                observed.confirm();
            }
        }), "its desired state (generation " + command.generation() + ") is stored, and a reconcile pass queued"
                + " now converges on it", refused -> {
                    commandGone();
                    reconcile();
                });
    }

    CompletableFuture<Void> action(EventContext origin, UUID commandId, VmCommand action) {
        return serial.command(origin, commandId, caused(origin, () -> {
            switch (action) {
                // QMP has no graceful reboot without a guest agent; both are a hardware reset
                case ResetVm ignored -> reset();
                case RebootVm ignored -> reset();
                case CreateSnapshot ignored -> throw RuntimeFailure.notSupported(action);
                case RestoreSnapshot ignored -> throw RuntimeFailure.notSupported(action);
                case DeleteSnapshot ignored -> throw RuntimeFailure.notSupported(action);
                case AttachVolume attach -> volumes.attach(attach.disk());
                case DetachVolume detach -> volumes.detach(detach.diskId(), detach.volumeId());
                case DesiredStateCommand desired -> throw new IllegalArgumentException(desired + " is no action");
            }
        }), "the action was not carried out; send it again later",
                refused -> volumes.refused(origin, action, refused));
    }

    /**
     * Grows volume file {@code file} through this VM's QEMU; false when no QEMU runs. Called from a volume's
     * executor, it runs on this VM's and waits for it.
     */
    boolean resizeOnline(Path file, long sizeBytes) {
        try {
            return serial.call(spontaneous(), () -> volumes.resizeOnline(file, sizeBytes));
        } catch (RuntimeFailure e) {
            throw new VolumeFailure(VolumeFailure.AGENT_BUSY, e.getMessage(), e);
        }
    }

    /** What this VM's QEMU has plugged ({@code query-block}); empty when no QEMU runs. */
    List<BlockDevice> blockDevices() {
        return serial.call(spontaneous(), volumes::blockDevices);
    }

    /** Whether this VM's QEMU runs with volume {@code volumeId} among its disks. */
    boolean runsWithVolume(UUID volumeId) {
        return state().hasQemu() && record.get().spec().disks().stream()
                .anyMatch(disk -> disk.source() instanceof DiskSource.Volume volume
                        && volume.volumeId().equals(volumeId));
    }

    /** Acknowledges a command that changes nothing (older generation). */
    CompletableFuture<Void> acknowledge(EventContext origin, UUID commandId) {
        return serial.command(origin, commandId, caused(origin, () -> { }),
                "it asked for nothing (an older generation)", refused -> { });
    }

    /** After an agent restart: find QEMU, re-attach or report it dead, then converge. */
    CompletableFuture<Void> reattach() {
        return serial.always(spontaneous(), caused(spontaneous(), this::reattachNow));
    }

    /**
     * A periodic pass: notice a QEMU that died silently or a lost QMP session, then converge, unless a command taken
     * on has yet to run (it converges itself, as it was asked to). A pass already waiting to run is shared: it reads
     * the record when it runs.
     */
    CompletableFuture<Void> reconcile() {
        return serial.coalesced(SerialTasks.Coalesced.RECONCILE, spontaneous(), caused(spontaneous(), () -> {
            QemuInstance current = instance;
            if (current != null && (!current.process.isAlive() || current.session.state() == QmpState.CLOSED)) {
                onGone(current);
            }
            if (instance == null && context.launcher().find(paths).isPresent()) {
                reattachNow();
            } else if (record.get().converges() && commandsAhead.get() == 0) {
                converge(record.get(), defaultStop(), "restarted: desired state is " + record.get().desired());
            }
        }));
    }

    /** Agent shutdown: QMP sessions close, QEMU keeps running. */
    void close() {
        serial.shutdownAndWait(Duration.ofSeconds(5));
        QemuInstance current = instance;
        if (current != null) {
            current.detach();
        }
    }

    private void reattachNow() {
        var found = context.launcher().find(paths);
        if (found.isPresent()) {
            try {
                instance = sessions.attach(found.get(), this::listener);
            } catch (QmpException e) {
                // never launch a second QEMU beside a live one: report, and let the next pass try again
                log.warn("VM {}: QEMU pid {} runs but QMP does not answer: {}", vmId, found.get().pid(), e.getMessage());
                observed.publish(VmStatus.ERROR, "qemu runs but does not answer on QMP: " + e.getMessage());
                return;
            }
            RunState runState = instance.monitor.queryStatus().state();
            transition(QemuSessions.observed(runState), REATTACHED);
            if (runState == RunState.GUEST_PANICKED || runState == RunState.INTERNAL_ERROR) {
                endPanicked(instance);
                return;
            }
        } else if (record.get().desired().wantsQemu() && !record.get().halted()) {
            ExitCause why = new ExitCause.NotRunningAfterRestart(Files.exists(paths.pidFile()));
            transition(why.resultingState(), why.reason());
            afterUnrequestedExit(why);
            return;
        } else {
            transition(VmState.STOPPED, FOUND_STOPPED);
        }
        if (record.get().converges()) {
            converge(record.get(), defaultStop(), null);
        }
    }

    private void converge(VmRecord target, StopOptions stop, String launchReason) {
        for (int steps = 0; steps < Convergence.MAX_STEPS; steps++) {
            Step step = Convergence.next(state(), target.desired());
            switch (step) {
                case NONE -> {
                    return;
                }
                case LAUNCH -> launch(target, launchReason);
                case CONTINUE -> qmp("cont", QemuMonitor::cont, VmState.RUNNING);
                case PAUSE -> qmp("stop", QemuMonitor::stop, VmState.PAUSED);
                case SHUT_DOWN -> shutDown(stop);
                case REMOVE -> {
                    remove();
                    return;
                }
            }
        }
        throw new IllegalStateException("VM " + vmId + " did not converge to " + target.desired() + " from " + state());
    }

    private void launch(VmRecord target, String reason) {
        QemuSessions.Prepared prepared;
        try {
            prepared = sessions.prepare(target.spec());
        } catch (UnsupportedSpecException | IllegalArgumentException e) {
            throw failStart(RuntimeFailure.UNSUPPORTED_SPEC, e);
        } catch (VolumeFailure e) {
            throw failStart(e.code(), e);
        } catch (UncheckedIOException e) {
            throw failStart(RuntimeFailure.QEMU_START_FAILED, e);
        }
        transition(VmState.STARTING, reason);
        try {
            instance = sessions.launch(prepared, this::listener);
        } catch (QemuLaunchException | QmpException | UncheckedIOException e) {
            throw failStart(RuntimeFailure.QEMU_START_FAILED, e);
        }
        if (target.desired() != DesiredPower.RUNNING) {
            // launched with -S: no guest instruction has run, which is what paused means
            transition(VmState.PAUSED, null);
        }
    }

    private RuntimeFailure failStart(String code, RuntimeException e) {
        transition(VmState.CRASHED, "qemu failed to start: " + e.getMessage());
        record.halt();
        return new RuntimeFailure(code, e.getMessage(), e);
    }

    private void qmp(String command, Consumer<QemuMonitor> call, VmState next) {
        try {
            call.accept(requireInstance().monitor);
        } catch (QmpException e) {
            throw new RuntimeFailure(RuntimeFailure.QMP_FAILED, command + " failed: " + e.getMessage(), e);
        }
        transition(next, null);
    }

    private void reset() {
        if (!state().hasQemu() || state() == VmState.STOPPING) {
            throw new RuntimeFailure(RuntimeFailure.VM_NOT_RUNNING, "VM is " + state() + "; nothing to reset", null);
        }
        qmp("system_reset", QemuMonitor::systemReset, state());
    }

    private void shutDown(StopOptions stop) {
        QemuInstance current = requireInstance();
        boolean running = state() == VmState.RUNNING;
        transition(VmState.STOPPING, null);
        var how = current.stop(stop, running, settings.quitTimeout());
        detach();
        transition(VmState.STOPPED, new ExitCause.StoppedOnRequest(how, stop.timeout()).reason());
    }

    private void remove() {
        if (remover.test(this)) {
            observed.publish(VmStatus.DELETED, null);
            serial.shutdown();
        }
    }

    private void onQmpEvent(QemuInstance source, QmpLifecycleEvent lifecycle) {
        if (source != instance) {
            return;
        }
        switch (lifecycle) {
            case QmpLifecycleEvent.Shutdown shutdown -> source.shutdownAnnounced(shutdown);
            case QmpLifecycleEvent.Stopped ignored -> cpusRun(source, false);
            case QmpLifecycleEvent.Resumed ignored -> cpusRun(source, true);
            case QmpLifecycleEvent.Reset reset -> log.info("VM {}: reset ({})", vmId, reset.reason());
            case QmpLifecycleEvent.GuestPanicked panic -> {
                log.warn("VM {}: guest panicked (QEMU action {})", vmId, panic.action());
                endPanicked(source);
            }
        }
    }

    /** A panicked guest is a crashed VM: end its QEMU so the exit path reports it and applies the policy. */
    private void endPanicked(QemuInstance source) {
        source.panicked();
        source.end(settings.quitTimeout());
        onGone(source);
    }

    private void onGone(QemuInstance source) {
        if (source != instance) {
            return;
        }
        var exit = source.awaitExit(settings.quitTimeout());
        if (exit.isEmpty()) {
            log.warn("VM {}: QMP session lost while QEMU pid {} runs; reconnecting", vmId, source.process.pid());
            try {
                instance = sessions.reconnect(source, this::listener);
            } catch (QmpException e) {
                log.warn("VM {}: QMP reconnect failed: {}", vmId, e.getMessage());
            }
            return;
        }
        detach();
        ExitCause why = source.stopRequested()
                ? new ExitCause.StoppedOnRequest(ExitCause.StoppedOnRequest.How.FORCED, settings.quitTimeout())
                : source.unrequestedExitCause(exit.get());
        log.info("VM {}: QEMU pid {} is gone: {}", vmId, source.process.pid(), why.reason());
        transition(why.resultingState(), why.reason());
        afterUnrequestedExit(why);
    }

    private void afterUnrequestedExit(ExitCause why) {
        VmRecord current = record.get();
        if (!current.desired().wantsQemu() || why.requested()) {
            return;
        }
        if (!RestartRules.policyRestarts(current.spec().restartPolicy(), why)) {
            record.halt();
            return;
        }
        if (!restarts.tryRestart(context.clock().instant())) {
            record.halt();
            observed.publish(state().toStatus(), restarts.notRestarted(current.spec().restartPolicy()));
            return;
        }
        try {
            converge(current, defaultStop(), restarts.restarted(current.spec().restartPolicy()));
        } catch (RuntimeFailure e) {
            log.warn("VM {}: restart failed: {}", vmId, e.getMessage());
        }
    }

    /**
     * Only lifecycle events become tasks. What they tell about the QEMU's end is noted on the instance at once, so
     * that an event coalesced into a status refresh (queue full) still explains the exit.
     */
    private QemuSessions.Listener listener(QemuInstance source) {
        return new QemuSessions.Listener(
                event -> QmpLifecycleEvent.from(event).ifPresent(lifecycle -> {
                    source.noted(lifecycle);
                    if (!serial.event(spontaneous(), caused(spontaneous(), () -> onQmpEvent(source, lifecycle)))) {
                        refresh();
                    }
                }),
                () -> serial.always(spontaneous(), caused(spontaneous(), () -> onGone(source))),
                this::refresh);
    }

    /** Re-reads what coalesced or dropped QMP events would have said; one waits at most. */
    private void refresh() {
        serial.coalesced(SerialTasks.Coalesced.REFRESH, spontaneous(), caused(spontaneous(), this::refreshNow));
    }

    private void refreshNow() {
        QemuInstance current = instance;
        if (current != null) {
            switch (current.look()) {
                case GONE -> onGone(current);
                case PANICKED -> endPanicked(current);
                case RUNNING -> cpusRun(current, true);
                case PAUSED -> cpusRun(current, false);
                case UNCLEAR -> log.debug("VM {}: status refresh learned nothing", vmId);
            }
        }
    }

    /** QEMU's vCPUs run (or stopped) on their own, as an event or a status refresh says. */
    private void cpusRun(QemuInstance source, boolean running) {
        if (source.shuttingDown()) {
            return;
        }
        if (running && state() == VmState.PAUSED) {
            transition(VmState.RUNNING, null);
        } else if (!running && state() == VmState.RUNNING) {
            transition(VmState.PAUSED, "paused by qemu");
        }
    }

    private void detach() {
        if (instance != null) {
            instance.detach();
            instance = null;
        }
    }

    private QemuInstance requireInstance() {
        if (instance == null) {
            throw new RuntimeFailure(RuntimeFailure.VM_NOT_RUNNING, "no QEMU attached (state " + state() + ")", null);
        }
        return instance;
    }

    private void transition(VmState next, String reason) {
        observed.transition(next, reason);
    }

    private StopOptions defaultStop() {
        return new StopOptions(false, settings.defaultStopTimeout());
    }

    private EventContext spontaneous() {
        return EventContext.spontaneous(vmId, record.get().tenantId());
    }

    /** {@code task} as run on the serial executor: what it reports carries {@code origin}. */
    private Runnable caused(EventContext origin, Runnable task) {
        return () -> {
            observed.causedBy(origin);
            task.run();
        };
    }
}
