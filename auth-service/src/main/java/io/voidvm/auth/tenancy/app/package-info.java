/**
 * Tenancy use cases: tenants and members for admins, quotas with defaults from configuration, usage, and the
 * quota check other services ask before they create resources.
 */
package io.voidvm.auth.tenancy.app;
