package io.voidvm.storage.pool.web;

import io.voidvm.servicekit.problem.domain.InvalidRequestException;
import io.voidvm.storage.pool.domain.NewPool;
import io.voidvm.storage.pool.domain.PoolBackend;
import io.voidvm.storage.pool.domain.PoolType;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Locale;

/**
 * The body of {@code POST /api/v1/storage}. {@code type} defaults to {@code DIR}; the fields after it are that
 * type's settings. Boxed numbers, so a missing field is reported as missing.
 */
record CreatePoolRequest(String name, String description, String type, String path, String nodeName,
                         Long capacityGb, BigDecimal overcommitRatio) {

    NewPool toNewPool() {
        PoolType poolType = parseType();
        if (capacityGb == null) {
            throw new InvalidRequestException("capacityGb", "is required");
        }
        PoolBackend backend = switch (poolType) {
            case DIR -> new PoolBackend.Dir(path, nodeName);
        };
        return new NewPool(name, description, backend, capacityGb, overcommitRatio);
    }

    private PoolType parseType() {
        if (type == null) {
            return PoolType.DIR;
        }
        try {
            return PoolType.valueOf(type.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException("type", "must be one of " + Arrays.toString(PoolType.values()));
        }
    }
}
