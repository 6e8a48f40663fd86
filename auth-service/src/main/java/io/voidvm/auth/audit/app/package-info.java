/**
 * Writing the audit log: entries for auth-service's own actions ({@link io.voidvm.auth.audit.app.AuditLog}) and
 * the periodic import of Keycloak's login failures and lockouts.
 */
package io.voidvm.auth.audit.app;
