package io.voidvm.nodeagent.runtime;

import io.voidvm.nodeagent.runtime.domain.ProcessExit;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.locks.LockSupport;

/**
 * A QEMU found running when the agent started: not its child, so the exit status is unknown and the exit is
 * noticed by polling {@code /proc}. The QMP disconnect usually tells first; the poll is the backstop.
 */
final class AdoptedQemuProcess implements QemuProcess {

    private static final Duration WATCH_INTERVAL = Duration.ofMillis(500);
    private static final Duration AWAIT_INTERVAL = Duration.ofMillis(20);

    private final long pid;
    private final long startTime;
    private final CompletableFuture<ProcessExit> exit = new CompletableFuture<>();

    private AdoptedQemuProcess(long pid, long startTime) {
        this.pid = pid;
        this.startTime = startTime;
    }

    static Optional<QemuProcess> adopt(long pid) {
        return LinuxProcesses.startTimeIfRunning(pid).map(start -> {
            AdoptedQemuProcess process = new AdoptedQemuProcess(pid, start);
            Thread.ofVirtual().name("qemu-watch-" + pid).start(process::watch);
            return process;
        });
    }

    @Override
    public long pid() {
        return pid;
    }

    @Override
    public boolean isAlive() {
        boolean alive = LinuxProcesses.isRunning(pid, startTime);
        if (!alive) {
            exit.complete(ProcessExit.unknown());
        }
        return alive;
    }

    @Override
    public CompletableFuture<ProcessExit> onExit() {
        return exit;
    }

    @Override
    public Optional<ProcessExit> awaitExit(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (isAlive()) {
            if (System.nanoTime() - deadline >= 0) {
                return Optional.empty();
            }
            LockSupport.parkNanos(AWAIT_INTERVAL.toNanos());
        }
        return Optional.of(ProcessExit.unknown());
    }

    @Override
    public void kill() {
        if (isAlive()) {
            ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
        }
    }

    private void watch() {
        while (isAlive()) {
            LockSupport.parkNanos(WATCH_INTERVAL.toNanos());
        }
    }
}
