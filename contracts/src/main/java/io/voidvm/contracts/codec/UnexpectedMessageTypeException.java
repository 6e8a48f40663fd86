package io.voidvm.contracts.codec;

/** A known message on the wrong topic, e.g. an event where only commands may arrive. */
public final class UnexpectedMessageTypeException extends ContractException {

    private final String type;

    public UnexpectedMessageTypeException(String type, Class<?> expected) {
        super(Reason.UNEXPECTED_TYPE,
                "message type '" + type + "' is not a " + expected.getSimpleName(), null);
        this.type = type;
    }

    public String type() {
        return type;
    }
}
