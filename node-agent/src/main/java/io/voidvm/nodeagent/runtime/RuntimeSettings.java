package io.voidvm.nodeagent.runtime;

import io.voidvm.nodeagent.qemu.domain.Accelerator;
import io.voidvm.nodeagent.qemu.domain.NodeConfig;
import java.time.Duration;
import java.util.Objects;

/**
 * What every VM runtime on this node shares.
 *
 * @param qmpTimeout         per QMP command
 * @param connectTimeout     from launch to an open QMP session
 * @param defaultStopTimeout graceful stops that no command timed (reconcile, restart of a changed VM)
 * @param quitTimeout        after {@code quit}, before SIGKILL
 * @param maxRestarts        policy restarts allowed within {@code restartWindow}
 */
public record RuntimeSettings(NodeConfig node, Accelerator accelerator, Duration qmpTimeout, Duration connectTimeout,
                              Duration defaultStopTimeout, Duration quitTimeout, int maxRestarts,
                              Duration restartWindow) {

    public RuntimeSettings {
        Objects.requireNonNull(node, "node");
        Objects.requireNonNull(accelerator, "accelerator");
        Objects.requireNonNull(qmpTimeout, "qmpTimeout");
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(defaultStopTimeout, "defaultStopTimeout");
        Objects.requireNonNull(quitTimeout, "quitTimeout");
        Objects.requireNonNull(restartWindow, "restartWindow");
    }
}
