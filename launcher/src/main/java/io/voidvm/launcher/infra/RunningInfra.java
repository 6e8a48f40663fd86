package io.voidvm.launcher.infra;

import java.util.List;

/**
 * A started infrastructure server: how to stop it, and which OS processes it consists of (for the pid files
 * that let {@code down} clean up after a crashed launcher).
 */
public record RunningInfra(Infra infra, Runnable stopper, java.util.function.Supplier<List<ProcessHandle>> processes) {

    public void stop() {
        stopper.run();
    }
}
