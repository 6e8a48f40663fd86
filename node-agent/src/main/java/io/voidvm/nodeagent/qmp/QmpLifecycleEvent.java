package io.voidvm.nodeagent.qmp;

import java.time.Instant;
import java.util.Optional;

import tools.jackson.databind.JsonNode;

/**
 * The QMP events that change what a VM is doing, typed so that the runtime can switch over them exhaustively.
 * Every other event stays a plain {@link QmpEvent}.
 */
public sealed interface QmpLifecycleEvent {

    Instant timestamp();

    /** QEMU is shutting down; {@code guest} tells a guest poweroff from a host request (reason e.g. host-qmp-quit). */
    record Shutdown(Instant timestamp, boolean guest, String reason) implements QmpLifecycleEvent {
    }

    /** The guest's CPUs stopped (stop command, I/O error, watchdog...). */
    record Stopped(Instant timestamp) implements QmpLifecycleEvent {
    }

    /** The guest's CPUs run again. */
    record Resumed(Instant timestamp) implements QmpLifecycleEvent {
    }

    /** The machine was reset, by the guest or by {@code system_reset}. */
    record Reset(Instant timestamp, boolean guest, String reason) implements QmpLifecycleEvent {
    }

    /** The guest reported a panic; {@code action} is what QEMU did about it (pause, poweroff, run). */
    record GuestPanicked(Instant timestamp, String action) implements QmpLifecycleEvent {
    }

    static Optional<QmpLifecycleEvent> from(QmpEvent event) {
        JsonNode data = event.data();
        Instant at = event.timestamp();
        return Optional.ofNullable(switch (event.name()) {
            case "SHUTDOWN" -> new Shutdown(at, data.path("guest").asBoolean(false), text(data, "reason"));
            case "STOP" -> new Stopped(at);
            case "RESUME" -> new Resumed(at);
            case "RESET" -> new Reset(at, data.path("guest").asBoolean(false), text(data, "reason"));
            case "GUEST_PANICKED" -> new GuestPanicked(at, text(data, "action"));
            default -> null;
        });
    }

    private static String text(JsonNode data, String field) {
        JsonNode value = data.path(field);
        return value.isString() ? value.stringValue() : "";
    }
}
