package io.voidvm.nodeagent.runtime;

import io.voidvm.nodeagent.volume.VolumeEventSink;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/** The collaborators every VM runtime of a node shares. */
record RuntimeContext(QemuLauncher launcher, QmpConnector qmp, VmEventSink events, VmStore store,
                      DiskProvisioner disks, RuntimeSettings settings, Clock clock, VolumeEventSink volumeEvents,
                      Duration unplugTimeout) {

    RuntimeContext(QemuLauncher launcher, QmpConnector qmp, VmEventSink events, VmStore store, DiskProvisioner disks,
            RuntimeSettings settings, Clock clock) {
        this(launcher, qmp, events, store, disks, settings, clock, (origin, event) -> { }, Duration.ofSeconds(30));
    }

    RuntimeContext {
        Objects.requireNonNull(launcher, "launcher");
        Objects.requireNonNull(qmp, "qmp");
        Objects.requireNonNull(events, "events");
        Objects.requireNonNull(store, "store");
        Objects.requireNonNull(disks, "disks");
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(volumeEvents, "volumeEvents");
        Objects.requireNonNull(unplugTimeout, "unplugTimeout");
    }
}
