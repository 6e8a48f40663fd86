package io.voidvm.servicekit.problem;

import tools.jackson.core.JsonParser;
import tools.jackson.databind.exc.MismatchedInputException;

/**
 * A JSON value of the right type that an input rule refuses (a string holding a control character). Its reason is
 * written for clients and becomes the problem's message for the field; Jackson adds the field's path on the way out.
 */
public final class JsonValueRefusedException extends MismatchedInputException {

    private final String reason;

    public JsonValueRefusedException(JsonParser parser, String reason) {
        super(parser, reason, String.class);
        this.reason = reason;
    }

    public String reason() {
        return reason;
    }
}
