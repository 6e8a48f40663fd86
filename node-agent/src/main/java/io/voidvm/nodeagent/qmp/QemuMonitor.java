package io.voidvm.nodeagent.qmp;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import tools.jackson.databind.JsonNode;

/** Typed wrappers for the QMP commands the agent uses, over any {@link QmpSession}. */
public final class QemuMonitor {

    private final QmpSession session;
    private final Duration timeout;

    public QemuMonitor(QmpSession session, Duration timeout) {
        this.session = Objects.requireNonNull(session, "session");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
    }

    public QemuStatus queryStatus() {
        JsonNode result = session.execute("query-status", timeout);
        String name = result.path("status").asString("");
        return new QemuStatus(RunState.fromWire(name), result.path("running").asBoolean(false), name);
    }

    public QemuVersion queryVersion() {
        JsonNode result = session.execute("query-version", timeout);
        JsonNode qemu = result.path("qemu");
        return new QemuVersion(qemu.path("major").asInt(0), qemu.path("minor").asInt(0),
                qemu.path("micro").asInt(0), result.path("package").asString(""));
    }

    public List<BlockDevice> queryBlock() {
        List<BlockDevice> devices = new ArrayList<>();
        for (JsonNode entry : session.execute("query-block", timeout)) {
            JsonNode inserted = entry.path("inserted");
            Optional<BlockDevice.Medium> medium = inserted.isObject()
                    ? Optional.of(new BlockDevice.Medium(inserted.path("node-name").asString(""),
                            inserted.path("file").asString(""), inserted.path("drv").asString(""),
                            inserted.path("ro").asBoolean(false),
                            inserted.path("image").path("virtual-size").asLong(0)))
                    : Optional.empty();
            devices.add(new BlockDevice(entry.path("device").asString(""), entry.path("qdev").asString(""), medium));
        }
        return devices;
    }

    /** Adds a block node; {@code arguments} are {@code blockdev-add}'s (driver, node-name, ...). */
    public void blockdevAdd(Map<String, ?> arguments) {
        session.execute("blockdev-add", arguments, timeout);
    }

    public void blockdevDel(String nodeName) {
        session.execute("blockdev-del", Map.of("node-name", nodeName), timeout);
    }

    /** Plugs a device; {@code arguments} are {@code device_add}'s (driver, id, bus, drive, ...). */
    public void deviceAdd(Map<String, ?> arguments) {
        session.execute("device_add", arguments, timeout);
    }

    /** Asks the guest to release device {@code id}; done when QEMU emits {@code DEVICE_DELETED} for it. */
    public void deviceDel(String id) {
        session.execute("device_del", Map.of("id", id), timeout);
    }

    /** Grows the image under block node {@code nodeName} while the guest runs. */
    public void blockResize(String nodeName, long sizeBytes) {
        session.execute("block_resize", Map.of("node-name", nodeName, "size", sizeBytes), timeout);
    }

    /** Starts or resumes the guest's CPUs (leaves {@code prelaunch} or {@code paused}). */
    public void cont() {
        session.execute("cont", timeout);
    }

    public void stop() {
        session.execute("stop", timeout);
    }

    /** Asks the guest to power off via ACPI; the guest may ignore it, so callers follow up with {@link #quit}. */
    public void systemPowerdown() {
        session.execute("system_powerdown", timeout);
    }

    public void systemReset() {
        session.execute("system_reset", timeout);
    }

    /**
     * Ends QEMU at once. QEMU may close the socket before its reply gets through; the session ending is then
     * the success this call asked for.
     */
    public void quit() {
        try {
            session.execute("quit", timeout);
        } catch (QmpDisconnectedException expected) {
            // QEMU exited as asked
        }
    }
}
