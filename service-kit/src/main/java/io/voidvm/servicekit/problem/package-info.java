/**
 * RFC 9457 errors for WebFlux: one {@code WebExceptionHandler} turns every failure (API exceptions, validation,
 * bad JSON, unknown routes, oversized bodies, bugs) into {@code application/problem+json} with a stable code.
 */
package io.voidvm.servicekit.problem;
