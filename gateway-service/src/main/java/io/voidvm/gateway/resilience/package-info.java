/**
 * What the gateway does when a downstream service is slow or down: a Resilience4j circuit breaker and time
 * limit per route, and problem+json answers (503, 504) that name the service instead of a bare 500.
 */
package io.voidvm.gateway.resilience;
