/**
 * The Keycloak adapter: the admin client (client credentials of the platform service account) behind the
 * identity, API-token and event ports. Blocking calls run on boundedElastic; HTTP errors become problems.
 */
package io.voidvm.auth.keycloak;
