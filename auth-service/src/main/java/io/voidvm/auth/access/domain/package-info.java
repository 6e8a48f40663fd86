/**
 * Who may call what in auth-service, as plain Java: admin-only checks shared by every feature. Tenant
 * visibility itself comes from service-kit's {@code Caller} and {@code TenantScope}.
 */
package io.voidvm.auth.access.domain;
