package io.voidvm.storage.pool.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.voidvm.servicekit.problem.domain.ConflictException;
import io.voidvm.servicekit.problem.domain.InvalidRequestException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PoolTest {

    private static Pool pool(long capacityGb, String ratio, long usedGb) {
        return new Pool(UUID.randomUUID(), "p", "", new PoolBackend.Dir("p", "node-1"), capacityGb,
                new BigDecimal(ratio), usedGb, 0, Instant.EPOCH, Instant.EPOCH);
    }

    @Test
    void provisionsUpToCapacityTimesTheRatioRoundedDown() {
        assertThat(pool(10, "1.0", 0).provisionableGb()).isEqualTo(10);
        assertThat(pool(10, "1.55", 0).provisionableGb()).isEqualTo(15);
        assertThat(pool(10, "1.5", 12).freeGb()).isEqualTo(3);
        assertThat(pool(10, "1.0", 12).freeGb()).isZero();
    }

    @Test
    void refusesWhatWouldPassTheLimit() {
        pool(10, "1.5", 12).requireRoom(3);
        assertThatThrownBy(() -> pool(10, "1.5", 12).requireRoom(4))
                .isInstanceOf(ConflictException.class)
                .hasMessageContaining("12 GB of 15 GB").hasMessageContaining("over-commit 1.5");
    }

    @ParameterizedTest
    @ValueSource(strings = {"../x", "/abs", "a//b", "a/../b", "", "a b"})
    void aDirPathStaysUnderThePoolsRoot(String path) {
        assertThatThrownBy(() -> new PoolBackend.Dir(path, "node-1"))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.field()).isEqualTo("path"));
    }

    @Test
    void anOvercommitRatioBelowOneOrTooPreciseIsRefused() {
        var dir = new PoolBackend.Dir("a/b", "node-1");
        for (String ratio : new String[] {"0.99", "100.01", "1.001"}) {
            assertThatThrownBy(() -> new NewPool("p", null, dir, 10, new BigDecimal(ratio)))
                    .isInstanceOfSatisfying(InvalidRequestException.class,
                            e -> assertThat(e.field()).isEqualTo("overcommitRatio"));
        }
        assertThat(new NewPool("p", null, dir, 10, null).overcommitRatio()).isEqualByComparingTo("1");
    }
}
