package io.voidvm.contracts.codec;

/** Not JSON, not an object, a required field missing, or a value that breaks a record's invariants. */
public final class MalformedMessageException extends ContractException {

    public MalformedMessageException(String detail, Throwable cause) {
        super(Reason.MALFORMED, "malformed message: " + detail, cause);
    }
}
