package io.voidvm.nodeagent.runtime;

import io.voidvm.nodeagent.runtime.domain.ProcessExit;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** A QEMU this agent spawned: the JDK reaps it, so its exit code or signal is known. */
final class SpawnedQemuProcess implements QemuProcess {

    private final Process process;
    private final CompletableFuture<ProcessExit> exit;

    SpawnedQemuProcess(Process process) {
        this.process = process;
        this.exit = process.onExit().thenApply(ended -> ProcessExit.fromJavaExitValue(ended.exitValue()));
    }

    @Override
    public long pid() {
        return process.pid();
    }

    @Override
    public boolean isAlive() {
        return process.isAlive();
    }

    @Override
    public CompletableFuture<ProcessExit> onExit() {
        return exit;
    }

    @Override
    public Optional<ProcessExit> awaitExit(Duration timeout) {
        try {
            if (!process.waitFor(timeout.toNanos(), TimeUnit.NANOSECONDS)) {
                return Optional.empty();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
        return Optional.of(ProcessExit.fromJavaExitValue(process.exitValue()));
    }

    @Override
    public void kill() {
        process.destroyForcibly();
    }
}
