package io.voidvm.auth.tokens.app;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * What the identity provider needs to create the client behind an API token.
 *
 * @param secret the client secret, generated here and shown once; never logged
 */
public record ApiClientSpec(UUID tokenId, String clientId, String secret, String tenantId, String ownerId,
                            String name, Instant expiresAt) {

    public ApiClientSpec {
        Objects.requireNonNull(tokenId, "tokenId");
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(secret, "secret");
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(ownerId, "ownerId");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }

    @Override
    public String toString() {
        return "ApiClientSpec[tokenId=" + tokenId + ", clientId=" + clientId + ", secret=***, tenantId=" + tenantId
                + ", ownerId=" + ownerId + ", expiresAt=" + expiresAt + "]";
    }
}
