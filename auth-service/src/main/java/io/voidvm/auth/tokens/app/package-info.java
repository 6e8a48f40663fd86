/**
 * API token use cases: create (secret once), list, revoke and the expiry sweep, against the
 * {@link io.voidvm.auth.tokens.app.ApiClientRegistry} port that the Keycloak adapter implements.
 */
package io.voidvm.auth.tokens.app;
