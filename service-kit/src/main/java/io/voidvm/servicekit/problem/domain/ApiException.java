package io.voidvm.servicekit.problem.domain;

import java.util.Map;

/**
 * An error the API reports to the client on purpose. The message becomes the problem's {@code detail}, so it
 * must be written for the client and never carry secrets or internals. The family is closed so the web layer
 * maps each member exhaustively.
 */
public abstract sealed class ApiException extends RuntimeException
        permits NotFoundException, ConflictException, PreconditionFailedException, QuotaExceededException,
        InvalidRequestException, ForbiddenException {

    protected ApiException(String detail) {
        super(detail, null, false, false);
    }

    /** What kind of problem this is (status, title and code). */
    public abstract ProblemType problemType();

    /** Extra members of the problem body, beside the standard ones; empty by default. */
    public Map<String, Object> extensions() {
        return Map.of();
    }

    public String detail() {
        return getMessage();
    }
}
