/**
 * A real Keycloak server from the keycloak-quarkus-dist artifact for tests and local mode, the voidvm realm
 * merged with demo users, {@code @WithKeycloak}, and a small token client.
 */
package io.voidvm.testsupport.keycloak;
