package io.voidvm.nodeagent.reconcile.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JitterTest {

    private final Jitter jitter = new Jitter(Duration.ofSeconds(30), 0.2);

    @Test
    void pausesSpreadEvenlyAroundTheInterval() {
        assertThat(jitter.pause(0)).isEqualTo(Duration.ofSeconds(24));
        assertThat(jitter.pause(0.5)).isEqualTo(Duration.ofSeconds(30));
        assertThat(jitter.pause(0.75)).isEqualTo(Duration.ofSeconds(33));
        assertThat(jitter.pause(Math.nextDown(1.0))).isBetween(Duration.ofMillis(35_999), Duration.ofSeconds(36));
    }

    @Test
    void noJitterIsTheIntervalItself() {
        Jitter fixed = new Jitter(Duration.ofSeconds(30), 0);

        assertThat(fixed.pause(0)).isEqualTo(Duration.ofSeconds(30));
        assertThat(fixed.pause(0.99)).isEqualTo(Duration.ofSeconds(30));
    }

    @ParameterizedTest
    @ValueSource(doubles = {-0.1, 0.51, Double.NaN})
    void aFractionOutsideItsRangeIsRefused(double fraction) {
        assertThatThrownBy(() -> new Jitter(Duration.ofSeconds(30), fraction))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("jitter");
    }

    @ParameterizedTest
    @ValueSource(doubles = {-0.01, 1.0, Double.NaN})
    void aRandomOutsideTheUnitIntervalIsRefused(double random) {
        assertThatThrownBy(() -> jitter.pause(random)).isInstanceOf(IllegalArgumentException.class);
    }
}
