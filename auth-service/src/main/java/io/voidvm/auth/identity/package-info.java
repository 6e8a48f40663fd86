/**
 * Ports to the identity provider: the realm's users as auth-service reads and changes them. The Keycloak
 * adapter in {@code io.voidvm.auth.keycloak} implements them; features depend only on these.
 */
package io.voidvm.auth.identity;
