package io.voidvm.nodeagent.qmp;

/**
 * The session ended (EOF, socket error, unparseable stream, or {@link QmpSession#close()}) before the call
 * got its answer, or the call was made after the end. A new session may work if QEMU still runs.
 */
public final class QmpDisconnectedException extends QmpException {

    public QmpDisconnectedException(String message) {
        super(message);
    }

    public QmpDisconnectedException(String message, Throwable cause) {
        super(message, cause);
    }

    @Override
    public boolean retryable() {
        return true;
    }
}
