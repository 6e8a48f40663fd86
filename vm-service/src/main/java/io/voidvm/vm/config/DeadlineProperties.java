package io.voidvm.vm.config;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMax;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code voidvm.vm.deadlines.*}: how long an operation may wait for its node, by action, before it fails with
 * {@code TIMED_OUT} (ADR 0013), and how often the sweep looks. Each deadline is counted from the request.
 *
 * @param define         create and update (the node stores a definition)
 * @param start          start (QEMU launched, guest running)
 * @param startFromImage start of a VM that boots from an image's volume: the node's start waits for the volume's
 *                       file (up to its {@code volume-wait-timeout}, 5 min) while the image is copied
 * @param stop           what a graceful stop may take beyond {@code voidvm.vm.default-stop-timeout} (the guest's
 *                       power-down time before the node forces it): its deadline is the sum
 * @param forceStop      stop at once (QEMU killed)
 * @param delete         the node stops the VM at once and removes it
 * @param checkInterval  how often the sweep looks for operations past their deadline (±20 %)
 */
@Validated
@ConfigurationProperties("voidvm.vm.deadlines")
public record DeadlineProperties(
        @DefaultValue("30s") @NotNull @DurationMin(seconds = 1) @DurationMax(hours = 24) Duration define,
        @DefaultValue("30s") @NotNull @DurationMin(seconds = 1) @DurationMax(hours = 24) Duration start,
        @DefaultValue("6m") @NotNull @DurationMin(seconds = 1) @DurationMax(hours = 24) Duration startFromImage,
        @DefaultValue("30s") @NotNull @DurationMin(seconds = 1) @DurationMax(hours = 24) Duration stop,
        @DefaultValue("30s") @NotNull @DurationMin(seconds = 1) @DurationMax(hours = 24) Duration forceStop,
        @DefaultValue("30s") @NotNull @DurationMin(seconds = 1) @DurationMax(hours = 24) Duration pause,
        @DefaultValue("30s") @NotNull @DurationMin(seconds = 1) @DurationMax(hours = 24) Duration resume,
        @DefaultValue("30s") @NotNull @DurationMin(seconds = 1) @DurationMax(hours = 24) Duration reset,
        @DefaultValue("30s") @NotNull @DurationMin(seconds = 1) @DurationMax(hours = 24) Duration reboot,
        @DefaultValue("60s") @NotNull @DurationMin(seconds = 1) @DurationMax(hours = 24) Duration delete,
        @DefaultValue("5s") @NotNull @DurationMin(millis = 100) @DurationMax(minutes = 10) Duration checkInterval) {
}
