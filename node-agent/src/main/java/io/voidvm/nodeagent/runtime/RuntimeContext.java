package io.voidvm.nodeagent.runtime;

import java.time.Clock;
import java.util.Objects;

/** The collaborators every VM runtime of a node shares. */
record RuntimeContext(QemuLauncher launcher, QmpConnector qmp, VmEventSink events, VmStore store,
                      DiskProvisioner disks, RuntimeSettings settings, Clock clock) {

    RuntimeContext {
        Objects.requireNonNull(launcher, "launcher");
        Objects.requireNonNull(qmp, "qmp");
        Objects.requireNonNull(events, "events");
        Objects.requireNonNull(store, "store");
        Objects.requireNonNull(disks, "disks");
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(clock, "clock");
    }
}
