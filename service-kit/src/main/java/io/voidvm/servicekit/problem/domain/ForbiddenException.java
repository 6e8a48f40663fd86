package io.voidvm.servicekit.problem.domain;

/**
 * The caller is authenticated but may not do this at all (not a per-resource check: those answer 404, see
 * {@link NotFoundException}). Example: a token without a tenant.
 */
public final class ForbiddenException extends ApiException {

    public ForbiddenException(String detail) {
        super(detail);
    }

    @Override
    public ProblemType problemType() {
        return ProblemType.FORBIDDEN;
    }
}
