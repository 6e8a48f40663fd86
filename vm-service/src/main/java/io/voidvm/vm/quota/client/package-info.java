/**
 * The HTTP adapter of the quota gate: auth-service's {@code /internal/v1} quota API, called as the platform
 * with a client-credentials token, with a time limit and a circuit breaker.
 */
package io.voidvm.vm.quota.client;
