package io.voidvm.nodeagent.qmp;

import java.time.Instant;
import java.util.Objects;

import tools.jackson.databind.JsonNode;

/**
 * An asynchronous QMP event, e.g. {@code STOP} or {@code SHUTDOWN}. {@code timestamp} is QEMU's clock at
 * emission (microsecond precision); {@code data} is an empty object when QEMU sent none.
 */
public record QmpEvent(String name, JsonNode data, Instant timestamp) {

    public QmpEvent {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(timestamp, "timestamp");
    }
}
