package io.voidvm.nodeagent.command;

/** A well-formed command addressed to another node: a producer bug, never fixed by retrying. */
final class MisroutedCommandException extends RuntimeException {

    MisroutedCommandException(String message) {
        super(message);
    }
}
