package io.voidvm.auth.tenancy.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * A tenant. Its id is the value of the Keycloak {@code tenant} claim, so it is a DNS label, not a UUID.
 *
 * @param suspended a suspended tenant keeps its data; other services may refuse its new resources
 */
public record Tenant(String id, String displayName, boolean suspended, long version, Instant createdAt,
                     Instant updatedAt) {

    public Tenant {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(displayName, "displayName");
    }
}
