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
 * @param taskQueueCapacity  tasks that may wait on one VM's serial executor ({@link SerialTasks})
 */
public record RuntimeSettings(NodeConfig node, Accelerator accelerator, Duration qmpTimeout, Duration connectTimeout,
                              Duration defaultStopTimeout, Duration quitTimeout, int maxRestarts,
                              Duration restartWindow, int taskQueueCapacity) {

    static final int DEFAULT_TASK_QUEUE_CAPACITY = 64;

    public RuntimeSettings {
        Objects.requireNonNull(node, "node");
        Objects.requireNonNull(accelerator, "accelerator");
        Objects.requireNonNull(qmpTimeout, "qmpTimeout");
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(defaultStopTimeout, "defaultStopTimeout");
        Objects.requireNonNull(quitTimeout, "quitTimeout");
        Objects.requireNonNull(restartWindow, "restartWindow");
    }

    public RuntimeSettings(NodeConfig node, Accelerator accelerator, Duration qmpTimeout, Duration connectTimeout,
            Duration defaultStopTimeout, Duration quitTimeout, int maxRestarts, Duration restartWindow) {
        this(node, accelerator, qmpTimeout, connectTimeout, defaultStopTimeout, quitTimeout, maxRestarts,
                restartWindow, DEFAULT_TASK_QUEUE_CAPACITY);
    }
}
