package io.voidvm.servicekit.problem.domain;

import java.util.HashMap;
import java.util.Map;

/** An {@code If-Match} precondition did not hold: the resource changed since the client read it. */
public final class PreconditionFailedException extends ApiException {

    private final String currentETag;

    public PreconditionFailedException(String detail, String currentETag) {
        super(detail);
        this.currentETag = currentETag;
    }

    public String currentETag() {
        return currentETag;
    }

    @Override
    public ProblemType problemType() {
        return ProblemType.PRECONDITION_FAILED;
    }

    @Override
    public Map<String, Object> extensions() {
        Map<String, Object> extensions = new HashMap<>();
        if (currentETag != null) {
            extensions.put("currentETag", currentETag);
        }
        return extensions;
    }
}
