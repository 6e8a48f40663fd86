package io.voidvm.nodeagent.qmp;

/**
 * Receives a session's events, in the order QEMU sent them, on one dispatcher thread per session (never the
 * reader thread, so a listener may call back into the session). {@link #onDisconnected} comes last, once.
 */
public interface QmpListener {

    void onEvent(QmpEvent event);

    default void onDisconnected(QmpDisconnectedException cause) {
    }
}
