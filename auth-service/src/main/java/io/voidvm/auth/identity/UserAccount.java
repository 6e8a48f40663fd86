package io.voidvm.auth.identity;

import java.time.Instant;
import java.util.Objects;

/**
 * A Keycloak user as auth-service shows it. Never holds credentials.
 *
 * @param id        Keycloak's user id, the {@code sub} of the user's tokens
 * @param tenantId  the {@code tenant} attribute (what the user's tokens carry), null when none
 * @param avatarUrl the {@code avatarUrl} attribute, null when none
 * @param createdAt null when Keycloak did not say
 */
public record UserAccount(String id, String username, String email, String firstName, String lastName,
                          boolean enabled, String tenantId, String avatarUrl, Instant createdAt) {

    public UserAccount {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(username, "username");
    }

    /** "First Last", whichever parts exist, else the username. */
    public String displayName() {
        String joined = ((firstName == null ? "" : firstName) + " " + (lastName == null ? "" : lastName)).strip();
        return joined.isEmpty() ? username : joined;
    }
}
