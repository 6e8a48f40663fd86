package io.voidvm.auth.tenancy.domain;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A user's membership in a tenant.
 *
 * @param userId the Keycloak user id (a token's {@code sub})
 */
public record Membership(UUID id, String tenantId, String userId, MemberRole role, Instant createdAt) {

    public Membership {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(role, "role");
    }
}
