package io.voidvm.monitoring.config;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMax;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of monitoring-service.
 *
 * @param rawRetention    how long individual samples are kept before only roll-ups remain
 * @param rollupInterval  width of one roll-up bucket (min/avg/max per metric and source)
 * @param rollupRetention how long roll-ups are kept; at least as long as raw samples
 */
@Validated
@ConfigurationProperties("voidvm.monitoring")
public record MonitoringProperties(
        @NotNull @DurationMin(hours = 1) @DurationMax(days = 90) Duration rawRetention,
        @NotNull @DurationMin(seconds = 10) @DurationMax(hours = 1) Duration rollupInterval,
        @NotNull @DurationMin(days = 1) @DurationMax(days = 3660) Duration rollupRetention) {

    @AssertTrue(message = "voidvm.monitoring.rollup-retention must not be shorter than raw-retention")
    public boolean isRollupKeptAtLeastAsLongAsRaw() {
        return rawRetention == null || rollupRetention == null || rollupRetention.compareTo(rawRetention) >= 0;
    }
}
