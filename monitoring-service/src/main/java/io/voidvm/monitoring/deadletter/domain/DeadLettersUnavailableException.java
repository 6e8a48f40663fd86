package io.voidvm.monitoring.deadletter.domain;

/** Kafka did not answer in time (or at all): the client did nothing wrong and may retry. */
public final class DeadLettersUnavailableException extends RuntimeException {

    public DeadLettersUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
