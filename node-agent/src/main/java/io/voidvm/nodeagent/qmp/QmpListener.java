package io.voidvm.nodeagent.qmp;

/**
 * Receives a session's events, in the order QEMU sent them, on one dispatcher thread per session (never the
 * reader thread, so a listener may call back into the session). {@link #onDisconnected} comes last, once.
 */
public interface QmpListener {

    void onEvent(QmpEvent event);

    /**
     * {@code count} events QEMU sent at this point of the stream were dropped: the session's listeners fell so far
     * behind that its event buffer was full. What they said is lost; a listener that depends on it must read the
     * state again (e.g. {@code query-status}). Called in stream order, between the events before and after the gap.
     */
    default void onEventsDropped(long count) {
    }

    default void onDisconnected(QmpDisconnectedException cause) {
    }
}
