/**
 * Tenant usage per quota resource behind two narrow ports: {@link io.voidvm.auth.usage.UsageSource} for readers
 * (quota checks, {@code /users/usage}) and {@link io.voidvm.auth.usage.UsageReports} for the owning services.
 */
package io.voidvm.auth.usage;
