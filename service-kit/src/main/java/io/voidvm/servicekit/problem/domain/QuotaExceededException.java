package io.voidvm.servicekit.problem.domain;

import java.util.Map;
import java.util.Objects;

/**
 * A tenant quota would be exceeded. 409 (not 403): the caller may do this once usage drops, it is the
 * current state that forbids it.
 */
public final class QuotaExceededException extends ApiException {

    private final String quota;
    private final long limit;
    private final long used;
    private final long requested;

    /**
     * @param quota     machine name of the quota, e.g. {@code vcpus}
     * @param limit     the tenant's limit
     * @param used      what is in use now
     * @param requested what the request would add
     */
    public QuotaExceededException(String quota, long limit, long used, long requested) {
        super("quota " + Objects.requireNonNull(quota, "quota") + " exceeded: " + used + " used + " + requested
                + " requested > limit " + limit);
        this.quota = quota;
        this.limit = limit;
        this.used = used;
        this.requested = requested;
    }

    public String quota() {
        return quota;
    }

    public long limit() {
        return limit;
    }

    public long used() {
        return used;
    }

    public long requested() {
        return requested;
    }

    @Override
    public ProblemType problemType() {
        return ProblemType.QUOTA_EXCEEDED;
    }

    @Override
    public Map<String, Object> extensions() {
        return Map.of("quota", quota, "limit", limit, "used", used, "requested", requested);
    }
}
