package io.voidvm.systemtests.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class SamplesTest {

    private static Samples millis(int... values) {
        return new Samples("t", IntStream.of(values).mapToObj(Duration::ofMillis).toList());
    }

    @Test
    void nearestRankOfTwentySamples() {
        Samples samples = millis(20, 19, 18, 17, 16, 15, 14, 13, 12, 11, 10, 9, 8, 7, 6, 5, 4, 3, 2, 1);
        assertThat(samples.p50()).isEqualTo(Duration.ofMillis(10));
        assertThat(samples.p95()).isEqualTo(Duration.ofMillis(19));
        assertThat(samples.max()).isEqualTo(Duration.ofMillis(20));
        assertThat(samples.percentile(1)).isEqualTo(Duration.ofMillis(1));
    }

    @Test
    void oneSampleIsEveryPercentile() {
        Samples samples = millis(42);
        assertThat(List.of(samples.percentile(0.1), samples.p50(), samples.p95(), samples.max()))
                .containsOnly(Duration.ofMillis(42));
    }

    @Test
    void noSamplesOrABadPercentIsAnError() {
        assertThatThrownBy(() -> millis().p50()).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> millis(1).percentile(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> millis(1).percentile(101)).isInstanceOf(IllegalArgumentException.class);
    }
}
