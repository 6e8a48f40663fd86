package io.voidvm.contracts;

/**
 * The body of a message. Every implementation is a record registered in
 * {@code io.voidvm.contracts.envelope.MessageType}; that registry, not this interface, is the closed set,
 * because a sealed interface cannot span packages outside a named module.
 */
public interface Payload {
}
