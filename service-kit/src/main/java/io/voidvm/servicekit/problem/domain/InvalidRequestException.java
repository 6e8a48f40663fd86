package io.voidvm.servicekit.problem.domain;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A request value that passed bean validation but is still wrong (an unknown image, a bad cursor). Names the
 * field or parameter so clients can point at it; rendered like a validation failure with one entry.
 */
public final class InvalidRequestException extends ApiException {

    private final String field;
    private final String reason;

    public InvalidRequestException(String field, String message) {
        super(Objects.requireNonNull(field, "field") + ": " + Objects.requireNonNull(message, "message"));
        this.field = field;
        this.reason = message;
    }

    public String field() {
        return field;
    }

    public String reason() {
        return reason;
    }

    @Override
    public ProblemType problemType() {
        return ProblemType.INVALID_REQUEST;
    }

    @Override
    public Map<String, Object> extensions() {
        return Map.of("errors", List.of(new FieldViolation(field, reason)));
    }
}
