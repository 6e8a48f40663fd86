package io.voidvm.nodeagent.reconcile;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMax;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Reconciliation settings ({@code voidvm.nodeagent.reconcile.*}, ADR 0011).
 *
 * @param interval         mean pause between periodic passes; each fetches the desired state from vm-service,
 *                         converges on it and publishes the node's full observed-state report
 * @param jitter           each pause is drawn from {@code interval × [1 − jitter, 1 + jitter]}, so that agents
 *                         started together do not all ask vm-service at once
 * @param startupTimeout   how long start-up waits for every VM to be re-attached before consuming commands
 * @param vmServiceUrl     base URL of vm-service, asked as the platform client
 *                         ({@code voidvm.nodeagent.volumes.platform.*}) for
 *                         {@code /internal/v1/nodes/{node}/desired-state}
 * @param fetchTimeout     time limit of one desired-state fetch, token included
 * @param commandGrace     a VM whose desired state changed in vm-service less than this before it answered is left
 *                         to its command, which is on its way, until a later pass (by vm-service's clock alone)
 * @param strayGracePeriod how long a VM this node has may go unlisted by successful fetches before it is destroyed
 */
@Validated
@ConfigurationProperties("voidvm.nodeagent.reconcile")
public record ReconcileProperties(
        @NotNull @DefaultValue("30s") @DurationMin(millis = 100) @DurationMax(hours = 1) Duration interval,
        @DefaultValue("0.2") @DecimalMin("0.0") @DecimalMax("0.5") double jitter,
        @NotNull @DefaultValue("2m") @DurationMin(seconds = 1) Duration startupTimeout,
        @NotNull @DefaultValue("http://127.0.0.1:8081") URI vmServiceUrl,
        @NotNull @DefaultValue("10s") @DurationMin(millis = 100) @DurationMax(minutes = 5) Duration fetchTimeout,
        @NotNull @DefaultValue("5s") @DurationMax(minutes = 10) Duration commandGrace,
        @NotNull @DefaultValue("5m") @DurationMin(seconds = 1) Duration strayGracePeriod) {

    public ReconcileProperties {
        if (commandGrace != null && commandGrace.isNegative()) {
            throw new IllegalArgumentException("voidvm.nodeagent.reconcile.command-grace must not be negative, got "
                    + commandGrace);
        }
        if (vmServiceUrl != null && !("http".equals(vmServiceUrl.getScheme())
                || "https".equals(vmServiceUrl.getScheme()))) {
            throw new IllegalArgumentException("voidvm.nodeagent.reconcile.vm-service-url must be http(s), got "
                    + vmServiceUrl);
        }
    }
}
