package io.voidvm.nodeagent.qmp;

/**
 * Everything a QMP call can fail with. The set is closed so that callers can switch over it exhaustively and
 * decide per kind whether to retry: a command error is QEMU's answer, a timeout may be transient, a disconnect
 * means the session (and usually QEMU) is gone, a protocol error means the stream cannot be trusted.
 */
public abstract sealed class QmpException extends RuntimeException
        permits QmpCommandException, QmpTimeoutException, QmpDisconnectedException, QmpProtocolException {

    QmpException(String message) {
        super(message);
    }

    QmpException(String message, Throwable cause) {
        super(message, cause);
    }

    /** Whether the same call on the same session may succeed later. */
    public abstract boolean retryable();
}
