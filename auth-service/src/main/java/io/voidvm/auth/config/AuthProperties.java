package io.voidvm.auth.config;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of auth-service.
 *
 * @param defaultQuotas        the quota a new tenant starts with, until an admin changes it
 * @param maxMembersPerTenant  upper bound on memberships per tenant, against runaway invitations
 */
@Validated
@ConfigurationProperties("voidvm.auth")
public record AuthProperties(
        @NotNull @Valid Quotas defaultQuotas,
        @Min(1) @Max(10_000) int maxMembersPerTenant) {

    /**
     * Per-tenant limits. Boxed so that a missing value is an error rather than a silent zero (zero itself is a
     * legitimate quota: "no images for this tenant").
     */
    public record Quotas(
            @NotNull @PositiveOrZero Integer vms,
            @NotNull @PositiveOrZero Integer vcpus,
            @NotNull @PositiveOrZero Long memoryMb,
            @NotNull @PositiveOrZero Long diskGb,
            @NotNull @PositiveOrZero Integer images) {
    }
}
