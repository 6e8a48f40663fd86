package io.voidvm.vm.idempotency;

/**
 * An {@code Idempotency-Key} came back with a different request than the one it was first used for (HTTP 422):
 * replaying the stored answer would be wrong, and executing the new request would break the key's promise.
 */
public final class IdempotencyKeyReusedException extends RuntimeException {

    public IdempotencyKeyReusedException() {
        super("this Idempotency-Key was already used with a different request; use a new key for a new request",
                null, false, false);
    }
}
