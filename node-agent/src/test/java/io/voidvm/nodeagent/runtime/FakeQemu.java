package io.voidvm.nodeagent.runtime;

import io.voidvm.nodeagent.qemu.domain.VmPaths;
import io.voidvm.nodeagent.qmp.QmpDisconnectedException;
import io.voidvm.nodeagent.qmp.QmpEvent;
import io.voidvm.nodeagent.qmp.QmpGreeting;
import io.voidvm.nodeagent.qmp.QmpListener;
import io.voidvm.nodeagent.qmp.QmpSession;
import io.voidvm.nodeagent.qmp.QmpState;
import io.voidvm.nodeagent.qmp.QemuVersion;
import io.voidvm.nodeagent.runtime.domain.ProcessExit;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * A fake hypervisor for runtime tests: a {@link QemuLauncher} and {@link QmpConnector} whose "QEMU" is a
 * {@link Vm} that answers QMP the way QEMU 7.2 does for the commands the agent uses.
 */
public final class FakeQemu implements QemuLauncher, QmpConnector {

    private static final AtomicLong PIDS = new AtomicLong(40_000);

    private final Map<Path, Vm> bySocket = new ConcurrentHashMap<>();
    public final AtomicInteger launches = new AtomicInteger();
    /** Whether new guests power off on {@code system_powerdown} (the marker guest does not). */
    volatile boolean guestsHandleAcpi;
    volatile String failNextLaunch;

    @Override
    public QemuProcess launch(VmPaths paths, List<String> argv) {
        String failure = failNextLaunch;
        if (failure != null) {
            failNextLaunch = null;
            throw new QemuLaunchException(failure);
        }
        find(paths).ifPresent(running -> {
            throw new QemuLaunchException("already running: " + running.pid());
        });
        launches.incrementAndGet();
        Vm vm = new Vm(guestsHandleAcpi);
        bySocket.put(paths.qmpSocket(), vm);
        return vm.process;
    }

    @Override
    public Optional<QemuProcess> find(VmPaths paths) {
        return Optional.ofNullable(bySocket.get(paths.qmpSocket())).filter(vm -> vm.process.isAlive())
                .map(vm -> vm.process);
    }

    @Override
    public QmpSession connect(Path socket, Duration timeout) {
        Vm vm = bySocket.get(socket);
        if (vm == null || !vm.process.isAlive()) {
            throw new QmpDisconnectedException("no QEMU listens on " + socket);
        }
        return vm.newSession();
    }

    public Vm vm(VmPaths paths) {
        return bySocket.get(paths.qmpSocket());
    }

    /** One fake QEMU: a process, its current QMP session, the run state and every command it received. */
    public static final class Vm {
        final Process process = new Process();
        public final List<String> commands = new CopyOnWriteArrayList<>();
        final boolean handlesAcpi;
        volatile String runState = "prelaunch";
        /** When set, every QMP command waits for it: the VM's executor hangs in the call. */
        public volatile java.util.concurrent.CountDownLatch holdCommands;
        private volatile Session session;

        Vm(boolean handlesAcpi) {
            this.handlesAcpi = handlesAcpi;
        }

        Session newSession() {
            session = new Session(this);
            return session;
        }

        /** QEMU dies without a word (SIGKILL, segfault): the socket closes, then the process is reaped. */
        public void crash(int signal) {
            Session current = session;
            if (current != null) {
                current.disconnect();
            }
            process.exit(new ProcessExit(null, signal));
        }

        void emit(String name, ObjectNode data) {
            session.emit(new QmpEvent(name, data, Instant.now()));
        }

        /** The QMP client dropped {@code count} events here, its listeners being too far behind. */
        void dropEvents(long count) {
            session.listeners.forEach(listener -> listener.onEventsDropped(count));
        }

        /** QEMU exits after a SHUTDOWN event (no -no-shutdown), as after a guest poweroff or quit. */
        void shutdown(boolean guest, String reason) {
            emit("SHUTDOWN", JsonNodeFactory.instance.objectNode().put("guest", guest).put("reason", reason));
            Session current = session;
            current.disconnect();
            process.exit(new ProcessExit(0, null));
        }
    }

    static final class Session implements QmpSession {
        private final Vm vm;
        private final List<QmpListener> listeners = new CopyOnWriteArrayList<>();
        private volatile QmpState state = QmpState.RUNNING;

        Session(Vm vm) {
            this.vm = vm;
        }

        @Override
        public QmpState state() {
            return state;
        }

        @Override
        public QmpGreeting greeting() {
            return new QmpGreeting(new QemuVersion(7, 2, 22, "fake"), List.of("oob"));
        }

        @Override
        public CompletableFuture<JsonNode> executeAsync(String command, Map<String, ?> arguments, Duration timeout) {
            try {
                return CompletableFuture.completedFuture(execute(command, arguments, timeout));
            } catch (RuntimeException e) {
                return CompletableFuture.failedFuture(e);
            }
        }

        @Override
        public JsonNode execute(String command, Map<String, ?> arguments, Duration timeout) {
            if (state != QmpState.RUNNING) {
                throw new QmpDisconnectedException("session closed (while waiting for " + command + ")");
            }
            vm.commands.add(command);
            awaitRelease(vm.holdCommands);
            ObjectNode reply = JsonNodeFactory.instance.objectNode();
            switch (command) {
                case "cont" -> vm.runState = "running";
                case "stop" -> vm.runState = "paused";
                case "query-status" -> reply.put("status", vm.runState).put("running", "running".equals(vm.runState));
                case "system_powerdown" -> {
                    if (vm.handlesAcpi) {
                        Thread.ofVirtual().start(() -> vm.shutdown(true, "guest-shutdown"));
                    }
                }
                case "quit" -> vm.shutdown(false, "host-qmp-quit");
                default -> {
                }
            }
            return reply;
        }

        private static void awaitRelease(java.util.concurrent.CountDownLatch hold) {
            if (hold != null) {
                try {
                    hold.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }

        @Override
        public Registration addListener(QmpListener listener) {
            listeners.add(listener);
            return () -> listeners.remove(listener);
        }

        void emit(QmpEvent event) {
            listeners.forEach(listener -> listener.onEvent(event));
        }

        void disconnect() {
            if (state == QmpState.RUNNING) {
                state = QmpState.CLOSED;
                listeners.forEach(listener -> listener.onDisconnected(new QmpDisconnectedException("EOF")));
            }
        }

        @Override
        public void close() {
            state = QmpState.CLOSED;
        }
    }

    static final class Process implements QemuProcess {
        private final long pid = PIDS.incrementAndGet();
        private final CompletableFuture<ProcessExit> exit = new CompletableFuture<>();

        void exit(ProcessExit how) {
            exit.complete(how);
        }

        @Override
        public long pid() {
            return pid;
        }

        @Override
        public boolean isAlive() {
            return !exit.isDone();
        }

        @Override
        public CompletableFuture<ProcessExit> onExit() {
            return exit;
        }

        @Override
        public Optional<ProcessExit> awaitExit(Duration timeout) {
            try {
                return Optional.of(exit.get(timeout.toNanos(), TimeUnit.NANOSECONDS));
            } catch (TimeoutException e) {
                return Optional.empty();
            } catch (ExecutionException | InterruptedException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public void kill() {
            exit.complete(new ProcessExit(null, 9));
        }
    }
}
