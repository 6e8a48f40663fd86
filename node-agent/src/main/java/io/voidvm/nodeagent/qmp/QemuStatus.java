package io.voidvm.nodeagent.qmp;

/** Answer to {@code query-status}: {@code running} is QEMU's own flag, {@code wireName} the raw state name. */
public record QemuStatus(RunState state, boolean running, String wireName) {
}
