/**
 * auth-service: who belongs to which tenant, with which role and quota. Passwords and login stay in
 * Keycloak; this service drives Keycloak's admin API. Feature packages live below this one.
 */
package io.voidvm.auth;
