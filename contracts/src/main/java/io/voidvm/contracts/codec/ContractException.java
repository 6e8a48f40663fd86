package io.voidvm.contracts.codec;

/**
 * A message that can never be processed by this reader, however often it is retried: consumers send it
 * to the dead-letter topic. {@link #reason()} is a stable code for metrics and dead-letter headers.
 */
public abstract sealed class ContractException extends RuntimeException
        permits MalformedMessageException, UnknownMessageTypeException, UnexpectedMessageTypeException,
        UnsupportedSchemaVersionException {

    /** Why the message was rejected. */
    public enum Reason {
        MALFORMED,
        UNKNOWN_TYPE,
        UNEXPECTED_TYPE,
        UNSUPPORTED_SCHEMA_VERSION
    }

    private final Reason reason;

    ContractException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
