package io.voidvm.nodeagent.qmp;

/**
 * Life of one QMP session. It only moves forward; a client is used once, and reconnecting means a new
 * client (QEMU's QMP server accepts a new connection once the previous one is gone).
 */
public enum QmpState {
    /** Created, nothing opened yet. */
    IDLE,
    /** Socket open; waiting for the greeting and the answer to {@code qmp_capabilities}. */
    CONNECTING,
    /** Commands may be sent; events are delivered. */
    RUNNING,
    /** Tearing down: pending calls are being failed. */
    DISCONNECTING,
    /** Gone for good. */
    CLOSED
}
