package io.voidvm.nodeagent.reconcile;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Reconciliation settings ({@code voidvm.nodeagent.reconcile.*}).
 *
 * @param interval       pause between periodic passes
 * @param startupTimeout how long start-up waits for every VM to be re-attached before consuming commands
 */
@Validated
@ConfigurationProperties("voidvm.nodeagent.reconcile")
public record ReconcileProperties(
        @NotNull @DefaultValue("30s") @DurationMin(millis = 100) Duration interval,
        @NotNull @DefaultValue("2m") @DurationMin(seconds = 1) Duration startupTimeout) {
}
