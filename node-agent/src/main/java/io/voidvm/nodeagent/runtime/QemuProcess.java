package io.voidvm.nodeagent.runtime;

import io.voidvm.nodeagent.runtime.domain.ProcessExit;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/** One running QEMU, whether this agent spawned it or re-attached to it after a restart. */
public interface QemuProcess {

    long pid();

    boolean isAlive();

    /** Completes when the process is gone; exit code or signal only where the agent is its parent. */
    CompletableFuture<ProcessExit> onExit();

    /** Waits up to {@code timeout}; empty if it still runs. */
    Optional<ProcessExit> awaitExit(Duration timeout);

    /** SIGKILL. */
    void kill();
}
