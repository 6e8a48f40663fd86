package io.voidvm.auth.tokens.domain;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * An API token's metadata. The secret is not here: it exists only in Keycloak and in the response that created
 * the token.
 *
 * @param ownerId          the Keycloak user id of the user who created it
 * @param clientId         the Keycloak client that is the token ({@code client_id} of its client-credentials grant)
 * @param keycloakClientId Keycloak's internal id of that client, needed to delete it
 * @param endedAt          when it was revoked or swept after expiry; null while live
 * @param endReason        why it ended; null while live
 */
public record ApiToken(UUID id, String tenantId, String ownerId, String name, String clientId,
                       String keycloakClientId, Instant createdAt, Instant expiresAt, Instant endedAt,
                       TokenEnd endReason) {

    public ApiToken {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(ownerId, "ownerId");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(keycloakClientId, "keycloakClientId");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
        if ((endedAt == null) != (endReason == null)) {
            throw new IllegalArgumentException("endedAt and endReason go together");
        }
    }

    /** The Keycloak client id for a token id: recognisable in Keycloak's console, unique by construction. */
    public static String clientIdFor(UUID tokenId) {
        return "voidvm-token-" + tokenId;
    }

    public TokenStatus status(Instant now) {
        if (endReason != null) {
            return switch (endReason) {
                case REVOKED -> TokenStatus.REVOKED;
                case EXPIRED -> TokenStatus.EXPIRED;
            };
        }
        return now.isBefore(expiresAt) ? TokenStatus.ACTIVE : TokenStatus.EXPIRED;
    }
}
