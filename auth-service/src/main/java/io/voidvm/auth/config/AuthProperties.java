package io.voidvm.auth.config;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import java.net.URI;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMax;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of auth-service.
 *
 * @param defaultQuotas        the quota a new tenant starts with, until an admin changes it
 * @param maxMembersPerTenant  upper bound on memberships per tenant, against runaway invitations
 * @param keycloak             how auth-service reaches Keycloak's admin API
 * @param tenants              adoption of the tenants the realm's users name (ADR 0018)
 * @param apiTokens            lifetime rules of API tokens
 * @param audit                import of Keycloak's login events into the audit log
 */
@Validated
@ConfigurationProperties("voidvm.auth")
public record AuthProperties(
        @NotNull @Valid Quotas defaultQuotas,
        @Min(1) @Max(10_000) int maxMembersPerTenant,
        @NotNull @Valid Keycloak keycloak,
        @NotNull @Valid Tenants tenants,
        @NotNull @Valid ApiTokens apiTokens,
        @NotNull @Valid Audit audit) {

    /**
     * Per-tenant limits. Boxed so that a missing value is an error rather than a silent zero (zero itself is a
     * legitimate quota: "no images for this tenant").
     */
    public record Quotas(
            @NotNull @PositiveOrZero Integer vms,
            @NotNull @PositiveOrZero Integer vcpus,
            @NotNull @PositiveOrZero Long memoryMb,
            @NotNull @PositiveOrZero Long diskGb,
            @NotNull @PositiveOrZero Integer images,
            @NotNull @PositiveOrZero Long imageGb) {
    }

    /**
     * A confidential client with a service account holding realm-management roles (view/manage users and
     * clients, view events).
     *
     * @param serverUrl    Keycloak's base URL, without {@code /realms/...}
     * @param realm        the realm auth-service administers
     * @param clientId     client of the service account
     * @param clientSecret its secret; never logged
     */
    public record Keycloak(
            @NotNull URI serverUrl,
            @NotBlank String realm,
            @NotBlank String clientId,
            @NotBlank String clientSecret,
            @NotNull @DurationMin(millis = 100) @DurationMax(minutes = 5) Duration timeout) {

        @Override
        public String toString() {
            return "Keycloak[serverUrl=" + serverUrl + ", realm=" + realm + ", clientId=" + clientId
                    + ", clientSecret=***, timeout=" + timeout + "]";
        }
    }

    /**
     * @param reconcileInterval how often Keycloak's users are read to adopt the tenants their {@code tenant} attribute
     *                          names (besides the pass at start-up); the delay before a tenant set straight in
     *                          Keycloak exists here
     */
    public record Tenants(
            @NotNull @DurationMin(seconds = 1) @DurationMax(hours = 24) Duration reconcileInterval) {
    }

    /**
     * @param defaultLifetime when a create request names no expiry
     * @param maxLifetime     the longest expiry a request may ask for
     * @param sweepInterval   how often expired tokens' Keycloak clients are deleted
     * @param maxPerUser      live tokens one user may hold, so clients in Keycloak stay bounded
     */
    public record ApiTokens(
            @NotNull @DurationMin(minutes = 1) Duration defaultLifetime,
            @NotNull @DurationMin(minutes = 1) @DurationMax(days = 3650) Duration maxLifetime,
            @NotNull @DurationMin(seconds = 1) Duration sweepInterval,
            @Min(1) @Max(1000) int maxPerUser) {

        @AssertTrue(message = "default-lifetime must not exceed max-lifetime")
        public boolean isDefaultLifetimeWithinMax() {
            return defaultLifetime == null || maxLifetime == null || defaultLifetime.compareTo(maxLifetime) <= 0;
        }
    }

    /**
     * @param keycloakEventsEnabled whether login failures and lockouts are pulled from Keycloak
     * @param keycloakEventsPoll    how often they are pulled
     */
    public record Audit(
            boolean keycloakEventsEnabled,
            @NotNull @DurationMin(seconds = 1) Duration keycloakEventsPoll) {
    }
}
