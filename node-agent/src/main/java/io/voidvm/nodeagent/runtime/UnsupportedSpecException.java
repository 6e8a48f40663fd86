package io.voidvm.nodeagent.runtime;

/** The spec asks for something this node cannot provide; retrying will not help. */
public final class UnsupportedSpecException extends RuntimeException {

    public UnsupportedSpecException(String message) {
        super(message);
    }
}
