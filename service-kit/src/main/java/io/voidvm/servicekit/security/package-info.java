/**
 * Resource-server security every service gets by default: JWTs from Keycloak (issuer checked lazily, audience
 * {@code voidvm-api}), realm roles as authorities, a tenant required, and 401/403 answered as problems.
 */
package io.voidvm.servicekit.security;
