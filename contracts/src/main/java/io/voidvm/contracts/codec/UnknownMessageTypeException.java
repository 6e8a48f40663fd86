package io.voidvm.contracts.codec;

/** The envelope's {@code type} is not one this reader knows (for example a newer producer's). */
public final class UnknownMessageTypeException extends ContractException {

    private final String type;

    public UnknownMessageTypeException(String type) {
        super(Reason.UNKNOWN_TYPE, "unknown message type '" + type + "'", null);
        this.type = type;
    }

    public String type() {
        return type;
    }
}
