/**
 * Who is calling and which tenant's rows they may touch, as plain Java: {@link io.voidvm.servicekit.tenancy.domain.Caller}
 * from token claims and {@link io.voidvm.servicekit.tenancy.domain.TenantScope} for tenant-filtered queries.
 */
package io.voidvm.servicekit.tenancy.domain;
