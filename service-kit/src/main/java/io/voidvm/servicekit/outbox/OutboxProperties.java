package io.voidvm.servicekit.outbox;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code voidvm.outbox.*}, validated at start-up.
 *
 * @param relayEnabled    run the relay in this process (the writer is always available)
 * @param batchSize       rows claimed per transaction
 * @param pollInterval    how often to look for rows when no NOTIFY arrived
 * @param listen          wake the relay on {@code NOTIFY outbox} instead of waiting for the next poll
 * @param backoff         delay before retrying a row whose publish failed
 * @param deliveryTimeout how long the producer keeps retrying one record (absorbs short broker outages)
 * @param linger          producer {@code linger.ms}: small, the relay already sends in batches
 * @param retention       how long sent rows are kept (for debugging) before the purge deletes them
 * @param purgeInterval   how often the purge runs
 */
@Validated
@ConfigurationProperties("voidvm.outbox")
public record OutboxProperties(
        @DefaultValue("true") boolean relayEnabled,
        @DefaultValue("200") @Min(1) @Max(5000) int batchSize,
        @DefaultValue("1s") @NotNull Duration pollInterval,
        @DefaultValue("true") boolean listen,
        @DefaultValue @Valid @NotNull Backoff backoff,
        @DefaultValue("2m") @NotNull Duration deliveryTimeout,
        @DefaultValue("5ms") @NotNull Duration linger,
        @DefaultValue("7d") @NotNull Duration retention,
        @DefaultValue("10m") @NotNull Duration purgeInterval) {

    /**
     * @param initial first retry delay; doubled per failed attempt
     * @param max     cap on the delay
     */
    public record Backoff(@DefaultValue("1s") @NotNull Duration initial, @DefaultValue("1m") @NotNull Duration max) {

        @AssertTrue(message = "voidvm.outbox.backoff needs 0 < initial <= max")
        public boolean isOrdered() {
            return initial != null && max != null && initial.isPositive() && initial.compareTo(max) <= 0;
        }

        /** Delay after the given number of failed attempts (1 = first failure), doubling and capped. */
        public Duration delayAfter(int failedAttempts) {
            int doublings = Math.min(Math.max(failedAttempts - 1, 0), 30);
            Duration delay = initial.multipliedBy(1L << doublings);
            return delay.compareTo(max) > 0 ? max : delay;
        }
    }

    @AssertTrue(message = "voidvm.outbox.poll-interval, delivery-timeout, retention and purge-interval must be positive")
    public boolean isPositive() {
        return pollInterval != null && pollInterval.isPositive() && deliveryTimeout != null
               && deliveryTimeout.isPositive() && retention != null && retention.isPositive()
               && purgeInterval != null && purgeInterval.isPositive() && linger != null && !linger.isNegative();
    }
}
