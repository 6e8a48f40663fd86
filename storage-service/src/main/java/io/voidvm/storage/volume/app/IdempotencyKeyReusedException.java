package io.voidvm.storage.volume.app;

/** An {@code Idempotency-Key} came back with a different request: answered 422, nothing is done. */
public final class IdempotencyKeyReusedException extends RuntimeException {

    IdempotencyKeyReusedException() {
        super("this Idempotency-Key was used for a different request", null, false, false);
    }
}
