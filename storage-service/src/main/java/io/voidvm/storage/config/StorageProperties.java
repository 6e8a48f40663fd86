package io.voidvm.storage.config;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of storage-service.
 *
 * @param poolsRoot       directory under which directory-backed pools live on this host (local mode); created if
 *                        missing. The node agents keep their own pools root; pool paths are relative to it.
 * @param defaultPool     the pool seeded at start-up when no pool of its name exists; none when absent
 * @param maxVolumeSizeGb largest single volume
 * @param clients         how to reach image-service, vm-service, auth-service and the token issuer
 * @param pending         when a command the node has not answered is sent again, and when it is given up on
 */
@Validated
@ConfigurationProperties("voidvm.storage")
public record StorageProperties(
        @NotNull @CreatableDirectory Path poolsRoot,
        @Valid DefaultPool defaultPool,
        @Min(1) @Max(64 * 1024) long maxVolumeSizeGb,
        @NotNull @Valid Clients clients,
        @DefaultValue @NotNull @Valid Pending pending) {

    private static final String DNS_LABEL = "[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?";
    private static final String DNS_LABEL_MESSAGE =
            "must be a DNS label: 1-63 of a-z, 0-9 and '-', not starting or ending with '-'";

    /**
     * A DIR pool on one node.
     *
     * @param path     relative to the node agent's pools root
     * @param nodeName the node agent's name (local mode: {@code local})
     */
    public record DefaultPool(
            @NotNull @Pattern(regexp = DNS_LABEL, message = DNS_LABEL_MESSAGE) String name,
            @NotNull @Pattern(regexp = "[A-Za-z0-9_][A-Za-z0-9._-]*(/[A-Za-z0-9_][A-Za-z0-9._-]*)*",
                    message = "must be a relative path of plain segments without '..'") String path,
            @NotNull @Pattern(regexp = DNS_LABEL, message = DNS_LABEL_MESSAGE) String nodeName,
            @Min(1) long capacityGb,
            @DefaultValue("1.0") @NotNull @DecimalMin("1.0") @DecimalMax("100.0") BigDecimal overcommitRatio) {
    }

    /**
     * Calls to other services. Platform calls (image-service, auth-service) carry a client-credentials token of
     * {@code clientId}; calls to vm-service relay the caller's own token.
     *
     * @param quotaChecks ask auth-service for the tenant's {@code diskGb} quota before allocating
     */
    public record Clients(
            @NotNull URI imageService,
            @NotNull URI vmService,
            @NotNull URI authService,
            @NotNull URI tokenUri,
            @NotBlank String clientId,
            @NotBlank String clientSecret,
            @DefaultValue("5s") @NotNull Duration timeout,
            @DefaultValue("true") boolean quotaChecks) {
    }

    /**
     * Commands a volume waits on (create, resize, delete, attach, detach; ADR 0009). {@code resendAfter} times
     * {@code maxAttempts} must outlast the slowest create (an image download to the node's cache).
     *
     * @param resendAfter   how long after a send without the node's report the command is sent again
     * @param maxAttempts   sends in all, the first included; after the last one goes unanswered the volume is
     *                      given up on (ERROR with the reason, or the old size for a resize)
     * @param checkInterval how often overdue commands are looked for
     */
    public record Pending(
            @DefaultValue("2m") @NotNull @DurationMin(millis = 100) Duration resendAfter,
            @DefaultValue("5") @Min(1) @Max(1000) int maxAttempts,
            @DefaultValue("15s") @NotNull @DurationMin(millis = 10) Duration checkInterval) {
    }
}
