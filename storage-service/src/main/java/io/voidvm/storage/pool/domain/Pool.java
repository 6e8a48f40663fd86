package io.voidvm.storage.pool.domain;

import io.voidvm.servicekit.problem.domain.ConflictException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A storage pool. Thin provisioning: a volume takes only what is written, so the sum of the volumes' sizes
 * ({@code usedGb}, what is promised) may reach {@code capacityGb × overcommitRatio} ({@link #provisionableGb()}).
 *
 * @param usedGb the sum of the sizes of the pool's volumes, every status included until a volume is gone
 */
public record Pool(UUID id, String name, String description, PoolBackend backend, long capacityGb,
                   BigDecimal overcommitRatio, long usedGb, long version, Instant createdAt, Instant updatedAt) {

    public Pool {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(backend, "backend");
        Objects.requireNonNull(overcommitRatio, "overcommitRatio");
    }

    public static Pool create(UUID id, NewPool spec, Instant now) {
        return new Pool(id, spec.name(), spec.description(), spec.backend(), spec.capacityGb(),
                spec.overcommitRatio(), 0, 0, now, now);
    }

    /** The most the volumes' sizes may add up to. */
    public long provisionableGb() {
        return BigDecimal.valueOf(capacityGb).multiply(overcommitRatio).setScale(0, RoundingMode.FLOOR)
                .longValueExact();
    }

    public long freeGb() {
        return Math.max(0, provisionableGb() - usedGb);
    }

    public String nodeName() {
        return backend.nodeName();
    }

    /** The directory the agent keeps the volumes in, relative to its pools root. */
    public String agentPath() {
        return switch (backend) {
            case PoolBackend.Dir dir -> dir.path();
        };
    }

    /** @throws ConflictException when {@code moreGb} more would take the pool past what it may provision */
    public void requireRoom(long moreGb) {
        if (moreGb > freeGb()) {
            throw new ConflictException("pool " + name + " cannot provision " + moreGb + " GB more: " + usedGb
                    + " GB of " + provisionableGb() + " GB (capacity " + capacityGb + " GB x over-commit "
                    + overcommitRatio.stripTrailingZeros().toPlainString() + ") are allocated");
        }
    }
}
