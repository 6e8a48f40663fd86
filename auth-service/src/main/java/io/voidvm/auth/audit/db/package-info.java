/**
 * R2DBC access to the {@code audit_log} table: append, append-once for imported Keycloak events, and newest-first
 * keyset pages.
 */
package io.voidvm.auth.audit.db;
