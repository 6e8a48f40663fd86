package io.voidvm.servicekit.problem.domain;

import java.util.Map;

/**
 * The request clashes with the current state (a duplicate name, an action the state machine does not allow).
 * A state conflict carries the current state so the client can decide what to do without another GET.
 */
public final class ConflictException extends ApiException {

    private final String currentState;

    public ConflictException(String detail) {
        this(detail, null);
    }

    public ConflictException(String detail, String currentState) {
        super(detail);
        this.currentState = currentState;
    }

    public static ConflictException stateConflict(String action, Object currentState) {
        return new ConflictException("cannot " + action + " while " + currentState, String.valueOf(currentState));
    }

    public String currentState() {
        return currentState;
    }

    @Override
    public ProblemType problemType() {
        return ProblemType.CONFLICT;
    }

    @Override
    public Map<String, Object> extensions() {
        return currentState == null ? Map.of() : Map.of("currentState", currentState);
    }
}
