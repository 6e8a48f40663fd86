/**
 * Tenants, memberships and quotas as plain Java: the limits and usage per resource and the pure decision
 * whether a tenant may add more ({@link io.voidvm.auth.tenancy.domain.QuotaDecision}).
 */
package io.voidvm.auth.tenancy.domain;
