package io.voidvm.auth.identity;

/**
 * The fields a user may change about themselves; a null {@code avatarUrl} removes the avatar. Validated by the
 * caller (see {@code io.voidvm.auth.profile.domain}); Keycloak's user profile checks again.
 */
public record ProfileChange(String firstName, String lastName, String email, String avatarUrl) {
}
