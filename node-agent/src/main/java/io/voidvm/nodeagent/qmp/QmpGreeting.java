package io.voidvm.nodeagent.qmp;

import java.util.List;

/** The first message QEMU sends: its version and the protocol capabilities it offers (e.g. {@code oob}). */
public record QmpGreeting(QemuVersion version, List<String> capabilities) {

    public QmpGreeting {
        capabilities = List.copyOf(capabilities);
    }
}
