package io.voidvm.storage.pool.web;

import io.voidvm.storage.pool.domain.Pool;
import io.voidvm.storage.pool.domain.PoolBackend;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * A pool as the API shows it. {@code usedGb} sums the sizes of its volumes (thin: what is promised, not what is
 * written); {@code provisionableGb} = {@code capacityGb × overcommitRatio}.
 */
public record PoolView(UUID id, String name, String description, String type, String path, String nodeName,
                       long capacityGb, BigDecimal overcommitRatio, long provisionableGb, long usedGb, long freeGb,
                       Instant createdAt, Instant updatedAt) {

    public static PoolView of(Pool pool) {
        String path = switch (pool.backend()) {
            case PoolBackend.Dir dir -> dir.path();
        };
        return new PoolView(pool.id(), pool.name(), pool.description(), pool.backend().type().name(), path,
                pool.nodeName(), pool.capacityGb(), pool.overcommitRatio(), pool.provisionableGb(), pool.usedGb(),
                pool.freeGb(), pool.createdAt(), pool.updatedAt());
    }

    public static String location(UUID id) {
        return "/api/v1/storage/" + id;
    }
}
