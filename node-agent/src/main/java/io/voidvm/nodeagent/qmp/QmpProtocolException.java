package io.voidvm.nodeagent.qmp;

/** The peer sent something that is not QMP: a malformed line, a bad greeting, an unknown message shape. */
public final class QmpProtocolException extends QmpException {

    public QmpProtocolException(String message) {
        super(message);
    }

    public QmpProtocolException(String message, Throwable cause) {
        super(message, cause);
    }

    @Override
    public boolean retryable() {
        return false;
    }
}
