package io.voidvm.nodeagent.qmp;

import java.time.Duration;

/** No reply (or no greeting) arrived in time. The session stays usable; a late reply is dropped. */
public final class QmpTimeoutException extends QmpException {

    private final String awaited;
    private final Duration timeout;

    public QmpTimeoutException(String awaited, Duration timeout) {
        super("no answer to " + awaited + " within " + timeout.toMillis() + " ms");
        this.awaited = awaited;
        this.timeout = timeout;
    }

    /** The command name, or {@code greeting}. */
    public String awaited() {
        return awaited;
    }

    public Duration timeout() {
        return timeout;
    }

    @Override
    public boolean retryable() {
        return true;
    }
}
