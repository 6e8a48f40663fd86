package io.voidvm.storage.pool.domain;

import io.voidvm.contracts.DnsLabel;
import io.voidvm.servicekit.problem.domain.InvalidRequestException;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * A pool an admin asks for, validated field by field (each refusal names its field).
 *
 * @param overcommitRatio how far the volumes' sizes may exceed the capacity (1.0 = no over-commit)
 */
public record NewPool(String name, String description, PoolBackend backend, long capacityGb,
                      BigDecimal overcommitRatio) {

    public static final BigDecimal MAX_OVERCOMMIT = BigDecimal.valueOf(100);
    public static final long MAX_CAPACITY_GB = 1L << 40;
    static final int MAX_DESCRIPTION = 1024;

    public NewPool {
        if (!DnsLabel.isValid(name)) {
            throw new InvalidRequestException("name",
                    "must be a DNS label (1-63 of a-z, 0-9, '-', not starting or ending with '-')");
        }
        description = description == null ? "" : description;
        if (description.length() > MAX_DESCRIPTION || description.indexOf('\0') >= 0) {
            throw new InvalidRequestException("description", "at most " + MAX_DESCRIPTION + " characters, no NUL");
        }
        Objects.requireNonNull(backend, "backend");
        if (capacityGb < 1 || capacityGb > MAX_CAPACITY_GB) {
            throw new InvalidRequestException("capacityGb", "must be between 1 and " + MAX_CAPACITY_GB);
        }
        overcommitRatio = overcommitRatio == null ? BigDecimal.ONE : overcommitRatio;
        if (overcommitRatio.compareTo(BigDecimal.ONE) < 0 || overcommitRatio.compareTo(MAX_OVERCOMMIT) > 0
                || overcommitRatio.scale() > 2) {
            throw new InvalidRequestException("overcommitRatio", "must be between 1.0 and " + MAX_OVERCOMMIT
                    + " with at most two decimals");
        }
    }
}
