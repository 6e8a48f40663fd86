/** R2DBC access to the tenancy tables: tenants, memberships, quotas and reported usage. */
package io.voidvm.auth.tenancy.db;
