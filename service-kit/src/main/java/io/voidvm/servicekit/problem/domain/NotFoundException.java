package io.voidvm.servicekit.problem.domain;

import java.util.Objects;

/**
 * The resource does not exist or belongs to another tenant: both answer 404 so a caller cannot learn that
 * another tenant's resource exists (DESIGN 5).
 */
public final class NotFoundException extends ApiException {

    private final String resource;
    private final String id;

    public NotFoundException(String resource, Object id) {
        super(Objects.requireNonNull(resource, "resource") + " " + id + " was not found");
        this.resource = resource;
        this.id = String.valueOf(id);
    }

    public String resource() {
        return resource;
    }

    public String id() {
        return id;
    }

    @Override
    public ProblemType problemType() {
        return ProblemType.NOT_FOUND;
    }
}
