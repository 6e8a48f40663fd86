/**
 * HTTP API of tenancy: tenants, members, quotas, {@code /users/usage}, and the internal quota-check and
 * usage-report endpoints for other services.
 */
package io.voidvm.auth.tenancy.web;
