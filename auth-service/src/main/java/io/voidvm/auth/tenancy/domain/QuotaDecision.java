package io.voidvm.auth.tenancy.domain;

import io.voidvm.servicekit.problem.domain.QuotaExceededException;
import java.util.Objects;

/** The answer to "may this tenant add these resources?". */
public sealed interface QuotaDecision {

    /**
     * Checks every resource in declaration order and reports the first one the request would push over its
     * limit. A resource the request does not add to never fails, even when usage is already above a lowered
     * limit: shrinking a quota must not block deleting or unrelated creates.
     */
    static QuotaDecision evaluate(ResourceAmounts limits, ResourceAmounts used, ResourceAmounts requested) {
        for (QuotaResource resource : QuotaResource.values()) {
            long wanted = requested.get(resource);
            if (wanted > 0 && used.get(resource) + wanted > limits.get(resource)) {
                return new Exceeded(resource, limits.get(resource), used.get(resource), wanted);
            }
        }
        return new Allowed();
    }

    record Allowed() implements QuotaDecision {
    }

    record Exceeded(QuotaResource resource, long limit, long used, long requested) implements QuotaDecision {

        public Exceeded {
            Objects.requireNonNull(resource, "resource");
        }

        public QuotaExceededException toException() {
            return new QuotaExceededException(resource.key(), limit, used, requested);
        }
    }
}
