/**
 * The audit log's vocabulary as plain Java: entries, actions, and the Keycloak login events that become
 * entries. Entries never carry secrets.
 */
package io.voidvm.auth.audit.domain;
