package io.voidvm.monitoring.config;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMax;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the dead-letter admin API and gauge ({@code voidvm.monitoring.dead-letters.*}).
 *
 * @param maxValueBytes    a record's value is shown (as JSON, text or base64) up to this size; larger ones are
 *                         described by their size only
 * @param maxReplayRecords most records one replay request may cover
 * @param depthInterval    how often the depth gauge reads every dead-letter topic's offsets
 * @param kafkaTimeout     the most one call to Kafka may take before the request is a 503
 */
@Validated
@ConfigurationProperties("voidvm.monitoring.dead-letters")
public record DeadLetterProperties(
        @Min(256) @Max(1_048_576) int maxValueBytes,
        @Min(1) @Max(1000) int maxReplayRecords,
        @NotNull @DurationMin(seconds = 5) @DurationMax(hours = 1) Duration depthInterval,
        @NotNull @DurationMin(seconds = 1) @DurationMax(minutes = 2) Duration kafkaTimeout) {
}
