package io.voidvm.nodeagent.reconcile;

/** A desired-state fetch that failed: no answer in time, an error answer, or one the agent cannot use. */
public final class DesiredStateUnavailableException extends RuntimeException {

    public DesiredStateUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
