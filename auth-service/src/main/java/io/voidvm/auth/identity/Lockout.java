package io.voidvm.auth.identity;

import java.time.Instant;

/**
 * What Keycloak's brute-force detection knows about a user.
 *
 * @param locked       the account is locked out now (temporarily or permanently)
 * @param failures     failed logins counted since the last success or unlock
 * @param lastFailure  null when there was none
 */
public record Lockout(boolean locked, int failures, Instant lastFailure) {
}
