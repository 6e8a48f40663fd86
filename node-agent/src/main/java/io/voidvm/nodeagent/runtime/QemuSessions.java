package io.voidvm.nodeagent.runtime;

import io.voidvm.contracts.vm.spec.VmSpec;
import io.voidvm.nodeagent.qemu.domain.QemuCommandLine;
import io.voidvm.nodeagent.qemu.domain.VmPaths;
import io.voidvm.nodeagent.qmp.QmpDisconnectedException;
import io.voidvm.nodeagent.qmp.QmpEvent;
import io.voidvm.nodeagent.qmp.QmpListener;
import io.voidvm.nodeagent.qmp.QmpSession;
import io.voidvm.nodeagent.qmp.RunState;
import io.voidvm.nodeagent.runtime.domain.QemuSpecs;
import io.voidvm.nodeagent.runtime.domain.VmState;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.concurrent.locks.LockSupport;

/**
 * Turns a spec into a running, QMP-attached {@link QemuInstance}: disks, argv, launch, connect, listeners.
 * Kept apart from {@link VmRuntime} so that the runtime reads as a state machine, not as plumbing.
 */
final class QemuSessions {

    private static final long CONNECT_RETRY_NANOS = 20_000_000;

    /**
     * What the runtime wants to hear from an instance, called on the session's event thread: every event, the
     * session's end, and a gap of events the session dropped because its listeners fell behind.
     */
    record Listener(Consumer<QmpEvent> onEvent, Runnable onGone, Runnable onEventsLost) {
    }

    /** A spec made ready to launch: disks in place, argv built. */
    record Prepared(List<String> argv) {
    }

    private final RuntimeContext context;
    private final VmPaths paths;

    QemuSessions(RuntimeContext context, VmPaths paths) {
        this.context = context;
        this.paths = paths;
    }

    /** @throws UnsupportedSpecException or IllegalArgumentException if the spec cannot run on this node */
    Prepared prepare(VmSpec spec) {
        var disks = context.disks().provision(paths, spec);
        var qemuSpec = QemuSpecs.toQemu(paths.vmId(), spec, disks);
        return new Prepared(QemuCommandLine.build(qemuSpec, context.settings().node(),
                context.settings().accelerator()));
    }

    QemuInstance launch(Prepared prepared, Function<QemuInstance, Listener> listeners) {
        QemuProcess process = context.launcher().launch(paths, prepared.argv());
        try {
            return attach(process, listeners);
        } catch (RuntimeException e) {
            // a QEMU the agent cannot talk to must not linger holding the VM's disks
            process.kill();
            process.awaitExit(context.settings().quitTimeout());
            throw e;
        }
    }

    QemuInstance attach(QemuProcess process, Function<QemuInstance, Listener> listeners) {
        QmpSession session = connect(process);
        QemuInstance instance = new QemuInstance(process, session, context.settings().qmpTimeout());
        Listener listener = listeners.apply(instance);
        instance.listenWith(session.addListener(new QmpListener() {
            @Override
            public void onEvent(QmpEvent event) {
                listener.onEvent().accept(event);
            }

            @Override
            public void onEventsDropped(long count) {
                listener.onEventsLost().run();
            }

            @Override
            public void onDisconnected(QmpDisconnectedException cause) {
                listener.onGone().run();
            }
        }));
        process.onExit().thenRun(listener.onGone());
        return instance;
    }

    QemuInstance reconnect(QemuInstance old, Function<QemuInstance, Listener> listeners) {
        old.detach();
        return attach(old.process, listeners);
    }

    /** QEMU listens a moment after it creates the socket file: refused connects are retried until the deadline. */
    private QmpSession connect(QemuProcess process) {
        long deadline = System.nanoTime() + context.settings().connectTimeout().toNanos();
        while (true) {
            try {
                return context.qmp().connect(paths.qmpSocket(), context.settings().connectTimeout());
            } catch (QmpDisconnectedException e) {
                if (!process.isAlive() || System.nanoTime() - deadline >= 0) {
                    throw e;
                }
                LockSupport.parkNanos(CONNECT_RETRY_NANOS);
            }
        }
    }

    /** The agent's state for a QEMU found running; anything not plainly running counts as paused. */
    static VmState observed(RunState runState) {
        return switch (runState) {
            case RUNNING -> VmState.RUNNING;
            case SHUTDOWN -> VmState.STOPPING;
            case DEBUG, INMIGRATE, INTERNAL_ERROR, IO_ERROR, PAUSED, POSTMIGRATE, PRELAUNCH, FINISH_MIGRATE,
                 RESTORE_VM, SAVE_VM, SUSPENDED, WATCHDOG, GUEST_PANICKED, COLO, UNKNOWN -> VmState.PAUSED;
        };
    }
}
