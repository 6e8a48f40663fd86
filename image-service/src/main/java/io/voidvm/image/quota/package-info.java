/**
 * The tenant image quotas over HTTP: auth-service's {@code /internal/v1/quota-checks} and
 * {@code /internal/v1/usage/{tenantId}}, called as the platform.
 */
package io.voidvm.image.quota;
