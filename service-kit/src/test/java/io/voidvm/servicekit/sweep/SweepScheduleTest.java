package io.voidvm.servicekit.sweep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class SweepScheduleTest {

    @Test
    void delaysSpreadOverTheJitterAroundTheInterval() {
        SweepSchedule schedule = SweepSchedule.every(Duration.ofSeconds(10));
        SplittableRandom random = new SplittableRandom(42);
        var delays = IntStream.range(0, 1_000).mapToObj(i -> schedule.nextDelay(random)).toList();

        assertThat(delays).allSatisfy(delay -> assertThat(delay).isBetween(Duration.ofSeconds(8),
                Duration.ofSeconds(12)));
        assertThat(delays.stream().filter(delay -> delay.compareTo(Duration.ofMillis(8_500)) < 0)).isNotEmpty();
        assertThat(delays.stream().filter(delay -> delay.compareTo(Duration.ofMillis(11_500)) > 0)).isNotEmpty();
    }

    @Test
    void noJitterIsTheIntervalAndNonsenseIsRefused() {
        var exact = new SweepSchedule(Duration.ofMillis(250), 0, Duration.ofSeconds(1));
        assertThat(exact.nextDelay(new SplittableRandom(1))).isEqualTo(Duration.ofMillis(250));
        assertThatThrownBy(() -> SweepSchedule.every(Duration.ZERO)).hasMessageContaining("interval");
        assertThatThrownBy(() -> new SweepSchedule(Duration.ofSeconds(1), 1.0, Duration.ofSeconds(1)))
                .hasMessageContaining("jitter");
        assertThatThrownBy(() -> new SweepSchedule(Duration.ofSeconds(1), 0.1, Duration.ZERO))
                .hasMessageContaining("passTimeout");
    }
}
