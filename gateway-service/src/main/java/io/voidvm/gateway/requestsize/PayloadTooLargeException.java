package io.voidvm.gateway.requestsize;

/** A body of undeclared length grew past its limit while streaming. */
public final class PayloadTooLargeException extends RuntimeException {

    private final long limitBytes;

    public PayloadTooLargeException(long limitBytes) {
        super("request body exceeds the limit of " + limitBytes + " bytes", null, false, false);
        this.limitBytes = limitBytes;
    }

    public long limitBytes() {
        return limitBytes;
    }
}
